package io.skyhop.tooling.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a plan gives free every month, as if the priced function were alone in its account,
 * subscription or billing account.
 *
 * @param requests free requests (executions) per month
 * @param memorySeconds free memory-seconds per month, in units of 1,024 MB (AWS and Azure call them
 *     GB-s, Google GiB-s)
 * @param vcpuSeconds free vCPU-seconds per month (zero where vCPU time is not billed)
 */
public record FreeTier(long requests, BigDecimal memorySeconds, BigDecimal vcpuSeconds) {

  /** Checks that no allowance is negative. */
  public FreeTier {
    Objects.requireNonNull(memorySeconds, "memorySeconds");
    Objects.requireNonNull(vcpuSeconds, "vcpuSeconds");
    if (requests < 0 || memorySeconds.signum() < 0 || vcpuSeconds.signum() < 0) {
      throw new IllegalArgumentException("A free tier cannot be negative: " + this);
    }
  }

  /** No free tier at all. */
  public static FreeTier none() {
    return new FreeTier(0, BigDecimal.ZERO, BigDecimal.ZERO);
  }
}
