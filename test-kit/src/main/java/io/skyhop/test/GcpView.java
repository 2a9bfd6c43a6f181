package io.skyhop.test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.StorageEvent;
import io.skyhop.core.Adapters;
import io.skyhop.core.FunctionFailedException;
import io.skyhop.core.FunctionRuntime;
import io.skyhop.core.Trigger;
import io.skyhop.gcp.SkyhopEventFunction;
import io.skyhop.gcp.SkyhopHttpFunction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Google Cloud Functions (2nd gen): HTTP functions and schedules (Cloud Scheduler's HTTP call) go
 * to the adapter's {@link SkyhopHttpFunction} as the Functions Framework's request and response;
 * Pub/Sub messages and Cloud Storage notifications go to its {@link SkyhopEventFunction} as
 * CloudEvents. One entry instance per function, created once, as the invoker creates it. The
 * functions' structured log lines (Cloud Logging's JSON) are read back as {@code LEVEL message}.
 */
final class GcpView extends TargetView {
  private static final String HOST = "https://app-function.a.run.app";

  private final ClassLoader loader;
  private final PrintStream log = new PrintStream(new LineSink(), true, StandardCharsets.UTF_8);
  private final Map<String, SkyhopHttpFunction> http = new ConcurrentHashMap<>();
  private final Map<String, SkyhopEventFunction> events = new ConcurrentHashMap<>();

  GcpView(FunctionRuntime runtime, ClassLoader loader, Map<String, String> env) {
    super("gcp", runtime, env);
    this.loader = loader;
  }

  @Override
  HttpResponse serve(String function, HttpRequest request) {
    String query = Requests.rawQuery(request.queryParameters());
    GcpHttp.Request call =
        new GcpHttp.Request(
            request.method().name(),
            HOST + request.path() + (query.isEmpty() ? "" : "?" + query),
            request.body());
    request.headers().forEach((name, values) -> values.forEach(v -> call.header(name, v)));
    if (!request.cookies().isEmpty() && call.getFirstHeader("Cookie").isEmpty()) {
      call.header("Cookie", Requests.cookieHeader(request.cookies()));
    }
    return send(function, call);
  }

  /** Each Cloud Function has its own URL; a path no function serves is the front end's 404. */
  @Override
  HttpResponse notRouted(HttpRequest request, FunctionRuntime.Route route) {
    return HttpResponse.status(404)
        .header("Content-Type", "text/html; charset=UTF-8")
        .body("<title>404 Page not found</title>".getBytes(StandardCharsets.UTF_8))
        .build();
  }

  /**
   * Cloud Scheduler's call: {@code POST} with its headers and the due time. A failed run answers
   * 500; the job's retry configuration (none by default) decides, so the outcome is FAILED.
   */
  @Override
  Delivery runSchedule(Trigger.Schedule schedule, String function, Instant due) {
    GcpHttp.Request call =
        new GcpHttp.Request("POST", HOST + "/", new byte[0])
            .header("User-Agent", "Google-Cloud-Scheduler")
            .header("X-CloudScheduler", "true")
            .header("X-CloudScheduler-JobName", function)
            .header("X-CloudScheduler-ScheduleTime", due.toString());
    HttpResponse response = send(function, call);
    String answer = "HTTP " + response.status();
    return response.status() < 300
        ? Delivery.succeeded(answer)
        : new Delivery(Delivery.Outcome.FAILED, answer, Optional.empty());
  }

  /** A failed Pub/Sub push (invoker answers 500) is redelivered by the subscription. */
  @Override
  Delivery deliver(String function, QueueMessage message) {
    return accept(function, GcpEvents.pubSub(message));
  }

  /** Skyhop deploys storage triggers with the retry policy on: a failed event is redelivered. */
  @Override
  Delivery notify(String function, StorageEvent event) {
    return accept(function, GcpEvents.storage(event));
  }

  /**
   * A CloudEvent in the JSON format (structured mode), for a Pub/Sub or Cloud Storage function.
   *
   * @return {@code ""}: the invoker answers 200 with an empty body
   * @throws RuntimeException what the function threw (the invoker answers 500)
   */
  @Override
  public String event(String function, String json) {
    trigger(function, eventTrigger(function), "event(...) with a CloudEvent");
    try {
      entry(function).accept(StructuredCloudEvent.parse(json));
      return "";
    } catch (FunctionFailedException e) {
      throw sneaky(e.getCause());
    }
  }

  private Class<? extends Trigger> eventTrigger(String function) {
    Trigger trigger = def(function).trigger();
    return trigger instanceof Trigger.Storage ? Trigger.Storage.class : Trigger.Queue.class;
  }

  private Delivery accept(String function, String cloudEvent) {
    try {
      entry(function).accept(StructuredCloudEvent.parse(cloudEvent));
      return Delivery.succeeded("HTTP 200");
    } catch (FunctionFailedException e) {
      return new Delivery(Delivery.Outcome.RETRIED, "HTTP 500", Optional.of(e.getCause()));
    }
  }

  private SkyhopEventFunction entry(String function) {
    return events.computeIfAbsent(
        function, name -> new SkyhopEventFunction(deploymentEnv(name), loader, log));
  }

  private HttpResponse send(String function, GcpHttp.Request call) {
    call.header("Function-Execution-Id", nextRequestId());
    SkyhopHttpFunction entry =
        http.computeIfAbsent(
            function, name -> new SkyhopHttpFunction(deploymentEnv(name), loader, log));
    GcpHttp.Response response = new GcpHttp.Response();
    try {
      entry.service(call, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return response.toNeutral();
  }

  private Map<String, String> deploymentEnv(String function) {
    Map<String, String> env = new LinkedHashMap<>(env(function));
    env.put(Adapters.FUNCTION_ENV, function);
    return env;
  }

  /** Reads Cloud Logging's JSON lines back into {@code LEVEL message} entries. */
  private final class LineSink extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        entry(line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else {
        line.write(b);
      }
    }

    private void entry(String text) {
      try {
        JsonObject entry = JsonParser.parseString(text).getAsJsonObject();
        String severity = entry.get("severity").getAsString();
        String message = entry.get("message").getAsString();
        log(
            switch (severity) {
              case "DEFAULT" -> message;
              case "WARNING" -> "WARN " + message;
              default -> severity + " " + message;
            });
      } catch (JsonParseException | IllegalStateException | NullPointerException notAnEntry) {
        log(text);
      }
    }
  }
}
