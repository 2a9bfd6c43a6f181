package io.skyhop.test;

import com.microsoft.azure.functions.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.StorageEvent;
import io.skyhop.azure.AzureFunctionException;
import io.skyhop.azure.SkyhopFunctions;
import io.skyhop.core.FunctionRuntime;
import io.skyhop.core.Trigger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Azure Functions: every call goes to the entry method of {@link SkyhopFunctions} that the
 * function's {@code function.json} names, with the binding data the Java worker passes (the HTTP
 * request message, the timer information JSON, the queue message bytes with its {@code Id} and
 * {@code DequeueCount}, the blob with its name, path and properties), and an execution context
 * named after the function. A queue message or blob whose function throws is retried by the host,
 * up to {@code maxDequeueCount} (5) deliveries, then goes to the poison queue.
 */
final class AzureView extends TargetView {
  /** Where the host serves HTTP functions: {@code /api} below the app's host name. */
  static final String BASE_URL = "https://app.azurewebsites.net/api";

  private final SkyhopFunctions entry;
  private final AzureBinder binder;

  AzureView(FunctionRuntime runtime, ClassLoader loader, Map<String, String> env) {
    super("azure", runtime, env);
    this.entry = new SkyhopFunctions(loader, env);
    this.binder = new AzureBinder(entry);
  }

  @Override
  HttpResponse serve(String function, HttpRequest request) {
    AzureWorker.Response response =
        (AzureWorker.Response) entry.http(request(request), context(function));
    HttpResponse.Builder out = HttpResponse.status(response.getStatus().value());
    response
        .headers()
        .forEach(
            (name, value) -> {
              if (name.equalsIgnoreCase("Set-Cookie")) {
                out.cookie(value);
              } else {
                out.header(name, value);
              }
            });
    Object body = response.getBody();
    byte[] bytes =
        body == null
            ? new byte[0]
            : body instanceof byte[] b ? b : body.toString().getBytes(StandardCharsets.UTF_8);
    return out.body(bytes).build();
  }

  /** The host answers 404 with an empty body when no function's route and methods match. */
  @Override
  HttpResponse notRouted(HttpRequest request, FunctionRuntime.Route route) {
    return HttpResponse.status(404).body(new byte[0]).build();
  }

  /** A timer run that fails is not retried; the next run comes at the next occurrence. */
  @Override
  Delivery runSchedule(Trigger.Schedule schedule, String function, Instant due) {
    try {
      binder.invoke("timer", AzureBindingData.timer(due), context(function));
      return Delivery.succeeded("timer run completed");
    } catch (RuntimeException failed) {
      return new Delivery(Delivery.Outcome.FAILED, "timer run failed", Optional.of(failed));
    }
  }

  /**
   * Storage queue messages carry no attributes: the function receives the body, the id and the
   * dequeue count only.
   */
  @Override
  Delivery deliver(String function, QueueMessage message) {
    try {
      binder.invoke("queue", AzureBindingData.queue(message), context(function));
      return Delivery.succeeded("message deleted from the queue");
    } catch (RuntimeException failed) {
      String queue = ((Trigger.Queue) def(function).trigger()).queue();
      if (message.deliveryCount() >= MAX_DELIVERIES) {
        return new Delivery(
            Delivery.Outcome.DEAD_LETTERED,
            "message moved to " + queue + "-poison after " + message.deliveryCount() + " dequeues",
            Optional.of(failed));
      }
      return new Delivery(
          Delivery.Outcome.RETRIED,
          "message visible again, dequeue count " + (message.deliveryCount() + 1),
          Optional.of(failed));
    }
  }

  /** A blob trigger fires for new and updated blobs only; the content is passed empty. */
  @Override
  Delivery notify(String function, StorageEvent event) {
    if (event.type() != StorageEvent.Type.CREATED) {
      throw new IllegalArgumentException(
          "Azure's blobTrigger fires for new and updated blobs only, so no Azure deployment delivers "
              + event
              + ". Fix: test deletions on another target, or send a CREATED event.");
    }
    try {
      binder.invoke("blob", AzureBindingData.blob(event), context(function));
      return Delivery.succeeded("blob receipt written");
    } catch (RuntimeException failed) {
      return new Delivery(
          Delivery.Outcome.RETRIED, "blob retried by the host", Optional.of(failed));
    }
  }

  /**
   * The binding data the host passes the worker for a queue, blob or timer function: {@code
   * {"data": …, "metadata": {…}}} as {@code SampleEvents.azureQueue()}, {@code azureBlob()} and
   * {@code azureTimer()} show.
   *
   * @return {@code ""}: the entry methods return nothing
   * @throws RuntimeException what the function threw (the host records a failed invocation)
   */
  @Override
  public String event(String function, String json) {
    Trigger trigger = def(function).trigger();
    if (trigger instanceof Trigger.Http) {
      throw new UnsupportedOperationException(
          "Function '"
              + function
              + "' is an HTTP function: the Azure worker hands it an HttpRequestMessage, not"
              + " binding data. Fix: call http(...), get(...) or post(...) on target(\"azure\").");
    }
    String method =
        trigger instanceof Trigger.Queue
            ? "queue"
            : trigger instanceof Trigger.Storage ? "blob" : "timer";
    try {
      binder.invoke(method, json, context(function));
      return "";
    } catch (AzureFunctionException failed) {
      throw sneaky(failed.getCause());
    }
  }

  private AzureWorker.Context context(String function) {
    return new AzureWorker.Context(function, nextRequestId(), this::log);
  }

  /** The request as the worker binds it: one value per header, {@code Cookie} as a header. */
  private static AzureWorker.Request request(HttpRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    request.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
    if (!request.cookies().isEmpty()) {
      headers.putIfAbsent("Cookie", Requests.cookieHeader(request.cookies()));
    }
    Map<String, String> query = new LinkedHashMap<>();
    request.queryParameters().forEach((name, values) -> query.put(name, EventJson.last(values)));
    String raw = Requests.rawQuery(request.queryParameters());
    URI uri = URI.create(BASE_URL + request.path() + (raw.isEmpty() ? "" : "?" + raw));
    byte[] body = request.body();
    return new AzureWorker.Request(
        HttpMethod.valueOf(request.method().name()),
        uri,
        headers,
        query,
        body.length == 0 ? Optional.empty() : Optional.of(body));
  }
}
