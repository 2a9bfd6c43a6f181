package io.skyhop.test;

import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.ScheduledEvent;
import io.skyhop.api.StorageEvent;
import io.skyhop.core.BoundFunction;
import io.skyhop.core.FunctionFailedException;
import io.skyhop.core.FunctionRuntime;
import io.skyhop.core.InvocationContext;
import io.skyhop.core.Json;
import io.skyhop.core.Secrets;
import io.skyhop.core.Trigger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The in-house runtime ({@code local}) and the same runtime on Knative ({@code knative}). Its
 * worker protocol runs in a separate JVM, so this view does not speak it: it applies the runtime's
 * own mapping around the neutral core, the one the worker calls. The front door answers 404 and 405
 * with {@code {"error": ...}} bodies; on {@code local} a queue message is retried until its fifth
 * delivery, then dead-lettered ({@code --max-attempts 5}); on {@code knative} a message is a
 * CloudEvent pushed by a Broker (delivery count 1, attributes from its extension attributes, a
 * failure answered 500 and retried by the Broker), a schedule a CronJob run (retried twice when it
 * fails), and there are no storage triggers.
 */
final class RuntimeView extends TargetView {
  private final boolean knative;

  RuntimeView(String target, FunctionRuntime runtime, Map<String, String> env) {
    super(target, runtime, env);
    this.knative = target.equals("knative");
  }

  @Override
  HttpResponse serve(String function, HttpRequest request) {
    FunctionRuntime.Route.Found found =
        (FunctionRuntime.Route.Found) runtime().route(request.method(), request.path());
    BoundFunction bound = runtime().function(function);
    return bound.invokeHttp(
        request.toBuilder().pathParams(found.pathParams()).build(), context(bound));
  }

  @Override
  HttpResponse notRouted(HttpRequest request, FunctionRuntime.Route route) {
    if (route instanceof FunctionRuntime.Route.MethodNotAllowed notAllowed) {
      StringJoiner allow = new StringJoiner(", ");
      notAllowed.allowed().forEach(m -> allow.add(m.name()));
      return error(405, request.method() + " is not allowed on " + request.path()).toBuilder()
          .header("Allow", allow.toString())
          .build();
    }
    return error(404, "No function of app 'app' serves " + request.method() + " " + request.path());
  }

  /**
   * {@code local}: the scheduler logs a failed run, the next one comes at the next due time. {@code
   * knative}: a CronJob runs the image once; exit 1 and Kubernetes retries it twice.
   */
  @Override
  Delivery runSchedule(Trigger.Schedule schedule, String function, Instant due) {
    BoundFunction bound = runtime().function(function);
    ScheduledEvent event = new ScheduledEvent(due, schedule.cron(), schedule.timezone());
    return knative
        ? outcome(
            () -> bound.invokeEvent(event, context(bound)),
            "exit 0",
            Delivery.Outcome.RETRIED,
            "exit 1")
        : outcome(
            () -> bound.invokeEvent(event, context(bound)),
            "run completed",
            Delivery.Outcome.FAILED,
            "run failed");
  }

  @Override
  Delivery deliver(String function, QueueMessage message) {
    BoundFunction bound = runtime().function(function);
    if (knative) {
      QueueMessage pushed = new QueueMessage(message.id(), message.body(), extensions(message), 1);
      return outcome(
          () -> bound.invokeQueue(pushed, context(bound)),
          "HTTP 202",
          Delivery.Outcome.RETRIED,
          "HTTP 500");
    }
    boolean last = message.deliveryCount() >= MAX_DELIVERIES;
    return outcome(
        () -> bound.invokeQueue(message, context(bound)),
        "message removed from the queue",
        last ? Delivery.Outcome.DEAD_LETTERED : Delivery.Outcome.RETRIED,
        last ? "message moved to dead/" : "message retried after a backoff");
  }

  /** Storage events travel the runtime's durable internal queue: a failure is retried. */
  @Override
  Delivery notify(String function, StorageEvent event) {
    if (knative) {
      throw new IllegalArgumentException(
          "The knative target has no storage triggers, so function '"
              + function
              + "' is never called there. Fix: test it on target(\"local\") or a cloud target.");
    }
    BoundFunction bound = runtime().function(function);
    return outcome(
        () -> bound.invokeEvent(event, context(bound)),
        "event removed from the queue",
        Delivery.Outcome.RETRIED,
        "event retried after a backoff");
  }

  /**
   * A direct invocation's JSON payload ({@code POST /_skyhop/apps/<app>/functions/<fn>/invoke}); on
   * {@code knative} a queue function takes a CloudEvent in the JSON format, as its Broker pushes
   * it.
   *
   * @return the function's result as the runtime answers it (JSON, or the bytes as text)
   */
  @Override
  public String event(String function, String json) {
    BoundFunction bound = runtime().function(function);
    try {
      if (knative && bound.def().trigger() instanceof Trigger.Queue) {
        StructuredCloudEvent event = StructuredCloudEvent.parse(json);
        Map<String, String> attributes = new LinkedHashMap<>();
        event.getExtensionNames().forEach(n -> attributes.put(n, (String) event.getExtension(n)));
        byte[] data = event.getData() == null ? new byte[0] : event.getData().toBytes();
        bound.invokeQueue(new QueueMessage(event.getId(), data, attributes, 1), context(bound));
        return "";
      }
      byte[] result = bound.invokeDirect(json.getBytes(StandardCharsets.UTF_8), context(bound));
      return result == null ? "" : new String(result, StandardCharsets.UTF_8);
    } catch (FunctionFailedException e) {
      throw sneaky(e.getCause());
    }
  }

  /** CloudEvents extension attribute names are lower-case letters and digits: others are lost. */
  private static Map<String, String> extensions(QueueMessage message) {
    Map<String, String> kept = new LinkedHashMap<>();
    message
        .attributes()
        .forEach(
            (name, value) -> {
              if (name.matches("[a-z0-9]{1,20}")) {
                kept.put(name, value);
              }
            });
    return kept;
  }

  /** The runtime hands a worker its declared secrets over its stdin, never its environment. */
  private InvocationContext context(BoundFunction bound) {
    Map<String, String> env = new LinkedHashMap<>(env(bound.name()));
    TestSecrets secrets = TestSecrets.take(bound.def().secrets(), env);
    return InvocationContext.of(
        nextRequestId(),
        bound.name(),
        target(),
        System.currentTimeMillis() + bound.def().timeoutSeconds() * 1000L,
        this::log,
        Map.copyOf(env),
        new Secrets(bound.name(), bound.def().secrets(), secrets));
  }

  @FunctionalInterface
  private interface Invocation {
    Object run() throws FunctionFailedException;
  }

  private static Delivery outcome(
      Invocation invocation, String done, Delivery.Outcome onFailure, String failed) {
    try {
      invocation.run();
      return Delivery.succeeded(done);
    } catch (FunctionFailedException e) {
      return new Delivery(onFailure, failed, Optional.of(e.getCause()));
    }
  }

  private HttpResponse error(int status, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", message);
    Json json = runtime().json();
    return HttpResponse.status(status)
        .header("Content-Type", "application/json")
        .body(json.write(body))
        .build();
  }
}
