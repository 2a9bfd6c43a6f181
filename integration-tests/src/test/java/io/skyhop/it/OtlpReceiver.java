package io.skyhop.it;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process OTLP/HTTP trace receiver: accepts {@code POST /v1/traces} with an {@code
 * ExportTraceServiceRequest} in OTLP's JSON mapping, as an OpenTelemetry Collector's {@code otlp}
 * receiver does, answers {@code {}} (a full success) and keeps every span.
 */
public final class OtlpReceiver implements AutoCloseable {
  private final HttpServer server;
  private final List<Span> spans = new CopyOnWriteArrayList<>();

  /** One received span, with the service name of its resource. */
  public record Span(
      String service,
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      int kind,
      int statusCode,
      JsonObject raw) {
    /** A string attribute's value, or null. */
    public String attribute(String key) {
      for (JsonElement a : raw.getAsJsonArray("attributes")) {
        if (a.getAsJsonObject().get("key").getAsString().equals(key)) {
          JsonObject v = a.getAsJsonObject().getAsJsonObject("value");
          return v.has("stringValue")
              ? v.get("stringValue").getAsString()
              : v.entrySet().iterator().next().getValue().getAsString();
        }
      }
      return null;
    }
  }

  private OtlpReceiver(HttpServer server) {
    this.server = server;
  }

  /** Starts on a free loopback port. */
  public static OtlpReceiver start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    OtlpReceiver receiver = new OtlpReceiver(server);
    server.createContext(
        "/v1/traces",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          int status = 200;
          String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
          if (!"POST".equals(exchange.getRequestMethod())
              || contentType == null
              || !contentType.startsWith("application/json")) {
            status = 415;
          } else {
            receiver.keep(new String(body, StandardCharsets.UTF_8));
          }
          byte[] answer = (status == 200 ? "{}" : "{\"code\":3}").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    return receiver;
  }

  private void keep(String json) {
    JsonObject request = JsonParser.parseString(json).getAsJsonObject();
    for (JsonElement rs : request.getAsJsonArray("resourceSpans")) {
      String service = null;
      for (JsonElement a :
          rs.getAsJsonObject().getAsJsonObject("resource").getAsJsonArray("attributes")) {
        if (a.getAsJsonObject().get("key").getAsString().equals("service.name")) {
          service = a.getAsJsonObject().getAsJsonObject("value").get("stringValue").getAsString();
        }
      }
      for (JsonElement ss : rs.getAsJsonObject().getAsJsonArray("scopeSpans")) {
        for (JsonElement s : ss.getAsJsonObject().getAsJsonArray("spans")) {
          JsonObject o = s.getAsJsonObject();
          spans.add(
              new Span(
                  service,
                  o.get("traceId").getAsString(),
                  o.get("spanId").getAsString(),
                  o.has("parentSpanId") ? o.get("parentSpanId").getAsString() : null,
                  o.get("name").getAsString(),
                  o.get("kind").getAsInt(),
                  o.getAsJsonObject("status").get("code").getAsInt(),
                  o));
        }
      }
    }
  }

  /** The base endpoint, as {@code OTEL_EXPORTER_OTLP_ENDPOINT} takes it. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The span of {@code function} once received, waiting up to {@code timeout}. */
  public Span await(String function, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (Span s : spans) {
        if (s.name().equals(function)) {
          return s;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("No span of " + function + " within " + timeout + "; got " + spans);
  }

  /** Every span received so far. */
  public List<Span> spans() {
    return List.copyOf(spans);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
