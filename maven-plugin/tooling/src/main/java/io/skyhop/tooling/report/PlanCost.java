package io.skyhop.tooling.report;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What one function costs on one billing plan, priced from its measured (or given) profile.
 *
 * @param plan the plan id, e.g. {@code aws-x86_64}
 * @param billedMs the time billed for a warm invocation, after the plan's rounding and minimum
 * @param coldBilledMs the time billed for a cold one (with the init where the plan bills it)
 * @param billedMemoryMb the memory billed, where the plan bills memory per invocation
 * @param perMillionUsd the cost of one million invocations, free tier not applied
 * @param monthlyUsd the cost of the profile's month, free tier applied
 * @param breakEvenInvocations the monthly volume from which this plan costs as much as the in-house
 *     runtime on a provisioned server; empty for the in-house plan, or when never
 */
public record PlanCost(
    String plan,
    long billedMs,
    long coldBilledMs,
    OptionalInt billedMemoryMb,
    BigDecimal perMillionUsd,
    BigDecimal monthlyUsd,
    OptionalLong breakEvenInvocations) {

  /** Checks that every part is present. */
  public PlanCost {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(billedMemoryMb, "billedMemoryMb");
    Objects.requireNonNull(perMillionUsd, "perMillionUsd");
    Objects.requireNonNull(monthlyUsd, "monthlyUsd");
    Objects.requireNonNull(breakEvenInvocations, "breakEvenInvocations");
  }
}
