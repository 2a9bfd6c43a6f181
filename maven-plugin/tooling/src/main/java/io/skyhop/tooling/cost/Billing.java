package io.skyhop.tooling.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a plan bills for one invocation of a {@link Profile}, before prices: memory, vCPU and time
 * after the plan's rounding and minimums, cold starts included.
 *
 * @param memoryMb the memory billed, in MB
 * @param vcpu the vCPUs billed (Google), zero where vCPU time is not billed
 * @param warmBilledMs the time billed for a warm invocation, in ms
 * @param coldBilledMs the time billed for a cold invocation, in ms (its initialisation included
 *     where the plan bills it, e.g. Lambda; else equal to {@code warmBilledMs})
 * @param averageBilledMs the time billed per invocation on average over warm and cold ones, in ms
 * @param memorySecondsPerInvocation GB-s (GiB-s) billed per invocation on average
 * @param vcpuSecondsPerInvocation vCPU-s billed per invocation on average
 */
public record Billing(
    int memoryMb,
    BigDecimal vcpu,
    long warmBilledMs,
    long coldBilledMs,
    BigDecimal averageBilledMs,
    BigDecimal memorySecondsPerInvocation,
    BigDecimal vcpuSecondsPerInvocation) {

  /** Checks that every part is present. */
  public Billing {
    Objects.requireNonNull(vcpu, "vcpu");
    Objects.requireNonNull(averageBilledMs, "averageBilledMs");
    Objects.requireNonNull(memorySecondsPerInvocation, "memorySecondsPerInvocation");
    Objects.requireNonNull(vcpuSecondsPerInvocation, "vcpuSecondsPerInvocation");
  }
}
