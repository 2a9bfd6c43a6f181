package io.skyhop.tooling.report;

import java.util.Arrays;
import java.util.List;

/** Percentiles by the nearest-rank method: the p-th percentile is an observed value. */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The {@code p}-th percentile (0 < p <= 100) of {@code values}.
   *
   * @throws IllegalArgumentException when there are no values
   */
  public static double of(List<Double> values, double p) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
