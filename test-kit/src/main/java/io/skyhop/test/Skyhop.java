package io.skyhop.test;

import io.skyhop.api.Context;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.ScheduledEvent;
import io.skyhop.api.StorageEvent;
import io.skyhop.api.cron.CronExpression;
import io.skyhop.core.BoundFunction;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionFailedException;
import io.skyhop.core.FunctionRuntime;
import io.skyhop.core.InvocationContext;
import io.skyhop.core.Secrets;
import io.skyhop.core.Trigger;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The functions of a class path, called as a target calls them: HTTP requests are routed by method
 * and path template (404 and 405 included), payloads are bound and results encoded by the same core
 * every adapter uses, one instance per function class is reused across calls, and whatever the
 * functions log is captured. No cloud, no server, no network.
 *
 * <p>Schedule, queue and storage calls name the function and return what it returned, or throw
 * exactly what it threw (the target would fail the invocation and retry it).
 *
 * <p>Not thread-safe for configuration ({@link #withEnv}); calls may run concurrently.
 */
public final class Skyhop {
  /** The target name functions see in {@link Context#target()}. */
  public static final String TARGET = "test";

  private final FunctionRuntime runtime;
  private final ClassLoader loader;
  private final List<String> logs = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> extraEnv = new LinkedHashMap<>();
  private final Map<String, String> secrets = new LinkedHashMap<>();
  private final AtomicInteger invocations = new AtomicInteger();

  private Skyhop(FunctionRuntime runtime, ClassLoader loader) {
    this.runtime = runtime;
    this.loader = loader;
  }

  /**
   * The functions indexed on the current thread's context class loader.
   *
   * @throws io.skyhop.core.IndexException if no function index is on the class path
   */
  public static Skyhop load() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return load(loader == null ? Skyhop.class.getClassLoader() : loader);
  }

  /**
   * The functions indexed on a class loader.
   *
   * @throws io.skyhop.core.IndexException if no function index is on that class path
   */
  public static Skyhop load(ClassLoader loader) {
    return new Skyhop(FunctionRuntime.load(loader), loader);
  }

  /**
   * Adds an environment variable every function sees through {@link Context#env(String)}, on top of
   * the fixed {@code @Function(env = ...)} pairs.
   *
   * @return this
   */
  public Skyhop withEnv(String name, String value) {
    extraEnv.put(name, value);
    return this;
  }

  /**
   * The functions as one target calls them: through that provider's event shapes and Skyhop
   * adapter, in this JVM (HTTP through API Gateway payload 2.0 on {@code aws}). Each view has its
   * own function instances and logs, and the environment of {@link #withEnv} as it is now.
   *
   * @param target {@code aws}, {@code azure}, {@code gcp}, {@code local} or {@code knative}
   * @throws IllegalArgumentException for another target id
   */
  public TargetView target(String target) {
    return Targets.view(target, loader, viewEnv());
  }

  /**
   * The functions as AWS Lambda calls them, HTTP requests arriving in the given event shape.
   *
   * @see #target(String)
   */
  public TargetView aws(AwsHttpEvent httpEvent) {
    return Targets.aws(httpEvent, loader, viewEnv());
  }

  /**
   * Gives a secret's value, read by functions that declare {@code name} in {@code @Function(secrets
   * = ...)} through {@link Context#secret(String)}, as a target's secret store would; a function
   * that does not declare it still cannot read it.
   *
   * @return this
   */
  public Skyhop withSecret(String name, String value) {
    secrets.put(name, value);
    return this;
  }

  /** The names of all functions, in index order. */
  public List<String> functions() {
    return runtime.index().functions().stream().map(FunctionDef::name).toList();
  }

  // ---- HTTP ----

  /**
   * Serves an HTTP request as a target's front door would: the function whose path template and
   * method match (the most specific template wins); 404 when no path matches; 405 with {@code
   * Allow} when the path matches but the method does not. A function's exception is a 500 without a
   * stack trace in the body (the trace is in {@link #logs()}).
   *
   * @param request a request whose path carries no query string (use {@code query(...)} on the
   *     builder)
   * @return the response, its body as bytes
   */
  public HttpResponse http(HttpRequest request) {
    Requests.checkNoQuery(request);
    FunctionRuntime.Route route = runtime.route(request.method(), request.path());
    if (route instanceof FunctionRuntime.Route.Found found) {
      BoundFunction function = found.function();
      HttpRequest routed = request.toBuilder().pathParams(found.pathParams()).build();
      return function.invokeHttp(routed, context(function.def()));
    }
    // No function runs, so there is no request id (as the in-house runtime answers).
    if (route instanceof FunctionRuntime.Route.MethodNotAllowed notAllowed) {
      StringJoiner allow = new StringJoiner(", ");
      notAllowed.allowed().forEach(m -> allow.add(m.name()));
      return error(405, request.method() + " is not allowed on " + request.path()).toBuilder()
          .header("Allow", allow.toString())
          .build();
    }
    return error(404, "No function serves " + request.method() + " " + request.path());
  }

  /** {@code GET pathAndQuery}, e.g. {@code get("/hello?name=Ada")}. */
  public HttpResponse get(String pathAndQuery) {
    return http(Requests.parse(HttpMethod.GET, pathAndQuery).build());
  }

  /** {@code POST pathAndQuery} with a JSON body and {@code Content-Type: application/json}. */
  public HttpResponse post(String pathAndQuery, String json) {
    return http(Requests.json(HttpMethod.POST, pathAndQuery, json));
  }

  /**
   * Reads a response's JSON body with the codec the functions use.
   *
   * @throws IllegalArgumentException if the body is not JSON of that type
   */
  public <T> T read(HttpResponse response, Class<T> type) {
    return type.cast(read(response, (Type) type));
  }

  /**
   * Reads a response's JSON body as a (possibly generic) type.
   *
   * @throws IllegalArgumentException if the body is not JSON of that type
   */
  public Object read(HttpResponse response, Type type) {
    return runtime.json().read(response.bodyAsString().getBytes(StandardCharsets.UTF_8), type);
  }

  /** Writes a value as JSON with the codec the functions use, e.g. for a request body. */
  public String json(Object value) {
    return runtime.json().writeString(value);
  }

  // ---- events ----

  /**
   * Runs a schedule function for its next due time after now (in the trigger's time zone).
   *
   * @return what the function returned
   */
  public Object schedule(String function) {
    Trigger.Schedule schedule = trigger(function, Trigger.Schedule.class, "schedule(...)");
    ZonedDateTime now = ZonedDateTime.now(ZoneId.of(schedule.timezone()));
    return schedule(function, CronExpression.parse(schedule.cron()).next(now).toInstant());
  }

  /**
   * Runs a schedule function as due at {@code scheduledTime}.
   *
   * @return what the function returned
   */
  public Object schedule(String function, Instant scheduledTime) {
    Trigger.Schedule schedule = trigger(function, Trigger.Schedule.class, "schedule(...)");
    ScheduledEvent event = new ScheduledEvent(scheduledTime, schedule.cron(), schedule.timezone());
    return rethrowing(() -> bind(function).invokeEvent(event, context(bind(function).def())));
  }

  /**
   * Delivers one message with a UTF-8 body (JSON for a POJO payload) on first delivery.
   *
   * @return what the function returned
   */
  public Object queue(String function, String body) {
    return queue(function, QueueMessage.of("msg-" + (invocations.get() + 1), body));
  }

  /**
   * Delivers one message.
   *
   * @return what the function returned
   */
  public Object queue(String function, QueueMessage message) {
    trigger(function, Trigger.Queue.class, "queue(...)");
    return rethrowing(() -> bind(function).invokeQueue(message, context(bind(function).def())));
  }

  /**
   * Delivers a batch as a target with partial batch failures does (SQS): every message is tried;
   * failures are logged, not thrown.
   *
   * @return the ids of the messages that failed, which the target would deliver again
   */
  public List<String> queueBatch(String function, List<QueueMessage> batch) {
    trigger(function, Trigger.Queue.class, "queueBatch(...)");
    return bind(function).invokeQueueBatch(batch, context(bind(function).def()));
  }

  /**
   * Delivers a storage event. The event must be one the target would deliver: from the trigger's
   * bucket, of a type it listens to.
   *
   * @return what the function returned
   */
  public Object storage(String function, StorageEvent event) {
    Trigger.Storage storage = trigger(function, Trigger.Storage.class, "storage(...)");
    TriggerChecks.checkDeliverable(function, storage, event);
    return rethrowing(() -> bind(function).invokeEvent(event, context(bind(function).def())));
  }

  // ---- logs ----

  /** Everything the functions logged so far, one entry per log call, oldest first. */
  public List<String> logs() {
    synchronized (logs) {
      return List.copyOf(logs);
    }
  }

  /** Forgets the captured logs. */
  public void clearLogs() {
    logs.clear();
  }

  // ---- internals ----

  /** The test's environment plus its secrets as the platform's resolved variables. */
  private Map<String, String> viewEnv() {
    Map<String, String> env = new LinkedHashMap<>(extraEnv);
    env.putAll(TestSecrets.asEnv(secrets));
    return env;
  }

  private BoundFunction bind(String function) {
    return runtime.function(function);
  }

  private <T extends Trigger> T trigger(String function, Class<T> kind, String call) {
    return TriggerChecks.trigger(function, bind(function).def().trigger(), kind, call);
  }

  private String nextRequestId() {
    return "test-" + invocations.incrementAndGet();
  }

  private Context context(FunctionDef def) {
    Map<String, String> env = new LinkedHashMap<>(def.env());
    env.putAll(extraEnv);
    return InvocationContext.of(
        nextRequestId(),
        def.name(),
        TARGET,
        System.currentTimeMillis() + def.timeoutSeconds() * 1000L,
        logs::add,
        Map.copyOf(env),
        new Secrets(def.name(), def.secrets(), new TestSecrets(Map.copyOf(secrets))));
  }

  private HttpResponse error(int status, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", message);
    return HttpResponse.status(status)
        .header("Content-Type", "application/json")
        .body(runtime.json().write(body))
        .build();
  }

  @FunctionalInterface
  private interface Call {
    Object run() throws FunctionFailedException;
  }

  /** Runs a call; a function's exception is thrown as it is, checked or not. */
  private static Object rethrowing(Call call) {
    try {
      return call.run();
    } catch (FunctionFailedException failed) {
      throw Skyhop.<RuntimeException>sneaky(failed.getCause());
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable thrown) throws E {
    throw (E) thrown;
  }
}
