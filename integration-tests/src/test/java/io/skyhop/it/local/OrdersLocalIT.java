package io.skyhop.it.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.Repo;
import io.skyhop.it.RunsAlone;
import io.skyhop.runtime.testing.RuntimeProcess;
import io.skyhop.tooling.local.LocalRuntimeClient;
import io.skyhop.tooling.local.LocalRuntimeException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/orders}, packaged by the build's {@code skyhop:package} for the {@code local}
 * target, deployed with the tooling's {@link LocalRuntimeClient} to a runtime process this test
 * starts: every trigger kind, cold and warm starts, scale to zero, 32 connections of load, remove.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@RunsAlone("32 connections for 20 s with no error, more than 1,000 requests, at most 10 instances")
class OrdersLocalIT {
  @TempDir static Path tmp;

  static RuntimeProcess runtime;
  static LocalRuntimeClient client;

  @BeforeAll
  static void start() throws Exception {
    runtime =
        RuntimeProcess.start(
            tmp.resolve("data"),
            Map.of(),
            "--idle-seconds",
            "3",
            "--max-attempts",
            "2",
            "--retry-base-ms",
            "100");
    client =
        new LocalRuntimeClient(runtime.baseUrl(), LocalRuntimeClient.readToken(runtime.dataDir()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  @Order(1)
  void theClientDeploysThePackagedBundle() {
    assertThat(client.health()).hasValueSatisfying(h -> assertThat(h.status()).isEqualTo("ok"));
    assertThatThrownBy(() -> new LocalRuntimeClient(runtime.baseUrl(), "wrong").list())
        .isInstanceOf(LocalRuntimeException.class)
        .hasMessage(
            "The runtime at "
                + runtime.baseUrl()
                + " refused the admin token (GET "
                + runtime.baseUrl()
                + "/_skyhop/apps answered 401). Fix: set skyhop.local.token to the content of the"
                + " file admin-token in that runtime's data directory");

    LocalRuntimeClient.DeployedApp app = client.deploy("orders", bundle());

    assertThat(app.functions())
        .extracting(LocalRuntimeClient.DeployedFunction::name)
        .containsExactly("get", "create-order", "explode", "nightly", "on-order", "on-upload");
    assertThat(app.function("get").orElseThrow().url())
        .isEqualTo(runtime.baseUrl() + "/orders/orders/{id}");
    assertThat(client.list())
        .extracting(LocalRuntimeClient.DeployedApp::app)
        .containsExactly("orders");
  }

  @Test
  @Order(2)
  void theFirstRequestReportsAnInitDurationAndTheNextOnesNone() throws Exception {
    for (int i = 1; i <= 3; i++) {
      HttpResponse<String> r = get("/orders/orders/" + i + "?item=book");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("{\"id\":\"" + i + "\",\"item\":\"book\",\"quantity\":1}");
    }
    JsonArray runs = invocations("get");
    assertThat(runs).hasSize(3);
    assertThat(runs.get(0).getAsJsonObject().get("initDurationMs").getAsDouble()).isPositive();
    assertThat(runs.get(1).getAsJsonObject().get("initDurationMs").isJsonNull()).isTrue();
    assertThat(runs.get(2).getAsJsonObject().get("initDurationMs").isJsonNull()).isTrue();
    System.out.printf(
        "local cold start: init %.1f ms, first invocation %.1f ms; warm invocation %.2f ms%n",
        runs.get(0).getAsJsonObject().get("initDurationMs").getAsDouble(),
        runs.get(0).getAsJsonObject().get("durationMs").getAsDouble(),
        runs.get(2).getAsJsonObject().get("durationMs").getAsDouble());
  }

  @Test
  @Order(3)
  void httpFunctionsAnswerAsTheyDoOnEveryTarget() throws Exception {
    HttpResponse<String> created =
        runtime.send(
            runtime
                .request("/orders/orders")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"pen\",\"quantity\":3}"))
                .build());
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).startsWith("/orders/"));
    HttpResponse<String> unknown = get("/orders/orders/unknown-7");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).startsWith("{\"error\":\"No order unknown-7\"");
    HttpResponse<String> explode = get("/orders/orders/explode");
    assertThat(explode.statusCode()).isEqualTo(500);
    assertThat(explode.body())
        .startsWith("{\"error\":\"Internal Server Error\"")
        .doesNotContain("warehouse", "at com.example");
    HttpResponse<String> bad =
        runtime.send(
            runtime
                .request("/orders/orders")
                .POST(HttpRequest.BodyPublishers.ofString("{oops"))
                .build());
    assertThat(bad.statusCode()).isEqualTo(400);
  }

  @Test
  @Order(4)
  void queueScheduleAndStorageTriggersRunTheirFunctions() throws Exception {
    enqueue("{\"id\":\"o-1\",\"item\":\"pen\",\"quantity\":2}");
    String poisoned = enqueue("{\"id\":\"o-2\",\"item\":\"pen\",\"quantity\":-1}");
    JsonObject queue =
        await(
            "/_skyhop/queues/orders",
            q ->
                q.get("dead").getAsInt() == 1
                    && q.get("ready").getAsInt() == 0
                    && q.get("delayed").getAsInt() == 0);
    assertThat(queue.getAsJsonArray("deadLetters").get(0).getAsJsonObject().get("id").getAsString())
        .isEqualTo(poisoned);
    assertThat(statuses(invocations("on-order")))
        .containsExactlyInAnyOrder("OK", "FUNCTION_ERROR", "FUNCTION_ERROR");

    HttpResponse<String> put =
        runtime.send(
            runtime
                .admin("/_skyhop/buckets/uploads/invoices/2026-11.pdf")
                .PUT(HttpRequest.BodyPublishers.ofString("%PDF"))
                .build());
    assertThat(put.statusCode()).isEqualTo(200);
    awaitInvocations("on-upload", 1);
    JsonObject upload = invocations("on-upload").get(0).getAsJsonObject();
    assertThat(upload.get("trigger").getAsString()).isEqualTo("storage");
    assertThat(upload.get("status").getAsString()).isEqualTo("OK");
    assertThat(runtime.console())
        .contains("\"message\":\"uploaded uploads/invoices/2026-11.pdf 4\"");

    LocalRuntimeClient.InvokeResult nightly =
        client.invoke("orders", "nightly", "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(nightly.status()).isEqualTo(200);
    assertThat(runtime.console()).contains("nightly report due at");
    LocalRuntimeClient.InvokeResult direct =
        client.invoke("orders", "get", "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(direct.status()).isEqualTo(200);
    assertThat(direct.requestId()).isNotBlank();
  }

  @Test
  @Order(5)
  void thirtyTwoConnectionsForTwentySecondsGetNoError() throws Exception {
    Load.Result result =
        Load.run(URI.create(runtime.baseUrl() + "/orders/orders/42"), 32, Duration.ofSeconds(20));
    System.out.println("local runtime load, 32 connections, GET /orders/orders/42: " + result);
    assertThat(result.errors()).as(result.toString()).isZero();
    assertThat(result.requests()).isGreaterThan(1000);
    JsonObject get = RuntimeProcess.function(runtime.adminJson("/_skyhop/apps/orders"), "get");
    assertThat(get.get("instances").getAsInt()).isBetween(1, 10);
  }

  @Test
  @Order(6)
  void idleInstancesStopAndTheAppScalesToZero() throws Exception {
    JsonObject app = await("/_skyhop/apps/orders", a -> a.get("instances").getAsInt() == 0);
    assertThat(app.get("instances").getAsInt()).isZero();
    HttpResponse<String> again = get("/orders/orders/9");
    assertThat(again.statusCode()).isEqualTo(200);
    JsonArray runs = invocations("get");
    assertThat(runs.get(runs.size() - 1).getAsJsonObject().get("initDurationMs").isJsonNull())
        .as("after scaling to zero the next request is a cold start again")
        .isFalse();
  }

  @Test
  @Order(7)
  void removeTakesTheAppAway() throws Exception {
    assertThat(client.remove("orders")).isTrue();
    assertThat(client.remove("orders")).isFalse();
    assertThat(client.app("orders")).isEmpty();
    assertThat(get("/orders/orders/1").statusCode()).isEqualTo(404);
  }

  private static Path bundle() {
    return Repo.packaged("orders").resolve("local/orders.zip");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return runtime.send(runtime.request(path).GET().build());
  }

  private static String enqueue(String body) throws Exception {
    HttpResponse<String> r =
        runtime.send(
            runtime
                .admin("/_skyhop/queues/orders")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(r.statusCode()).isEqualTo(202);
    return JsonParser.parseString(r.body()).getAsJsonObject().get("id").getAsString();
  }

  private static JsonArray invocations(String function) throws Exception {
    return runtime
        .adminJson("/_skyhop/invocations?app=orders&limit=1000&function=" + function)
        .getAsJsonArray("invocations");
  }

  private static void awaitInvocations(String function, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (invocations(function).size() < n && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  private static JsonObject await(String path, Predicate<JsonObject> done) throws Exception {
    JsonObject o = runtime.awaitAdmin(path, done, Duration.ofSeconds(30));
    assertThat(done.test(o)).as(o.toString()).isTrue();
    return o;
  }

  private static List<String> statuses(JsonArray runs) {
    List<String> statuses = new ArrayList<>();
    runs.forEach(r -> statuses.add(r.getAsJsonObject().get("status").getAsString()));
    return statuses;
  }
}
