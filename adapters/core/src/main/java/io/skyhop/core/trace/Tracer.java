package io.skyhop.core.trace;

import io.skyhop.api.Context;
import java.time.Instant;
import java.util.Map;

/**
 * Turns invocations into spans exported over OTLP/HTTP. Built only when an exporter is configured
 * ({@link TraceSettings}); with tracing off no class of this package is loaded unless an event
 * carries a {@code traceparent}, which is then only propagated.
 */
public final class Tracer {
  private final OtlpExporter exporter;

  Tracer(OtlpExporter exporter) {
    this.exporter = exporter;
  }

  /**
   * The tracer the environment configures, or {@code null} when tracing is off.
   *
   * @throws TraceSetupException when a setting asks for what Skyhop cannot export
   */
  public static Tracer fromEnv(Map<String, String> env) {
    TraceSettings settings = TraceSettings.from(env);
    return settings == null ? null : new Tracer(new OtlpExporter(settings));
  }

  /**
   * Starts an invocation's span, or only propagates the caller's trace when {@code tracer} is
   * {@code null}.
   *
   * @param tracer the tracer, {@code null} when tracing is off
   * @param incoming the event's {@code traceparent} value, or {@code null}
   * @param kind how the function was triggered
   * @param context the adapter's context
   * @return the span, or {@code null} when tracing is off and the event carries no valid trace
   */
  public static Span start(Tracer tracer, String incoming, SpanKind kind, Context context) {
    TraceParent parent = TraceParent.parse(incoming);
    if (tracer == null) {
      return parent == null
          ? null
          : new Span(null, parent, null, context.functionName(), kind, 0, context);
    }
    String spanId = TraceParent.randomHex(1);
    TraceParent current = parent == null ? TraceParent.root(spanId) : parent.withSpan(spanId);
    return new Span(
        tracer,
        current,
        parent == null ? null : parent.spanId(),
        context.functionName(),
        kind,
        tracer.nowNanos(),
        context);
  }

  long nowNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  void export(Span.SpanData span) {
    exporter.export(span);
  }
}
