package io.skyhop.tooling.report;

import java.util.List;

/**
 * Warm invocations of one function on one target, in ms, as the caller waited.
 *
 * @param p50 the median
 * @param p99 the 99th percentile
 * @param samples how many invocations
 */
public record WarmStats(double p50, double p99, int samples) {

  /** The figures of {@code values}, which must not be empty. */
  public static WarmStats of(List<Double> values) {
    return new WarmStats(Percentiles.of(values, 50), Percentiles.of(values, 99), values.size());
  }
}
