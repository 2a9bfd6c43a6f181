package io.skyhop.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.runtime.testing.FixtureBundle;
import io.skyhop.runtime.testing.RuntimeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime as a real process, called over real HTTP: admin API and its token, deployments,
 * routing, keys, isolation, crashes, bad input, queues with retries and dead letters, storage
 * events, metering, atomic redeploys and reloading after a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RuntimeIT {
  @TempDir static Path tmp;

  static RuntimeProcess runtime;
  static Path bundle;

  @BeforeAll
  static void start() throws Exception {
    bundle = FixtureBundle.write(tmp.resolve("fixture-v1.zip"), "v1");
    runtime =
        RuntimeProcess.start(
            tmp.resolve("data"),
            Map.of("SKYHOP_IT_SECRET", "must-not-leak"),
            "--max-attempts",
            "3",
            "--retry-base-ms",
            "100");
  }

  @AfterAll
  static void stop() throws Exception {
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  @Order(1)
  void healthIsOpenAndTheAdminApiNeedsTheTokenFromTheDataDirectory() throws Exception {
    HttpResponse<String> health = runtime.send(runtime.request("/_skyhop/health").GET().build());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"ok\"");

    HttpResponse<String> missing = runtime.send(runtime.request("/_skyhop/apps").GET().build());
    HttpResponse<String> wrong =
        runtime.send(
            runtime.request("/_skyhop/apps").header("Authorization", "Bearer nope").GET().build());
    HttpResponse<String> wrongDeploy =
        runtime.send(
            runtime
                .request("/_skyhop/apps/fixture")
                .header("Authorization", "Bearer nope")
                .PUT(HttpRequest.BodyPublishers.ofFile(bundle))
                .build());
    assertThat(List.of(missing.statusCode(), wrong.statusCode(), wrongDeploy.statusCode()))
        .containsOnly(401);
    assertThat(missing.body())
        .isEqualTo(
            "{\"error\":\"The admin API needs 'Authorization: Bearer <token>' with the token from"
                + " the runtime's data directory (file admin-token)\"}");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(runtime.dataDir().resolve("admin-token"))))
        .isEqualTo("rw-------");
  }

  @Test
  @Order(2)
  void deploysABundleAndDescribesItsFunctions() throws Exception {
    HttpResponse<String> deployed = runtime.deploy("fixture", bundle);
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
    JsonObject app = runtime.adminJson("/_skyhop/apps/fixture");
    assertThat(names(app.getAsJsonArray("functions")))
        .containsExactly(
            "hello", "echo", "secret", "peek", "slow", "crash", "jobs", "on-file", "tick");
    JsonObject hello = RuntimeProcess.function(app, "hello");
    assertThat(hello.get("url").getAsString()).isEqualTo(runtime.baseUrl() + "/fixture/hello");
    assertThat(RuntimeProcess.function(app, "secret").get("key").getAsString())
        .hasSizeGreaterThan(20);
    assertThat(hello.has("key")).isFalse();
    assertThat(runtime.adminJson("/_skyhop/apps").getAsJsonArray("apps")).hasSize(1);
  }

  @Test
  @Order(3)
  void firstRequestIsAColdStartAndTheNextOnesAreWarm() throws Exception {
    JsonObject first = json(get("/fixture/hello?name=skyhop"));
    JsonObject second = json(get("/fixture/hello"));
    assertThat(first.get("greeting").getAsString()).isEqualTo("hello skyhop");
    assertThat(second.get("calls").getAsInt()).isEqualTo(2);
    assertThat(second.get("pid").getAsLong()).isEqualTo(first.get("pid").getAsLong());

    JsonArray recent =
        runtime
            .adminJson("/_skyhop/invocations?app=fixture&function=hello")
            .getAsJsonArray("invocations");
    assertThat(recent).hasSize(2);
    JsonObject cold = recent.get(0).getAsJsonObject();
    JsonObject warm = recent.get(1).getAsJsonObject();
    assertThat(cold.get("initDurationMs").getAsDouble()).isPositive();
    assertThat(warm.get("initDurationMs").isJsonNull()).isTrue();
    assertThat(cold.get("billedMs").getAsLong())
        .isGreaterThanOrEqualTo((long) Math.ceil(cold.get("durationMs").getAsDouble()));
    assertThat(warm.get("memorySizeMb").getAsInt()).isEqualTo(512);
    assertThat(warm.get("maxMemoryUsedMb").getAsLong()).isPositive();

    String log = Files.readString(runtime.dataDir().resolve("logs/runtime.log"));
    String coldId = cold.get("requestId").getAsString();
    String warmId = warm.get("requestId").getAsString();
    assertThat(reportFor(log, coldId))
        .matches(
            "REPORT RequestId: "
                + coldId
                + "\\tDuration: [0-9.]+ ms\\tBilled Duration: [0-9]+ ms\\tMemory Size: 512 MB"
                + "\\tMax Memory Used: [0-9]+ MB\\tInit Duration: [0-9.]+ ms");
    assertThat(reportFor(log, warmId)).doesNotContain("Init Duration");
  }

  @Test
  @Order(4)
  void passesPathParametersHeadersCookiesAndBodiesBothWays() throws Exception {
    HttpResponse<String> r =
        runtime.send(
            runtime
                .request("/fixture/echo/box%20one?x=1")
                .header("X-Trace", "t-1")
                .header("Cookie", "session=abc; other=1")
                .POST(HttpRequest.BodyPublishers.ofString("payload ü"))
                .build());
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.body()).isEqualTo("payload ü");
    assertThat(r.headers().firstValue("X-Thing")).hasValue("box one");
    assertThat(r.headers().firstValue("X-Trace")).hasValue("t-1");
    assertThat(r.headers().firstValue("Set-Cookie")).hasValue("seen=abc; Path=/");
    assertThat(r.headers().firstValue("x-skyhop-request-id")).isPresent();
  }

  @Test
  @Order(5)
  void functionKeysAreEnforced() throws Exception {
    String key =
        RuntimeProcess.function(runtime.adminJson("/_skyhop/apps/fixture"), "secret")
            .get("key")
            .getAsString();
    HttpResponse<String> none = get("/fixture/secret");
    HttpResponse<String> wrong =
        runtime.send(
            runtime.request("/fixture/secret").header("x-functions-key", "bad").GET().build());
    HttpResponse<String> header =
        runtime.send(
            runtime.request("/fixture/secret").header("x-functions-key", key).GET().build());
    HttpResponse<String> query = get("/fixture/secret?code=" + key);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body())
        .isEqualTo(
            "{\"error\":\"Function 'secret' needs its key in the x-functions-key header or the code"
                + " query parameter\"}");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(header.statusCode()).isEqualTo(200);
    assertThat(header.body()).isEqualTo("the secret");
    assertThat(query.statusCode()).isEqualTo(200);
  }

  @Test
  @Order(6)
  void userCodeSeesNeitherRuntimeClassesNorTheRuntimesEnvironment() throws Exception {
    JsonObject peek = json(get("/fixture/peek"));
    assertThat(peek.getAsJsonArray("visibleRuntimeClasses")).isEmpty();
    JsonObject env = peek.getAsJsonObject("env");
    assertThat(env.get("SKYHOP_FUNCTION").getAsString()).isEqualTo("peek");
    assertThat(env.get("GREETING").getAsString()).isEqualTo("hi");
    assertThat(env.has("SKYHOP_IT_SECRET")).isFalse();
    assertThat(env.get("SKYHOP_QUEUES_URL").getAsString())
        .isEqualTo(runtime.baseUrl() + "/_skyhop/queues");
    assertThat(env.get("SKYHOP_QUEUES_TOKEN").getAsString())
        .isEqualTo(Files.readString(runtime.dataDir().resolve("apps/fixture/queues-token")).strip())
        .isNotEqualTo(runtime.token());
    assertThat(peek.get("target").getAsString()).isEqualTo("local");
  }

  @Test
  @Order(7)
  void aCrashingWorkerFailsOnlyItsInvocation() throws Exception {
    HttpResponse<String> crash = get("/fixture/crash");
    assertThat(crash.statusCode()).isEqualTo(502);
    assertThat(crash.body())
        .contains("Instance exited during the invocation")
        .contains("exit code 7");
    assertThat(get("/fixture/hello").statusCode()).isEqualTo(200);
    assertThat(get("/fixture/crash").statusCode()).isEqualTo(502);
  }

  @Test
  @Order(8)
  void badInputIsRefusedAndTheRuntimeKeepsServing() throws Exception {
    assertThat(raw("GARBAGE\r\n\r\n")).startsWith("HTTP/1.1 400");
    assertThat(raw("GET /fixture/hello HTTP/1.1\r\nHost: x\r\nContent-Length: zz\r\n\r\n"))
        .startsWith("HTTP/1.1 400");
    assertThat(raw("GET /fixture/%zz HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400");

    byte[] big = new byte[6 * 1024 * 1024 + 1];
    HttpResponse<String> tooBig =
        runtime.send(
            runtime
                .request("/fixture/echo/x")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))
                .build());
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(tooBig.body())
        .isEqualTo("{\"error\":\"The request body is larger than the limit of 6291456 bytes.\"}");
    HttpResponse<String> limit =
        runtime.send(
            runtime
                .request("/fixture/echo/x")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[6 * 1024 * 1024]))
                .build());
    assertThat(limit.statusCode()).isEqualTo(201);

    assertThat(get("/nothing/here").statusCode()).isEqualTo(404);
    assertThat(get("/nothing/here").body())
        .isEqualTo("{\"error\":\"No app 'nothing' is deployed here\"}");
    assertThat(get("/fixture/nope").body())
        .isEqualTo("{\"error\":\"No function of app 'fixture' serves GET /nope\"}");
    HttpResponse<String> method = runtime.send(runtime.request("/fixture/hello").DELETE().build());
    assertThat(method.statusCode()).isEqualTo(405);
    assertThat(method.headers().firstValue("Allow")).hasValue("GET");
    assertThat(runtime.send(runtime.admin("/_skyhop/nope").GET().build()).statusCode())
        .isEqualTo(404);

    Map<String, String> hostile = new LinkedHashMap<>();
    hostile.put("META-INF/skyhop/functions.json", "{}");
    hostile.put("../../escape.txt", "x");
    HttpResponse<String> traversal =
        runtime.deploy("evil", FixtureBundle.raw(tmp.resolve("evil.zip"), hostile));
    assertThat(traversal.statusCode()).isEqualTo(400);
    assertThat(traversal.body())
        .isEqualTo(
            "{\"error\":\"Bundle entry '../../escape.txt' is not a plain relative path: entries must"
                + " be relative paths without '..'. The bundle was refused; package it with"
                + " skyhop:package.\"}");
    HttpResponse<String> absolute =
        runtime.deploy(
            "evil", FixtureBundle.raw(tmp.resolve("abs.zip"), Map.of("/etc/passwd", "x")));
    assertThat(absolute.body()).contains("Bundle entry '/etc/passwd' is an absolute path");
    Path notZip = Files.writeString(tmp.resolve("not.zip"), "hello");
    assertThat(runtime.deploy("evil", notZip).body())
        .startsWith("{\"error\":\"The request body is not a zip file");
    assertThat(runtime.deploy("Bad_Name", bundle).body())
        .isEqualTo(
            "{\"error\":\"App name 'Bad_Name' is not valid: use lower-case letters, digits and"
                + " dashes, starting with a letter, at most 63 characters (skyhop.app).\"}");
    assertThat(Files.exists(runtime.dataDir().resolve("escape.txt"))).isFalse();
    assertThat(Files.exists(runtime.dataDir().resolve("apps/escape.txt"))).isFalse();
    assertThat(runtime.adminJson("/_skyhop/apps").getAsJsonArray("apps")).hasSize(1);

    assertThat(get("/fixture/hello").statusCode()).isEqualTo(200);
    assertThat(runtime.isAlive()).isTrue();
  }

  @Test
  @Order(9)
  void queueMessagesAreDeliveredRetriedAndDeadLettered() throws Exception {
    List<String> ok = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ok.add(enqueue("jobs", "ok " + i));
    }
    String failing = enqueue("jobs", "fail");
    JsonObject queue =
        awaitQueue(
            "jobs",
            q ->
                q.get("dead").getAsInt() == 1
                    && q.get("ready").getAsInt() == 0
                    && q.get("delayed").getAsInt() == 0
                    && q.get("inFlight").getAsInt() == 0);
    JsonObject letter = queue.getAsJsonArray("deadLetters").get(0).getAsJsonObject();
    assertThat(letter.get("id").getAsString()).isEqualTo(failing);
    assertThat(letter.get("attempts").getAsInt()).isEqualTo(3);
    assertThat(letter.get("body").getAsString()).isEqualTo("fail");
    assertThat(letter.get("lastError").getAsString())
        .isEqualTo("java.lang.IllegalStateException: job " + failing + " failed on purpose");

    JsonArray runs =
        runtime
            .adminJson("/_skyhop/invocations?app=fixture&function=jobs")
            .getAsJsonArray("invocations");
    long succeeded = 0;
    long failed = 0;
    for (JsonElement e : runs) {
      String status = e.getAsJsonObject().get("status").getAsString();
      succeeded += status.equals("OK") ? 1 : 0;
      failed += status.equals("FUNCTION_ERROR") ? 1 : 0;
    }
    assertThat(succeeded).isEqualTo(ok.size());
    assertThat(failed).isEqualTo(3);
    HttpResponse<String> badName =
        runtime.send(
            runtime
                .admin("/_skyhop/queues/_x")
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .build());
    assertThat(badName.statusCode()).isEqualTo(400);
  }

  @Test
  @Order(10)
  void bucketChangesFireStorageEvents() throws Exception {
    HttpResponse<String> put =
        runtime.send(
            runtime
                .admin("/_skyhop/buckets/files/reports/2026/q4.csv")
                .PUT(HttpRequest.BodyPublishers.ofString("a,b\n1,2\n"))
                .build());
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(json(put).get("eventsFired").getAsInt()).isEqualTo(1);
    HttpResponse<String> read =
        runtime.send(runtime.admin("/_skyhop/buckets/files/reports/2026/q4.csv").GET().build());
    assertThat(read.body()).isEqualTo("a,b\n1,2\n");
    assertThat(read.headers().firstValue("ETag"))
        .hasValue("\"" + json(put).get("eTag").getAsString() + "\"");
    HttpResponse<String> delete =
        runtime.send(runtime.admin("/_skyhop/buckets/files/reports/2026/q4.csv").DELETE().build());
    assertThat(delete.statusCode()).isEqualTo(204);
    assertThat(
            runtime
                .send(runtime.admin("/_skyhop/buckets/files/reports/2026/q4.csv").GET().build())
                .statusCode())
        .isEqualTo(404);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    JsonArray runs;
    do {
      Thread.sleep(100);
      runs =
          runtime
              .adminJson("/_skyhop/invocations?app=fixture&function=on-file")
              .getAsJsonArray("invocations");
    } while (runs.size() < 2 && System.nanoTime() < deadline);
    assertThat(runs).hasSize(2);
    for (JsonElement e : runs) {
      assertThat(e.getAsJsonObject().get("trigger").getAsString()).isEqualTo("storage");
      assertThat(e.getAsJsonObject().get("status").getAsString()).isEqualTo("OK");
    }
    String log = Files.readString(runtime.dataDir().resolve("logs/runtime.log"));
    assertThat(log)
        .contains("\"message\":\"CREATED reports/2026/q4.csv 8\"")
        .contains("\"message\":\"DELETED reports/2026/q4.csv 0\"");
  }

  @Test
  @Order(11)
  void metricsArePrometheusText() throws Exception {
    HttpResponse<String> metrics = runtime.send(runtime.admin("/_skyhop/metrics").GET().build());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.body())
        .contains("# TYPE skyhop_invocations_total counter")
        .containsPattern("skyhop_invocations_total\\{app=\"fixture\",function=\"hello\"} [0-9]+\\n")
        .contains("skyhop_cold_starts_total{app=\"fixture\",function=\"hello\"} 1\n")
        .contains("skyhop_errors_total{app=\"fixture\",function=\"crash\"} 2\n")
        .contains(
            "skyhop_duration_milliseconds_bucket{app=\"fixture\",function=\"hello\",le=\"+Inf\"}")
        .contains("skyhop_instances{app=\"fixture\",function=\"hello\"} 1\n")
        .contains("skyhop_queue_dead_letters{queue=\"jobs\"} 1\n");
    // GB-seconds follow the billed time at 512 MB (the cold start's share of it depends on the
    // machine's load, so the figure itself is not fixed)
    long billedMs = (long) sample(metrics.body(), "skyhop_billed_milliseconds_total", "hello");
    assertThat(billedMs).isPositive();
    assertThat(sample(metrics.body(), "skyhop_gb_seconds_total", "hello"))
        .isCloseTo(billedMs / 1000.0 * 0.5, org.assertj.core.data.Offset.offset(1e-5));
  }

  private static double sample(String metrics, String name, String function) {
    String prefix = name + "{app=\"fixture\",function=\"" + function + "\"} ";
    return metrics
        .lines()
        .filter(l -> l.startsWith(prefix))
        .mapToDouble(l -> Double.parseDouble(l.substring(prefix.length())))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + prefix + "in " + metrics));
  }

  @Test
  @Order(12)
  void aRedeployLetsInFlightRequestsFinishOnTheOldVersion() throws Exception {
    CompletableFuture<HttpResponse<String>> inFlight =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return get("/fixture/slow?ms=1500");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(700);
    HttpResponse<String> redeploy =
        runtime.deploy("fixture", FixtureBundle.write(tmp.resolve("fixture-v2.zip"), "v2"));
    assertThat(redeploy.statusCode()).as(redeploy.body()).isEqualTo(200);
    assertThat(get("/fixture/slow?ms=1").body()).isEqualTo("v2");
    HttpResponse<String> old = inFlight.get(20, TimeUnit.SECONDS);
    assertThat(old.statusCode()).isEqualTo(200);
    assertThat(old.body()).isEqualTo("v1");
  }

  @Test
  @Order(13)
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void schedulesFireOnceAtTheirTime() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(75);
    JsonArray runs;
    do {
      Thread.sleep(250);
      runs =
          runtime
              .adminJson("/_skyhop/invocations?app=fixture&function=tick")
              .getAsJsonArray("invocations");
    } while (runs.size() == 0 && System.nanoTime() < deadline);
    assertThat(runs).as("a run of the every-minute schedule").isNotEmpty();
    Thread.sleep(1500);
    runs =
        runtime
            .adminJson("/_skyhop/invocations?app=fixture&function=tick")
            .getAsJsonArray("invocations");
    List<String> due = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"message\":\"tick due at ([^\"]+)\"")
            .matcher(runtime.console());
    while (m.find()) {
      due.add(m.group(1));
    }
    assertThat(due)
        .as("one run per due time, each on the minute")
        .doesNotHaveDuplicates()
        .hasSize(runs.size());
    assertThat(due).allMatch(t -> t.matches("[0-9-]+T[0-9:]+:00Z"));
    for (JsonElement run : runs) {
      assertThat(run.getAsJsonObject().get("trigger").getAsString()).isEqualTo("schedule");
      assertThat(run.getAsJsonObject().get("status").getAsString()).isEqualTo("OK");
    }
  }

  @Test
  @Order(14)
  void deploymentsQueuesAndTheTokenSurviveARestartAndRemoveStopsEverything() throws Exception {
    String token = runtime.token();
    String version = runtime.adminJson("/_skyhop/apps/fixture").get("version").getAsString();
    runtime.close();
    runtime = RuntimeProcess.start(tmp.resolve("data"), Map.of(), "--max-attempts", "3");
    assertThat(runtime.token()).isEqualTo(token);
    assertThat(runtime.adminJson("/_skyhop/apps/fixture").get("version").getAsString())
        .isEqualTo(version);
    assertThat(get("/fixture/slow?ms=1").body()).isEqualTo("v2");
    assertThat(runtime.adminJson("/_skyhop/queues/jobs").get("dead").getAsInt()).isEqualTo(1);
    assertThat(runtime.send(runtime.admin("/_skyhop/apps/fixture").DELETE().build()).statusCode())
        .isEqualTo(204);
    assertThat(get("/fixture/hello").statusCode()).isEqualTo(404);
    assertThat(runtime.send(runtime.admin("/_skyhop/apps/fixture").DELETE().build()).statusCode())
        .isEqualTo(404);
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return runtime.send(runtime.request(path).GET().build());
  }

  private static JsonObject json(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isLessThan(300);
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  private static String enqueue(String queue, String body) throws Exception {
    HttpResponse<String> r =
        runtime.send(
            runtime
                .admin("/_skyhop/queues/" + queue)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(r.statusCode()).isEqualTo(202);
    return json(r).get("id").getAsString();
  }

  private static JsonObject awaitQueue(String name, java.util.function.Predicate<JsonObject> done)
      throws Exception {
    JsonObject q = runtime.awaitAdmin("/_skyhop/queues/" + name, done, Duration.ofSeconds(30));
    assertThat(done.test(q)).as(q.toString()).isTrue();
    return q;
  }

  private static List<String> names(JsonArray functions) {
    List<String> names = new ArrayList<>();
    functions.forEach(f -> names.add(f.getAsJsonObject().get("name").getAsString()));
    return names;
  }

  private static String reportFor(String log, String requestId) {
    for (String line : log.split("\n")) {
      if (line.contains("REPORT RequestId: " + requestId)) {
        return JsonParser.parseString(line).getAsJsonObject().get("message").getAsString();
      }
    }
    throw new AssertionError("no REPORT line for " + requestId);
  }

  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", runtime.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
    }
  }
}
