package io.skyhop.tooling.lab;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The OTLP/HTTP receiver the lab runs while it measures cold starts with tracing on: it accepts
 * {@code POST /v1/traces} (JSON, as Skyhop's exporter sends it), counts the spans in it and answers
 * {@code 200 {}}, so that the report can show that tracing really ran. It keeps nothing else.
 */
public final class OtlpSpanCounter implements AutoCloseable {
  private final AtomicInteger spans = new AtomicInteger();
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

  /** The spans received so far. */
  public int spans() {
    return spans.get();
  }

  private TinyHttpServer.Response handle(TinyHttpServer.Request request) {
    if (!request.method().equals("POST") || !request.path().startsWith("/v1/traces")) {
      return TinyHttpServer.Response.json(404, "{}");
    }
    try {
      count(JsonParser.parseString(new String(request.body(), StandardCharsets.UTF_8)));
      return TinyHttpServer.Response.json(200, "{}");
    } catch (JsonParseException | IllegalStateException | NullPointerException e) {
      return TinyHttpServer.Response.json(400, "{}");
    }
  }

  private void count(JsonElement body) {
    int n = 0;
    for (JsonElement resource : body.getAsJsonObject().getAsJsonArray("resourceSpans")) {
      for (JsonElement scope : resource.getAsJsonObject().getAsJsonArray("scopeSpans")) {
        n += scope.getAsJsonObject().getAsJsonArray("spans").size();
      }
    }
    spans.addAndGet(n);
  }

  @Override
  public void close() {
    server.close();
  }
}
