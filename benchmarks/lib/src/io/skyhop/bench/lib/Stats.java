package io.skyhop.bench.lib;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Order statistics of a series of samples: median, p90 (nearest rank), min and max.
 *
 * @param n how many samples
 * @param median the median (mean of the two middle values for an even count)
 * @param p90 the 90th percentile, nearest rank: the smallest sample at or above 90 % of them
 * @param min the smallest sample
 * @param max the largest sample
 */
public record Stats(int n, double median, double p90, double min, double max) {
  /** The statistics of {@code samples}; all NaN for none. */
  public static Stats of(List<Double> samples) {
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    int n = sorted.size();
    if (n == 0) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    int rank = (int) Math.ceil(0.9 * n);
    return new Stats(n, median, sorted.get(Math.max(0, rank - 1)), sorted.get(0), sorted.get(n - 1));
  }
}
