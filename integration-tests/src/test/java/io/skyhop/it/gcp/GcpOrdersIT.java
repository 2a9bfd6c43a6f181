package io.skyhop.it.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.Repo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gcp package of examples/orders, run function by function in Google's java-function-invoker
 * exactly as the manifest configures each Cloud Function: real HTTP requests, Cloud Scheduler
 * calls, and CloudEvents in binary and structured mode.
 */
class GcpOrdersIT {
  private static final String PUBSUB = "google.cloud.pubsub.topic.v1.messagePublished";
  private static final String FINALIZED = "google.cloud.storage.object.v1.finalized";

  @TempDir static Path work;
  private static Path jar;
  private static Path manifest;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeAll
  static void unpack() throws IOException {
    Path packaged = Repo.packaged("orders");
    manifest = packaged.resolve("manifest.json");
    jar = work.resolve("orders.jar");
    try (ZipInputStream zip =
        new ZipInputStream(Files.newInputStream(packaged.resolve("gcp/orders.zip")))) {
      ZipEntry entry = zip.getNextEntry();
      assertThat(entry.getName()).isEqualTo("orders.jar");
      Files.write(jar, zip.readAllBytes());
      assertThat(zip.getNextEntry()).as("the zip holds only the jar").isNull();
    }
  }

  private static InvokerProcess run(String function) throws Exception {
    return InvokerProcess.start("orders-" + function, jar, GcpEntry.of(manifest, function));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = GcpOrdersIT.class.getResourceAsStream("/gcp/events/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void getAnswersWithPathAndQueryParameters() throws Exception {
    try (InvokerProcess fn = run("get")) {
      HttpResponse<String> found =
          send(HttpRequest.newBuilder(fn.uri("/orders/a%20b-1?item=gear")));
      HttpResponse<String> missing = send(HttpRequest.newBuilder(fn.uri("/orders/unknown-7")));
      HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(fn.uri("/orders/1")).DELETE());
      HttpResponse<String> wrongPath = send(HttpRequest.newBuilder(fn.uri("/customers/1")));

      assertThat(found.statusCode()).isEqualTo(200);
      assertThat(found.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      assertThat(found.body()).isEqualTo("{\"id\":\"a b-1\",\"item\":\"gear\",\"quantity\":1}");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(
              JsonParser.parseString(missing.body()).getAsJsonObject().get("error").getAsString())
          .isEqualTo("No order unknown-7");
      assertThat(wrongMethod.statusCode()).isEqualTo(405);
      assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");
      assertThat(wrongPath.statusCode()).isEqualTo(404);
      assertThat(fn.awaitLog("get order a b-1")).contains("\"severity\":\"INFO\"");
    }
  }

  @Test
  void createOrderTakesJsonAndAnswers201WithLocation() throws Exception {
    try (InvokerProcess fn = run("create-order")) {
      HttpResponse<String> created =
          send(
              HttpRequest.newBuilder(fn.uri("/orders"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"bolt\",\"quantity\":3}")));
      HttpResponse<String> invalid =
          send(
              HttpRequest.newBuilder(fn.uri("/orders"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"bolt\",\"quantity\":0}")));

      assertThat(created.statusCode()).isEqualTo(201);
      JsonObject order = JsonParser.parseString(created.body()).getAsJsonObject();
      assertThat(order.get("item").getAsString()).isEqualTo("bolt");
      assertThat(order.get("quantity").getAsInt()).isEqualTo(3);
      assertThat(created.headers().firstValue("Location"))
          .hasValue("/orders/" + order.get("id").getAsString());
      assertThat(invalid.statusCode()).isEqualTo(400);
      assertThat(
              JsonParser.parseString(invalid.body()).getAsJsonObject().get("error").getAsString())
          .isEqualTo("quantity must be at least 1");
    }
  }

  @Test
  void aThrowingFunctionAnswers500WithoutItsStackTrace() throws Exception {
    try (InvokerProcess fn = run("explode")) {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(fn.uri("/orders/explode"))
                  .POST(HttpRequest.BodyPublishers.noBody()));

      assertThat(response.statusCode()).isEqualTo(500);
      JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
      assertThat(body.keySet()).containsExactly("error", "requestId");
      assertThat(body.get("error").getAsString()).isEqualTo("Internal Server Error");
      assertThat(response.body()).doesNotContain("warehouse", "Exception", "at com.example");
      assertThat(fn.awaitLog("the warehouse is on fire"))
          .contains("java.lang.IllegalStateException: the warehouse is on fire")
          .contains("at com.example.orders.Orders.explode");
    }
  }

