package io.skyhop.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import io.skyhop.runtime.deploy.AppVersion;
import io.skyhop.runtime.deploy.BadBundleException;
import io.skyhop.runtime.deploy.BundleExtractor;
import io.skyhop.runtime.deploy.Deployments;
import io.skyhop.runtime.exec.Invoker;
import io.skyhop.runtime.exec.Outcome;
import io.skyhop.runtime.exec.Payload;
import io.skyhop.runtime.exec.WorkerResult;
import io.skyhop.runtime.meter.Housekeeping;
import io.skyhop.runtime.meter.Meter;
import io.skyhop.runtime.queue.DurableQueue;
import io.skyhop.runtime.queue.Queues;
import io.skyhop.runtime.queue.StoredMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The admin API under {@code /_skyhop/}: deployments, direct invocation, queues, buckets, metrics,
 * recent invocations. Everything but {@code GET /_skyhop/health} needs {@code Authorization: Bearer
 * <token>}: the admin token, or for {@code POST /_skyhop/queues/<name>} an app's queues token (see
 * {@link Access}).
 */
final class AdminApi {
  static final String PREFIX = "/_skyhop";
  private static final long MAX_BUNDLE_BYTES = 512L << 20;
  private static final String ATTRIBUTE_HEADER = "x-skyhop-attribute-";

  private final Access access;
  private final Deployments deployments;
  private final Invoker invoker;
  private final Queues queues;
  private final BucketApi storage;
  private final Meter meter;
  private final Supplier<List<Meter.Gauge>> gauges;
  private final Path tmpDir;
  private final long maxBodyBytes;
  private final Supplier<String> baseUrl;
  private final Housekeeping housekeeping;
  private final LogsApi logs;
  private final long startedMillis = System.currentTimeMillis();

  AdminApi(
      Access access,
      Deployments deployments,
      Invoker invoker,
      Queues queues,
      BucketApi storage,
      Meter meter,
      Supplier<List<Meter.Gauge>> gauges,
      Path tmpDir,
      long maxBodyBytes,
      Supplier<String> baseUrl,
      Housekeeping housekeeping,
      LogsApi logs) {
    this.access = access;
    this.deployments = deployments;
    this.invoker = invoker;
    this.queues = queues;
    this.storage = storage;
    this.meter = meter;
    this.gauges = gauges;
    this.tmpDir = tmpDir;
    this.maxBodyBytes = maxBodyBytes;
    this.baseUrl = baseUrl;
    this.housekeeping = housekeeping;
    this.logs = logs;
  }

