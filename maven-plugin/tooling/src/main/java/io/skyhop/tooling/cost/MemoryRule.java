package io.skyhop.tooling.cost;

import java.util.List;
import java.util.Objects;

/**
 * How a plan decides the memory it bills.
 *
 * @param basis where the billed memory comes from
 * @param minMb the least memory billed or allowed, in MB
 * @param maxMb the most memory billed or allowed, in MB
 * @param incrementMb billed memory is rounded up to a multiple of this (1 = not rounded)
 * @param defaultMb the memory used when the profile names none ({@link Basis#INSTANCE} only, else
 *     0)
 * @param allowedMb the only sizes that may be chosen ({@link Basis#INSTANCE} only, else empty)
 */
public record MemoryRule(
    Basis basis, int minMb, int maxMb, int incrementMb, int defaultMb, List<Integer> allowedMb) {

  /** Where billed memory comes from. */
  public enum Basis {
    /** The memory configured for the function (Lambda, Cloud Run functions). */
    CONFIGURED,
    /** The memory observed while executing, rounded and clamped (Azure Consumption). */
    OBSERVED,
    /** The whole memory of the instance the function runs on (Azure Flex Consumption). */
    INSTANCE
  }

  /** Checks the bounds and copies the allowed sizes. */
  public MemoryRule {
    Objects.requireNonNull(basis, "basis");
    allowedMb = List.copyOf(allowedMb);
    if (minMb <= 0 || maxMb < minMb || incrementMb <= 0) {
      throw new IllegalArgumentException(
          "Inconsistent memory rule: " + minMb + "-" + maxMb + " MB");
    }
  }

  /** A rule for memory configured per function, between {@code minMb} and {@code maxMb}. */
  public static MemoryRule configured(int minMb, int maxMb, int incrementMb) {
    return new MemoryRule(Basis.CONFIGURED, minMb, maxMb, incrementMb, 0, List.of());
  }

  /** A rule for observed memory, rounded up to {@code incrementMb}, clamped to min and max. */
  public static MemoryRule observed(int minMb, int maxMb, int incrementMb) {
    return new MemoryRule(Basis.OBSERVED, minMb, maxMb, incrementMb, 0, List.of());
  }

  /** A rule for instance memory chosen among {@code allowedMb}, {@code defaultMb} if not chosen. */
  public static MemoryRule instance(int defaultMb, List<Integer> allowedMb) {
    int min = allowedMb.stream().mapToInt(Integer::intValue).min().orElse(defaultMb);
    int max = allowedMb.stream().mapToInt(Integer::intValue).max().orElse(defaultMb);
    return new MemoryRule(Basis.INSTANCE, min, max, 1, defaultMb, allowedMb);
  }
}
