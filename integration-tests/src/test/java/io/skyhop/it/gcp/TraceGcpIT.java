package io.skyhop.it.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import io.skyhop.it.OtlpReceiver;
import io.skyhop.it.Repo;
import io.skyhop.it.TraceAssertions;
import io.skyhop.it.local.LocalFixtureApp;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One trace through Google's Functions Framework invoker: a request with a {@code traceparent} (as
 * Google's front end forwards it) reaches the HTTP function, which publishes to a stand-in Pub/Sub
 * topic ({@code topics.publish}) with its {@code traceparent} as a message attribute; the message
 * comes back as the {@code messagePublished} CloudEvent Eventarc delivers to the queue function,
 * which continues the trace. Both spans arrive at an in-process OTLP receiver.
 */
class TraceGcpIT {
  private static final String CALLER_TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String CALLER_SPAN = "b7ad6b7169203331";

  @TempDir Path work;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void oneTraceFromTheHttpFunctionThroughPubSubIntoTheQueueFunction() throws Exception {
    List<String> published = new CopyOnWriteArrayList<>();
    HttpServer pubsub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    pubsub.createContext(
        "/v1/projects/demo/topics/",
        exchange -> {
          published.add(
              exchange.getRequestURI().getPath()
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] answer =
              "{\"messageIds\":[\"2070443601311540\"]}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    pubsub.start();
    try (OtlpReceiver otlp = OtlpReceiver.start()) {
      Path manifest = traced(otlp, "http://127.0.0.1:" + pubsub.getAddress().getPort());
      Path jar = work.resolve("run/traced.jar");

      try (InvokerProcess order =
          InvokerProcess.start("traced-order", jar, GcpEntry.of(manifest, "order"))) {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(order.uri("/orders"))
                    .header("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")
                    .POST(HttpRequest.BodyPublishers.ofString("order-7"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(CALLER_TRACE);
      }
      assertThat(published).hasSize(1);
      String path = published.get(0).substring(0, published.get(0).indexOf(' '));
      assertThat(path).isEqualTo("/v1/projects/demo/topics/traced-orders:publish");
      JsonObject message =
          JsonParser.parseString(published.get(0).substring(path.length() + 1))
              .getAsJsonObject()
              .getAsJsonArray("messages")
              .get(0)
              .getAsJsonObject();
      String traceparent = message.getAsJsonObject("attributes").get("traceparent").getAsString();
      assertThat(traceparent).matches("00-" + CALLER_TRACE + "-[0-9a-f]{16}-01");

      try (InvokerProcess fulfil =
          InvokerProcess.start("traced-fulfil", jar, GcpEntry.of(manifest, "fulfil"))) {
        String event =
            Files.readString(
                    Path.of(
                        TraceGcpIT.class
                            .getResource("/trace/events/pubsub-traced-orders.json")
                            .toURI()))
                .replace("@@DATA@@", message.get("data").getAsString())
                .replace("@@TRACEPARENT@@", traceparent)
                .replace("@@MESSAGE_ID@@", "2070443601311540");
        HttpResponse<String> delivered =
            http.send(
                HttpRequest.newBuilder(fulfil.uri("/"))
                    .header("ce-id", "2070443601311540")
                    .header("ce-specversion", "1.0")
                    .header("ce-type", "google.cloud.pubsub.topic.v1.messagePublished")
                    .header(
                        "ce-source", "//pubsub.googleapis.com/projects/demo/topics/traced-orders")
                    .header("ce-time", "2026-12-07T17:00:00Z")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(event))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(delivered.statusCode()).as(delivered.body()).isBetween(200, 299);
        assertThat(fulfil.awaitLog("fulfil order-7 in trace"))
            .contains("fulfil order-7 in trace " + CALLER_TRACE);
      }

      OtlpReceiver.Span order = otlp.await("order", Duration.ofSeconds(30));
      OtlpReceiver.Span fulfil = otlp.await("fulfil", Duration.ofSeconds(30));
      TraceAssertions.followed(order, fulfil, CALLER_TRACE, CALLER_SPAN, "gcp");
    } finally {
      pubsub.stop(0);
    }
  }

  /** Packages the fixture for gcp; its jar goes to {@code run/traced.jar}. */
  private Path traced(OtlpReceiver otlp, String queue) throws Exception {
    Path build = work.resolve("build");
    String version = Repo.version();
    Path skyhop =
        LocalFixtureApp.packageFor(
            "trace",
            "traced",
            build,
            Map.of("@@OTLP@@", otlp.endpoint(), "@@QUEUE@@", queue),
            Map.of(),
            Target.named("gcp"),
            List.of(
                new Library(
                    "io.skyhop",
                    "skyhop-gcp-functions",
                    version,
                    LocalFixtureApp.jarOf(io.skyhop.gcp.GcpSetupException.class, build)),
                new Library(
                    "io.skyhop",
                    "skyhop-adapter-core",
                    version,
                    LocalFixtureApp.jarOf(io.skyhop.core.FunctionRuntime.class, build)),
                new Library(
                    "com.google.code.gson",
                    "gson",
                    "2.13.2",
                    LocalFixtureApp.jarOf(com.google.gson.Gson.class, build))));
    Path jar = Files.createDirectories(work.resolve("run")).resolve("traced.jar");
    try (InputStream in = Files.newInputStream(skyhop.resolve("gcp/traced.zip"));
        ZipInputStream zip = new ZipInputStream(in)) {
      assertThat(zip.getNextEntry().getName()).isEqualTo("traced.jar");
      Files.write(jar, zip.readAllBytes());
    }
    return skyhop.resolve("manifest.json");
  }
}