  void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    List<String> path = segments(exchange.getRequestURI().getRawPath());
    if (path.size() == 1 && path.get(0).equals("health") && method.equals("GET")) {
      health(exchange);
      return;
    }
    Optional<Access.Refusal> refusal =
        access.refusal(
            exchange.getRequestHeaders().getFirst("Authorization"),
            method,
            path,
            exchange.getRequestURI().getRawPath());
    if (refusal.isPresent()) {
      if (refusal.get().status() == 401) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"skyhop\"");
      }
      Exchanges.error(exchange, refusal.get().status(), refusal.get().message(), null);
      return;
    }
    String area = path.isEmpty() ? "" : path.get(0);
    List<String> rest = path.isEmpty() ? List.of() : path.subList(1, path.size());
    switch (area) {
      case "apps" -> apps(exchange, method, rest);
      case "queues" -> queues(exchange, method, rest);
      case "buckets" -> buckets(exchange, method, rest);
      case "metrics" -> {
        if (rest.isEmpty() && method.equals("GET")) {
          Exchanges.send(
              exchange,
              200,
              "text/plain; version=0.0.4; charset=utf-8",
              meter.prometheus(gauges.get()).getBytes(StandardCharsets.UTF_8));
        } else {
          notFound(exchange);
        }
      }
      case "invocations" -> {
        if (rest.isEmpty() && method.equals("GET")) {
          invocations(exchange);
        } else {
          notFound(exchange);
        }
      }
      default -> notFound(exchange);
    }
  }

  /**
   * {@code 200 {"status":"ok",…}}, or {@code 503 {"status":"stalled","stalled":[tasks],…}} while a
   * housekeeping task (timeouts, idle shutdown, schedules) hangs; faults counts the task failures
   * the loop survived.
   */
  private void health(HttpExchange exchange) throws IOException {
    List<String> stalled = housekeeping.stalled();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", stalled.isEmpty() ? "ok" : "stalled");
    body.put("version", SkyhopVersion.get());
    body.put("apps", deployments.all().size());
    body.put("uptimeSeconds", (System.currentTimeMillis() - startedMillis) / 1000);
    if (!stalled.isEmpty()) {
      body.put("stalled", stalled);
    }
    body.put("housekeepingFaults", housekeeping.faults());
    Exchanges.json(exchange, stalled.isEmpty() ? 200 : 503, body);
  }

  private void apps(HttpExchange exchange, String method, List<String> rest) throws IOException {
    if (rest.isEmpty() && method.equals("GET")) {
      List<Map<String, Object>> apps = new ArrayList<>();
      deployments.all().forEach(v -> apps.add(v.describe(baseUrl.get())));
      Exchanges.json(exchange, 200, Map.of("apps", apps));
      return;
    }
    if (rest.size() == 1) {
      String app = rest.get(0);
      switch (method) {
        case "PUT", "POST" -> deploy(exchange, app);
        case "GET" -> {
          Optional<AppVersion> v = deployments.find(app);
          if (v.isPresent()) {
            Exchanges.json(exchange, 200, v.get().describe(baseUrl.get()));
          } else {
            Exchanges.error(exchange, 404, "No app '" + app + "' is deployed", null);
          }
        }
        case "DELETE" -> {
          if (deployments.remove(app)) {
            Exchanges.send(exchange, 204, null, new byte[0]);
          } else {
            Exchanges.error(exchange, 404, "No app '" + app + "' is deployed", null);
          }
        }
        default -> methodNotAllowed(exchange, "GET, PUT, POST, DELETE");
      }
      return;
    }
    if (rest.size() == 2 && rest.get(1).equals("logs")) {
      logs.handle(exchange, method, rest.get(0));
      return;
    }
    if (rest.size() >= 2 && rest.get(1).equals("secrets")) {
      SecretsApi.handle(
          exchange, method, deployments.secrets(), rest.get(0), rest.subList(2, rest.size()));
      return;
    }
    if (rest.size() == 4 && rest.get(1).equals("functions") && rest.get(3).equals("invoke")) {
      if (method.equals("POST")) {
        invoke(exchange, rest.get(0), rest.get(2));
      } else {
        methodNotAllowed(exchange, "POST");
      }
      return;
    }
    notFound(exchange);
  }

  private void deploy(HttpExchange exchange, String app) throws IOException {
    Files.createDirectories(tmpDir);
    Path upload = Files.createTempFile(tmpDir, "upload-", ".zip");
    try {
      try (InputStream in = Exchanges.requestBody(exchange)) {
        BundleExtractor.copy(in, upload, MAX_BUNDLE_BYTES);
      }
      boolean existed = deployments.find(app).isPresent();
      AppVersion v = deployments.deploy(app, upload);
      Exchanges.json(exchange, existed ? 200 : 201, v.describe(baseUrl.get()));
    } catch (BadBundleException e) {
      Exchanges.error(exchange, 400, e.getMessage(), null);
    } finally {
      Files.deleteIfExists(upload);
    }
  }

  private void invoke(HttpExchange exchange, String app, String function) throws IOException {
    Optional<AppVersion.DeployedFunction> f =
        deployments.find(app).flatMap(v -> v.function(function));
    if (f.isEmpty()) {
      Exchanges.error(exchange, 404, "No function '" + function + "' in app '" + app + "'", null);
      return;
    }
    Optional<byte[]> readPayload = Exchanges.bodyOrAnswer(exchange, maxBodyBytes);
    if (readPayload.isEmpty()) {
      return;
    }
    byte[] payload = readPayload.get();
    Outcome outcome = invoker.invoke(f.get().pool(), new Payload.Direct(payload));
    exchange.getResponseHeaders().set(Gateway.REQUEST_ID_HEADER, outcome.requestId());
    if (outcome.status() == Outcome.Status.OK && outcome.result() instanceof WorkerResult.Ok ok) {
      Exchanges.send(exchange, 200, "application/json", ok.body());
    } else {
      Exchanges.error(exchange, outcome.httpStatus(), outcome.error(), outcome.requestId());
    }
  }

  private void invocations(HttpExchange exchange) throws IOException {
    Map<String, List<String>> query = Exchanges.query(exchange.getRequestURI().getRawQuery());
    String app = first(query, "app");
    String function = first(query, "function");
    int limit = 100;
    if (first(query, "limit") != null) {
      try {
        limit = Math.max(1, Math.min(1000, Integer.parseInt(first(query, "limit"))));
      } catch (NumberFormatException e) {
        Exchanges.error(exchange, 400, "limit must be a number from 1 to 1000", null);
        return;
      }
    }
    Exchanges.json(exchange, 200, Map.of("invocations", meter.recent(app, function, limit)));
  }

  private void queues(HttpExchange exchange, String method, List<String> rest) throws IOException {
    if (rest.isEmpty() && method.equals("GET")) {
      List<Map<String, Object>> all = new ArrayList<>();
      for (DurableQueue q : queues.all()) {
        DurableQueue.Stats s = q.stats();
        all.add(
            Map.of(
                "name", q.name(),
                "ready", s.ready(),
                "delayed", s.delayed(),
                "inFlight", s.inFlight(),
                "dead", s.dead()));
      }
      Exchanges.json(exchange, 200, Map.of("queues", all));
      return;
    }
    if (rest.size() != 1) {
      notFound(exchange);
      return;
    }
    String name = rest.get(0);
    if (!Queues.NAME.matcher(name).matches()) {
      Exchanges.error(
          exchange,
          400,
          "Queue name '"
              + name
              + "' is not valid: letters, digits, '.', '_' and '-', starting with a letter or digit",
          null);
      return;
    }
    switch (method) {
      case "POST" -> enqueue(exchange, name);
      case "GET" -> {
        Optional<DurableQueue> q = queues.find(name);
        if (q.isPresent()) {
          Exchanges.json(exchange, 200, q.get().describe(100));
        } else {
          Exchanges.error(exchange, 404, "No queue '" + name + "'", null);
        }
      }
      default -> methodNotAllowed(exchange, "GET, POST");
    }
  }

  private void enqueue(HttpExchange exchange, String name) throws IOException {
    Optional<byte[]> readBody = Exchanges.bodyOrAnswer(exchange, maxBodyBytes);
    if (readBody.isEmpty()) {
      return;
    }
    byte[] body = readBody.get();
    Map<String, String> attributes = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (header, values) -> {
              String lower = header.toLowerCase(Locale.ROOT);
              if (lower.startsWith(ATTRIBUTE_HEADER) && !values.isEmpty()) {
                attributes.put(lower.substring(ATTRIBUTE_HEADER.length()), values.get(0));
              }
            });
    StoredMessage m = queues.enqueue(name, body, attributes);
    Exchanges.json(exchange, 202, Map.of("queue", name, "id", m.id()));
  }

  private void buckets(HttpExchange exchange, String method, List<String> rest) throws IOException {
    if (rest.isEmpty()) {
      notFound(exchange);
      return;
    }
    String bucket = rest.get(0);
    String key = String.join("/", rest.subList(1, rest.size()));
    storage.handle(exchange, method, bucket, key, maxBodyBytes);
  }

  private static void notFound(HttpExchange exchange) throws IOException {
    Exchanges.error(
        exchange, 404, "No admin endpoint " + exchange.getRequestURI().getRawPath(), null);
  }

  private static void methodNotAllowed(HttpExchange exchange, String allow) throws IOException {
    exchange.getResponseHeaders().set("Allow", allow);
    Exchanges.error(exchange, 405, exchange.getRequestMethod() + " is not allowed here", null);
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The decoded segments after {@code /_skyhop/}. */
  private static List<String> segments(String rawPath) {
    String rest = rawPath.length() > PREFIX.length() ? rawPath.substring(PREFIX.length() + 1) : "";
    List<String> segments = new ArrayList<>();
    if (rest.isEmpty()) {
      return segments;
    }
    for (String s : rest.split("/", -1)) {
      segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    if (segments.size() > 1
        && segments.get(segments.size() - 1).isEmpty()
        && !rawPath.contains("/buckets/")) {
      segments.remove(segments.size() - 1);
    }
    return segments;
  }
}
