package io.skyhop.core.trace;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpenTelemetry exporter settings a function's environment holds, by the standard variable
 * names (OpenTelemetry's "SDK environment variables"): {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}
 * (used as is) or {@code OTEL_EXPORTER_OTLP_ENDPOINT} (plus {@code /v1/traces}), {@code
 * OTEL_EXPORTER_OTLP_[TRACES_]HEADERS}, {@code OTEL_EXPORTER_OTLP_[TRACES_]TIMEOUT} (ms), {@code
 * OTEL_SERVICE_NAME}; {@code OTEL_SDK_DISABLED=true} or {@code OTEL_TRACES_EXPORTER=none} turn
 * tracing off. Skyhop sends OTLP/HTTP with JSON bodies, which every OTLP/HTTP receiver accepts.
 *
 * @param endpoint where spans are posted
 * @param headers extra request headers (credentials of the receiver: never logged)
 * @param timeoutMillis the export timeout
 * @param serviceName the resource's {@code service.name}, or {@code null} for the function's name
 */
record TraceSettings(
    URI endpoint, Map<String, String> headers, int timeoutMillis, String serviceName) {
  static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
  static final String TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

  /** The settings, or {@code null} when no endpoint is set or tracing is disabled. */
  static TraceSettings from(Map<String, String> env) {
    if ("true".equalsIgnoreCase(trim(env.get("OTEL_SDK_DISABLED")))
        || "none".equalsIgnoreCase(trim(env.get("OTEL_TRACES_EXPORTER")))) {
      return null;
    }
    String traces = trim(env.get(TRACES_ENDPOINT));
    String base = trim(env.get(ENDPOINT));
    if (traces == null && base == null) {
      return null;
    }
    String protocol =
        first(env, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL");
    if (protocol != null && protocol.equals("grpc")) {
      throw new TraceSetupException(
          "OTEL_EXPORTER_OTLP_PROTOCOL",
          protocol,
          "OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported: Skyhop exports spans over OTLP/HTTP"
              + " (JSON). Remove the setting or set it to http/json, and point "
              + ENDPOINT
              + " at the receiver's OTLP/HTTP port (4318 on an OpenTelemetry Collector).");
    }
    String setting = traces != null ? TRACES_ENDPOINT : ENDPOINT;
    String value = traces != null ? traces : base;
    URI endpoint;
    try {
      endpoint = URI.create(traces != null ? traces : base.replaceAll("/+$", "") + "/v1/traces");
    } catch (IllegalArgumentException bad) {
      endpoint = null;
    }
    if (endpoint == null
        || endpoint.getHost() == null
        || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
      throw new TraceSetupException(
          setting,
          value,
          setting
              + "="
              + value
              + " is not an http(s) URL: set it to the OTLP/HTTP receiver, e.g."
              + " http://collector:4318"
              + (traces != null ? "/v1/traces" : "")
              + ".");
    }
    String timeout = first(env, "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "OTEL_EXPORTER_OTLP_TIMEOUT");
    return new TraceSettings(
        endpoint,
        headers(first(env, "OTEL_EXPORTER_OTLP_TRACES_HEADERS", "OTEL_EXPORTER_OTLP_HEADERS")),
        timeout == null ? 10_000 : timeoutMillis(timeout),
        trim(env.get("OTEL_SERVICE_NAME")));
  }

  private static int timeoutMillis(String value) {
    try {
      return Math.max(1, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      throw new TraceSetupException(
          "OTEL_EXPORTER_OTLP_TIMEOUT",
          value,
          "OTEL_EXPORTER_OTLP_TIMEOUT="
              + value
              + " is not a number of milliseconds: set it to e.g. 10000, or remove it.");
    }
  }

  /** {@code key=value} pairs separated by commas, values URL-encoded (the OTel format). */
  private static Map<String, String> headers(String value) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (value == null) {
      return headers;
    }
    for (String pair : value.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        headers.put(
            pair.substring(0, eq).trim(),
            URLDecoder.decode(pair.substring(eq + 1).trim(), StandardCharsets.UTF_8));
      }
    }
    return Map.copyOf(headers);
  }

  private static String first(Map<String, String> env, String specific, String general) {
    String v = trim(env.get(specific));
    return v != null ? v : trim(env.get(general));
  }

  private static String trim(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
