package io.skyhop.core.trace;

/** OTLP span kinds an invocation can have (the numbers are OTLP's {@code SpanKind} values). */
public enum SpanKind {
  /** A schedule, storage or direct invocation. */
  INTERNAL(1),
  /** An HTTP request. */
  SERVER(2),
  /** A queue message. */
  CONSUMER(5);

  private final int otlp;

  SpanKind(int otlp) {
    this.otlp = otlp;
  }

  /** The OTLP enum value. */
  int otlp() {
    return otlp;
  }
}
