package io.skyhop.tooling.report;

import java.util.Collections;
import java.util.List;

/**
 * Cold starts (or init times) of one function on one target, in ms.
 *
 * @param p50 the median
 * @param p90 the 90th percentile
 * @param max the slowest
 * @param samples how many cold starts
 */
public record ColdStats(double p50, double p90, double max, int samples) {

  /** The figures of {@code values}, which must not be empty. */
  public static ColdStats of(List<Double> values) {
    return new ColdStats(
        Percentiles.of(values, 50),
        Percentiles.of(values, 90),
        Collections.max(values),
        values.size());
  }
}
