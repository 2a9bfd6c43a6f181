package io.skyhop.core.trace;

import io.skyhop.api.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One invocation's span: started by {@link Tracer#start}, ended once with the outcome. When the
 * caller's trace is not sampled, or tracing is off, the span only propagates and exports nothing.
 */
public final class Span {
  private final Tracer tracer;
  private final TraceParent current;
  private final String parentSpanId;
  private final String name;
  private final SpanKind kind;
  private final long startNanos;
  private final Context context;
  private final Map<String, Object> attributes = new LinkedHashMap<>();

  Span(
      Tracer tracer,
      TraceParent current,
      String parentSpanId,
      String name,
      SpanKind kind,
      long startNanos,
      Context adapterContext) {
    this.tracer = tracer;
    this.current = current;
    this.parentSpanId = parentSpanId;
    this.name = name;
    this.kind = kind;
    this.startNanos = startNanos;
    this.context = new TracedContext(adapterContext, current);
    attributes.put("faas.invocation_id", adapterContext.requestId());
    attributes.put("faas.name", adapterContext.functionName());
    attributes.put("skyhop.target", adapterContext.target());
  }

  /** The context to hand the function: the adapter's, plus the trace. */
  public Context context() {
    return context;
  }

  /** Adds an attribute (a string, a long or a boolean). */
  public Span attribute(String key, Object value) {
    attributes.put(key, value);
    return this;
  }

  /**
   * Ends the span and exports it when the trace is sampled and an exporter is configured; never
   * throws (an export failure is logged by the exporter).
   *
   * @param error the failure's description, or {@code null} when the invocation succeeded
   */
  public void end(String error) {
    if (tracer == null || !current.sampled()) {
      return;
    }
    tracer.export(
        new SpanData(
            current.traceId(),
            current.spanId(),
            parentSpanId,
            name,
            kind,
            startNanos,
            tracer.nowNanos(),
            Map.copyOf(attributes),
            error));
  }

  /**
   * A finished span, as exported.
   *
   * @param error {@code null} when the invocation succeeded
   */
  public record SpanData(
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      SpanKind kind,
      long startEpochNanos,
      long endEpochNanos,
      Map<String, Object> attributes,
      String error) {}
}
