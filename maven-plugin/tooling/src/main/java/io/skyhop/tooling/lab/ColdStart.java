package io.skyhop.tooling.lab;

import java.util.OptionalDouble;

/**
 * One cold start: a fresh JVM started the way the target starts it, timed from the process start to
 * the first response of the function.
 *
 * @param totalMs process start to the first response, in ms (what a caller waits)
 * @param initMs the initialisation part where the target reports one (AWS: process start to the
 *     first {@code /next} call of the runtime; the in-house runtime: its {@code Init Duration})
 * @param handlerMs the first invocation's own duration where the target reports it
 */
public record ColdStart(double totalMs, OptionalDouble initMs, OptionalDouble handlerMs) {

  /** Checks the figures. */
  public ColdStart {
    if (!(totalMs >= 0)) {
      throw new IllegalArgumentException("totalMs must be >= 0, was " + totalMs);
    }
    java.util.Objects.requireNonNull(initMs, "initMs");
    java.util.Objects.requireNonNull(handlerMs, "handlerMs");
  }
}
