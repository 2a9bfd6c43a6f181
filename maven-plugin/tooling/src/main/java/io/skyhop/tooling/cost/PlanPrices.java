package io.skyhop.tooling.cost;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The prices and billing rules of one {@link Plan}, as read from a price table.
 *
 * <p>Memory-seconds are counted in units of 1,024 MB for every provider (Lambda's and Azure's
 * "GB-s" are configured MB / 1,024; Google's "GiB-s" are MiB / 1,024), so one field holds the
 * memory price of every plan.
 *
 * @param plan the plan these prices are for
 * @param notes a free-text note from the table
 * @param requestUsdPerMillion the price of one million requests (executions)
 * @param memorySecondUsd the price of one GB-second (GiB-second on Google)
 * @param vcpuSecondUsd the price of one vCPU-second (zero where vCPU time is not billed)
 * @param durationRoundingMs each invocation's time is rounded up to a multiple of this
 * @param minimumDurationMs the least time billed per invocation
 * @param memory how billed memory is decided
 * @param vcpuByMemoryMb vCPUs allotted by memory size in MB (Google only, else empty); a size in
 *     between gets the vCPU of the next size up
 * @param initBilled whether the initialisation of a cold start is billed with its invocation
 * @param initCapMs the most initialisation time billed (when {@code initBilled})
 * @param freeTier the monthly free tier
 */
public record PlanPrices(
    Plan plan,
    String notes,
    BigDecimal requestUsdPerMillion,
    BigDecimal memorySecondUsd,
    BigDecimal vcpuSecondUsd,
    int durationRoundingMs,
    int minimumDurationMs,
    MemoryRule memory,
    NavigableMap<Integer, BigDecimal> vcpuByMemoryMb,
    boolean initBilled,
    int initCapMs,
    FreeTier freeTier) {

  /** Checks that every part is present and copies the vCPU table into an unmodifiable one. */
  public PlanPrices {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(requestUsdPerMillion, "requestUsdPerMillion");
    Objects.requireNonNull(memorySecondUsd, "memorySecondUsd");
    Objects.requireNonNull(vcpuSecondUsd, "vcpuSecondUsd");
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(freeTier, "freeTier");
    vcpuByMemoryMb = Collections.unmodifiableNavigableMap(new TreeMap<>(vcpuByMemoryMb));
    if (durationRoundingMs <= 0 || minimumDurationMs < 0 || initCapMs < 0) {
      throw new IllegalArgumentException("Inconsistent duration rules for " + plan.id());
    }
  }

  /**
   * The vCPUs allotted to {@code memoryMb}: the entry of the smallest size at least as large. Empty
   * when the plan does not bill vCPU time, or the memory exceeds the largest size.
   */
  public Optional<BigDecimal> vcpuFor(int memoryMb) {
    return Optional.ofNullable(vcpuByMemoryMb.ceilingEntry(memoryMb)).map(Map.Entry::getValue);
  }
}
