package io.skyhop.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import io.skyhop.runtime.exec.Invoker;
import io.skyhop.runtime.exec.Outcome;
import io.skyhop.runtime.exec.Payload;
import io.skyhop.runtime.meter.RuntimeLog;
import io.skyhop.runtime.queue.Consumers;
import io.skyhop.runtime.queue.Queues;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Push delivery of queue messages as CloudEvents (runtime option {@code --cloudevents}; the
 * subscriber of the {@code knative} target's Triggers): {@code POST /_skyhop/events/queues/<queue>}
 * with a CloudEvent in binary or structured mode invokes the function consuming {@code <queue>}
 * with the event as its {@code QueueMessage}, at once, without the durable queue: the sender (a
 * Knative Broker) keeps the message and retries.
 *
 * <p>Answers follow the Knative Eventing data-plane contract: {@code 202} with an empty body once
 * the function returned (an empty body, so the Broker does not read it as a reply event); {@code
 * 500} when it threw, {@code 502}/{@code 504} when its instance failed or timed out, {@code 429}
 * when no instance was free (all retried by the Broker); {@code 404} for a queue no function here
 * consumes (retried too: during a rollout the new revision may not serve yet); {@code 400} for a
 * request that is not a valid event, {@code 413} for one above {@code --max-body-bytes}, {@code
 * 415} for batched mode and other event formats (not retried: the Broker dead-letters them). There
 * is no authentication: enable it only where the port is private.
 */
final class EventsApi {
  /** Where queue events are POSTed: this, then the queue's name. */
  static final String PREFIX = "/_skyhop/events/queues/";

  private final Consumers consumers;
  private final Invoker invoker;
  private final long maxBodyBytes;
  private final RuntimeLog log;

  EventsApi(Consumers consumers, Invoker invoker, long maxBodyBytes, RuntimeLog log) {
    this.consumers = consumers;
    this.invoker = invoker;
    this.maxBodyBytes = maxBodyBytes;
    this.log = log;
  }

  void handle(HttpExchange exchange) throws IOException {
    String queue =
        URLDecoder.decode(
            exchange.getRequestURI().getRawPath().substring(PREFIX.length()),
            StandardCharsets.UTF_8);
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      Exchanges.error(exchange, 405, "Queue events are delivered with POST", null);
      return;
    }
    Optional<Consumers.Consumer> consumer =
        Queues.NAME.matcher(queue).matches() ? consumers.find(queue, Map.of()) : Optional.empty();
    if (consumer.isEmpty()) {
      Exchanges.error(
          exchange,
          404,
          "No function here consumes queue '"
              + queue
              + "'. Fix: point the Trigger's subscriber at "
              + PREFIX
              + "<queue> of a @QueueTrigger function of the app this Service runs",
          null);
      return;
    }
    Optional<byte[]> body = Exchanges.bodyOrAnswer(exchange, maxBodyBytes);
    if (body.isEmpty()) {
      return;
    }
    CloudEvent event;
    try {
      event = CloudEvent.read(exchange.getRequestHeaders(), body.get());
    } catch (CloudEvent.Invalid e) {
      log.warn("Refused a queue event: " + e.getMessage(), "queue", queue);
      Exchanges.error(exchange, e.status(), e.getMessage(), null);
      return;
    }
    deliver(exchange, queue, consumer.get(), event);
  }

  private void deliver(
      HttpExchange exchange, String queue, Consumers.Consumer consumer, CloudEvent event)
      throws IOException {
    String requestId = Invoker.requestId();
    Outcome outcome =
        invoker.invoke(consumer.pool(), new Payload.Queue(event.message()), requestId);
    exchange.getResponseHeaders().set("x-skyhop-request-id", requestId);
    if (outcome.status() == Outcome.Status.OK) {
      Exchanges.send(exchange, 202, null, new byte[0]);
      return;
    }
    log.warn(
        "Queue event failed: the sender retries it",
        "queue",
        queue,
        "eventId",
        event.id(),
        "eventSource",
        event.source(),
        "status",
        outcome.status().name(),
        "error",
        outcome.error());
    String message =
        outcome.status() == Outcome.Status.FUNCTION_ERROR
            ? "The function failed: " + outcome.error()
            : outcome.error();
    Exchanges.error(exchange, outcome.httpStatus(), message, requestId);
  }
}
