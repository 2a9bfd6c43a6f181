package io.skyhop.tooling.lab;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OTLP/HTTP receiver the lab runs while it measures cold starts with tracing on: it accepts
 * {@code POST /v1/traces} (JSON, as Skyhop's exporter sends it), answers {@code 200 {}} and counts
 * the spans per {@code skyhop.target} and span name (the function), so that the report can show
 * that tracing really ran. It keeps nothing else.
 */
public final class OtlpSpanCounter implements AutoCloseable {
  private final Map<String, Integer> spans = new ConcurrentHashMap<>();
  private final TinyHttpServer server;

  private OtlpSpanCounter() throws IOException {
    this.server = TinyHttpServer.start("skyhop-lab-otlp", this::handle);
  }

  /** Starts a receiver on a free port of 127.0.0.1. */
  public static OtlpSpanCounter start() throws IOException {
    return new OtlpSpanCounter();
  }

  /** The value of {@code OTEL_EXPORTER_OTLP_ENDPOINT} that sends spans here. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.port();
  }

  /** The spans received so far for {@code function} on {@code target}. */
  public int spans(String target, String function) {
    return spans.getOrDefault(key(target, function), 0);
  }

  private TinyHttpServer.Response handle(TinyHttpServer.Request request) {
    if (!request.method().equals("POST") || !request.path().startsWith("/v1/traces")) {
      return TinyHttpServer.Response.json(404, "{}");
    }
    try {
      count(JsonParser.parseString(new String(request.body(), StandardCharsets.UTF_8)));
      return TinyHttpServer.Response.json(200, "{}");
    } catch (JsonParseException | IllegalStateException e) {
      return TinyHttpServer.Response.json(400, "{}");
    }
  }

  private void count(JsonElement body) {
    for (JsonElement resource : body.getAsJsonObject().getAsJsonArray("resourceSpans")) {
      for (JsonElement scope : resource.getAsJsonObject().getAsJsonArray("scopeSpans")) {
        for (JsonElement span : scope.getAsJsonObject().getAsJsonArray("spans")) {
          JsonObject s = span.getAsJsonObject();
          spans.merge(key(target(s), s.get("name").getAsString()), 1, Integer::sum);
        }
      }
    }
  }

  private static String target(JsonObject span) {
    if (span.has("attributes")) {
      for (JsonElement a : span.getAsJsonArray("attributes")) {
        JsonObject attribute = a.getAsJsonObject();
        if (attribute.get("key").getAsString().equals("skyhop.target")) {
          return attribute.getAsJsonObject("value").get("stringValue").getAsString();
        }
      }
    }
    return "";
  }

  private static String key(String target, String function) {
    return target + "/" + function;
  }

  @Override
  public void close() {
    server.close();
  }
}
