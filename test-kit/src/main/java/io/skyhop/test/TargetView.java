package io.skyhop.test;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.StorageEvent;
import io.skyhop.api.cron.CronExpression;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionRuntime;
import io.skyhop.core.Trigger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The functions of a class path as one target calls them: each call builds the provider's own event
 * (API Gateway, SQS, S3, EventBridge for {@code aws}; the Java worker's binding data for {@code
 * azure}; HTTP requests and CloudEvents for {@code gcp}), runs it through that provider's Skyhop
 * adapter in this JVM, and maps the provider's answer back. Obtained from {@link
 * Skyhop#target(String)}.
 *
 * <p>HTTP calls answer what the provider's client would receive. Event calls answer a {@link
 * Delivery}: what the provider does next with the event (done, retried, dead-lettered).
 *
 * <p>Functions see the target's name in {@code Context.target()}, request ids {@code <target>-1},
 * {@code <target>-2}… and the environment of {@link Skyhop#withEnv} as it was when the view was
 * created. Their log lines are captured as {@code LEVEL message} whatever the provider's log
 * format.
 */
public abstract class TargetView {
  /** Deliveries of a queue message before the providers' usual dead-letter threshold. */
  static final int MAX_DELIVERIES = 5;

  private final String target;
  private final FunctionRuntime runtime;
  private final Map<String, String> env;
  private final List<String> logs = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger invocations = new AtomicInteger();

  TargetView(String target, FunctionRuntime runtime, Map<String, String> env) {
    this.target = target;
    this.runtime = runtime;
    this.env = Map.copyOf(env);
  }

  /** The target id: {@code aws}, {@code azure}, {@code gcp}, {@code local} or {@code knative}. */
  public final String target() {
    return target;
  }

  // ---- HTTP ----

  /**
   * Sends an HTTP request to the function whose path template and method match, through the
   * provider's front door shape; a request no function serves gets the front door's own answer.
   *
   * @param request a request whose path carries no query string
   */
  public final HttpResponse http(HttpRequest request) {
    Requests.checkNoQuery(request);
    FunctionRuntime.Route route = runtime.route(request.method(), request.path());
    if (route instanceof FunctionRuntime.Route.Found found) {
      return serve(found.function().name(), request);
    }
    return notRouted(request, route);
  }

  /** {@code GET pathAndQuery}, e.g. {@code get("/hello?name=Ada")}. */
  public final HttpResponse get(String pathAndQuery) {
    return http(Requests.parse(HttpMethod.GET, pathAndQuery).build());
  }

  /** {@code POST pathAndQuery} with a JSON body and {@code Content-Type: application/json}. */
  public final HttpResponse post(String pathAndQuery, String json) {
    return http(Requests.json(HttpMethod.POST, pathAndQuery, json));
  }

  // ---- events ----

  /** Runs a schedule function for its next due time after now, as the provider's scheduler. */
  public final Delivery schedule(String function) {
    Trigger.Schedule schedule = trigger(function, Trigger.Schedule.class, "schedule(...)");
    ZonedDateTime now = ZonedDateTime.now(ZoneId.of(schedule.timezone()));
    return schedule(function, CronExpression.parse(schedule.cron()).next(now).toInstant());
  }

  /** Runs a schedule function as due at {@code scheduledTime}, as the provider's scheduler. */
  public final Delivery schedule(String function, Instant scheduledTime) {
    return runSchedule(
        trigger(function, Trigger.Schedule.class, "schedule(...)"), function, scheduledTime);
  }

  /** Delivers one message with a UTF-8 body on its first delivery, as the provider's queue. */
  public final Delivery queue(String function, String body) {
    return queue(function, QueueMessage.of(target + "-msg-" + (invocations.get() + 1), body));
  }

  /** Delivers one message (id, body, attributes, delivery count) as the provider's queue. */
  public final Delivery queue(String function, QueueMessage message) {
    trigger(function, Trigger.Queue.class, "queue(...)");
    return deliver(function, message);
  }

  /**
   * Delivers messages as the provider does: one SQS event with partial batch failures on {@code
   * aws}, one message at a time elsewhere.
   *
   * @return the ids of the messages the provider would deliver again (or dead-letter)
   */
  public List<String> queueBatch(String function, List<QueueMessage> batch) {
    trigger(function, Trigger.Queue.class, "queueBatch(...)");
    List<String> failed = new ArrayList<>();
    for (QueueMessage message : batch) {
      if (!deliver(function, message).succeeded()) {
        failed.add(message.id());
      }
    }
    return failed;
  }

  /**
   * Delivers a storage event as the provider's notification. The event must be one the provider
   * would deliver: from the trigger's bucket, of a type it listens to.
   */
  public final Delivery storage(String function, StorageEvent event) {
    Trigger.Storage storage = trigger(function, Trigger.Storage.class, "storage(...)");
    TriggerChecks.checkDeliverable(function, storage, event);
    return notify(function, event);
  }

  /**
   * Delivers a raw provider event (for example one captured from a real deployment) to a function
   * and returns the provider's raw answer.
   *
   * @throws RuntimeException what the function threw, where the provider reports a failed
   *     invocation rather than an answer
   * @throws UnsupportedOperationException where the provider has no single event document
   */
  public abstract String event(String function, String json);

  // ---- logs ----

  /** Everything the functions logged through this view, one entry per log call, oldest first. */
  public final List<String> logs() {
    synchronized (logs) {
      return List.copyOf(logs);
    }
  }

  /** Forgets the captured logs. */
  public final void clearLogs() {
    logs.clear();
  }

  // ---- for the targets ----

  abstract HttpResponse serve(String function, HttpRequest request);

  /** The front door's answer to a request no function serves. */
  abstract HttpResponse notRouted(HttpRequest request, FunctionRuntime.Route route);

  abstract Delivery runSchedule(Trigger.Schedule schedule, String function, Instant due);

  abstract Delivery deliver(String function, QueueMessage message);

  abstract Delivery notify(String function, StorageEvent event);

  /** Where functions log: each entry {@code LEVEL message} (or the message, without a level). */
  final void log(String entry) {
    logs.add(entry.endsWith("\n") ? entry.substring(0, entry.length() - 1) : entry);
  }

  final String nextRequestId() {
    return target + "-" + invocations.incrementAndGet();
  }

  final FunctionRuntime runtime() {
    return runtime;
  }

  final FunctionDef def(String function) {
    return runtime.function(function).def();
  }

  /** The environment of one function's deployment: its fixed env, then the test's. */
  final Map<String, String> env(String function) {
    Map<String, String> all = new LinkedHashMap<>(def(function).env());
    all.putAll(env);
    return all;
  }

  /** The test's extra environment (the process environment of a provider's host). */
  final Map<String, String> extraEnv() {
    return env;
  }

  final <T extends Trigger> T trigger(String function, Class<T> kind, String call) {
    return TriggerChecks.trigger(function, def(function).trigger(), kind, call);
  }

  /** Throws what a function threw, as it is, checked or not. */
  @SuppressWarnings("unchecked")
  static <E extends Throwable> RuntimeException sneaky(Throwable thrown) throws E {
    throw (E) thrown;
  }
}