  @Test
  void nightlyRunsOnACloudSchedulerCall() throws Exception {
    try (InvokerProcess fn = run("nightly")) {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(fn.uri("/"))
                  .header("User-Agent", "Google-Cloud-Scheduler")
                  .header("X-CloudScheduler", "true")
                  .header("X-CloudScheduler-JobName", "orders-nightly")
                  .header("X-CloudScheduler-ScheduleTime", "2026-01-31T03:00:00Z")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{}")));

      assertThat(response.statusCode()).isEqualTo(204);
      assertThat(fn.awaitLog("nightly report due at"))
          .contains("Cloud Scheduler run of orders-nightly")
          .contains("nightly report due at 2026-01-31T03:00:00Z");
    }
  }

  private static HttpRequest.Builder binary(
      URI uri, String id, String type, String source, String body) {
    return HttpRequest.newBuilder(uri)
        .header("ce-id", id)
        .header("ce-specversion", "1.0")
        .header("ce-type", type)
        .header("ce-source", source)
        .header("ce-time", "2026-01-31T10:00:00Z")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpRequest.Builder structured(URI uri, String event) {
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/cloudevents+json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(event));
  }

  @Test
  void onOrderTakesPubSubEventsInBinaryAndStructuredMode() throws Exception {
    String topic = "//pubsub.googleapis.com/projects/acme/topics/orders";
    try (InvokerProcess fn = run("on-order")) {
      HttpResponse<String> binary =
          send(binary(fn.uri("/"), "m-101", PUBSUB, topic, fixture("pubsub-order.json")));
      HttpResponse<String> structured =
          send(structured(fn.uri("/"), fixture("pubsub-order-structured.json")));
      HttpResponse<String> failing =
          send(binary(fn.uri("/"), "m-102", PUBSUB, topic, fixture("pubsub-bad-order.json")));

      assertThat(binary.statusCode()).isBetween(200, 299);
      assertThat(structured.statusCode()).isBetween(200, 299);
      assertThat(failing.statusCode()).isEqualTo(500);
      assertThat(fn.awaitLog("negative quantity in order o-bad"))
          .contains("queued order o-1 x2")
          .contains("queued order o-3 x5")
          .doesNotContain("queued order o-bad");
    }
  }

  @Test
  void onUploadTakesStorageEventsInBinaryAndStructuredMode() throws Exception {
    String bucket = "//storage.googleapis.com/projects/_/buckets/uploads";
    try (InvokerProcess fn = run("on-upload")) {
      HttpResponse<String> binary =
          send(
              binary(fn.uri("/"), "st-1", FINALIZED, bucket, fixture("storage-finalized.json"))
                  .header("ce-subject", "objects/in/report 1.csv"));
      HttpResponse<String> structured =
          send(structured(fn.uri("/"), fixture("storage-finalized-structured.json")));

      assertThat(binary.statusCode()).isBetween(200, 299);
      assertThat(structured.statusCode()).isBetween(200, 299);
      assertThat(fn.awaitLog("uploaded uploads/in/second.csv"))
          .contains("uploaded uploads/in/report 1.csv 2048")
          .contains("uploaded uploads/in/second.csv 99");
    }
  }
}
