package io.skyhop.core.trace;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Posts each ended span to an OTLP/HTTP receiver as an {@code ExportTraceServiceRequest} in JSON
 * (OTLP's JSON mapping: ids in hex, times as decimal strings), before the invocation returns: a
 * serverless environment may be frozen right after it answers, so nothing is kept for later. A
 * failed export is written to standard error (endpoint and status, never the headers) and never
 * fails the invocation.
 *
 * <p>Why not the OpenTelemetry SDK: its OTLP exporter ships several megabytes (with OkHttp and the
 * Kotlin standard library, or the SDK's own sender) into every package and adds its initialisation
 * to the traced cold start; one span per invocation needs neither batching nor metrics, so ~100
 * lines on the JDK's HTTP client do the job.
 */
final class OtlpExporter {
  private final TraceSettings settings;

  OtlpExporter(TraceSettings settings) {
    this.settings = settings;
  }

  void export(Span.SpanData span) {
    byte[] body = request(span).toString().getBytes(StandardCharsets.UTF_8);
    try {
      HttpURLConnection http = (HttpURLConnection) settings.endpoint().toURL().openConnection();
      http.setConnectTimeout(settings.timeoutMillis());
      http.setReadTimeout(settings.timeoutMillis());
      http.setRequestMethod("POST");
      http.setDoOutput(true);
      http.setFixedLengthStreamingMode(body.length);
      http.setRequestProperty("Content-Type", "application/json");
      for (Map.Entry<String, String> h : settings.headers().entrySet()) {
        http.setRequestProperty(h.getKey(), h.getValue());
      }
      try (OutputStream out = http.getOutputStream()) {
        out.write(body);
      }
      int status = http.getResponseCode();
      try (InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream()) {
        if (in != null) {
          in.readAllBytes();
        }
      }
      if (status >= 300) {
        System.err.println(
            "skyhop: the OTLP receiver at "
                + settings.endpoint()
                + " answered HTTP "
                + status
                + " to span "
                + span.spanId()
                + " of trace "
                + span.traceId());
      }
    } catch (IOException | RuntimeException e) {
      System.err.println(
          "skyhop: cannot export span "
              + span.spanId()
              + " of trace "
              + span.traceId()
              + " to "
              + settings.endpoint()
              + ": "
              + e);
    }
  }

  private JsonObject request(Span.SpanData span) {
    JsonObject resource = new JsonObject();
    JsonArray resourceAttributes = new JsonArray();
    resourceAttributes.add(
        attribute(
            "service.name",
            settings.serviceName() != null
                ? settings.serviceName()
                : String.valueOf(span.attributes().get("faas.name"))));
    resourceAttributes.add(attribute("telemetry.sdk.name", "skyhop"));
    resource.add("attributes", resourceAttributes);

    JsonObject s = new JsonObject();
    s.addProperty("traceId", span.traceId());
    s.addProperty("spanId", span.spanId());
    if (span.parentSpanId() != null) {
      s.addProperty("parentSpanId", span.parentSpanId());
    }
    s.addProperty("name", span.name());
    s.addProperty("kind", span.kind().otlp());
    s.addProperty("startTimeUnixNano", Long.toString(span.startEpochNanos()));
    s.addProperty("endTimeUnixNano", Long.toString(span.endEpochNanos()));
    JsonArray attributes = new JsonArray();
    for (Map.Entry<String, Object> a : span.attributes().entrySet()) {
      attributes.add(attribute(a.getKey(), a.getValue()));
    }
    s.add("attributes", attributes);
    JsonObject status = new JsonObject();
    status.addProperty("code", span.error() == null ? 1 : 2);
    if (span.error() != null) {
      status.addProperty("message", span.error());
    }
    s.add("status", status);

    JsonArray spans = new JsonArray();
    spans.add(s);
    JsonObject scope = new JsonObject();
    scope.addProperty("name", "io.skyhop");
    JsonObject scopeSpans = new JsonObject();
    scopeSpans.add("scope", scope);
    scopeSpans.add("spans", spans);
    JsonArray scopeList = new JsonArray();
    scopeList.add(scopeSpans);
    JsonObject resourceSpans = new JsonObject();
    resourceSpans.add("resource", resource);
    resourceSpans.add("scopeSpans", scopeList);
    JsonArray all = new JsonArray();
    all.add(resourceSpans);
    JsonObject request = new JsonObject();
    request.add("resourceSpans", all);
    return request;
  }

  private static JsonObject attribute(String key, Object value) {
    JsonObject v = new JsonObject();
    if (value instanceof Long || value instanceof Integer) {
      v.addProperty("intValue", value.toString());
    } else if (value instanceof Boolean b) {
      v.addProperty("boolValue", b);
    } else {
      v.addProperty("stringValue", String.valueOf(value));
    }
    JsonObject a = new JsonObject();
    a.addProperty("key", key);
    a.add("value", v);
    return a;
  }
}
