package io.skyhop.tooling.lab;

import java.util.OptionalDouble;

/**
 * One warm invocation of a running instance.
 *
 * @param latencyMs the time the caller waited, in ms
 * @param handlerMs the function's own duration where the target reports it (the time billed on the
 *     provider, before rounding)
 * @param outcome what came back: an HTTP status ({@code "200"}), or {@code "ok"} / {@code "error"}
 *     for event functions
 */
public record Invocation(double latencyMs, OptionalDouble handlerMs, String outcome) {

  /** Checks the figures. */
  public Invocation {
    if (!(latencyMs >= 0)) {
      throw new IllegalArgumentException("latencyMs must be >= 0, was " + latencyMs);
    }
    java.util.Objects.requireNonNull(handlerMs, "handlerMs");
    java.util.Objects.requireNonNull(outcome, "outcome");
  }

  /** The duration the provider would bill: the handler's own where known, else the latency. */
  public double billableMs() {
    return handlerMs.orElse(latencyMs);
  }
}
