package io.skyhop.tooling.cost;

import java.math.BigDecimal;

/**
 * Flex Consumption's 1,000 ms minimum billable execution period, under both readings of Microsoft's
 * text (reference: a Microsoft Q&amp;A thread of 2025-11-26 asks, unanswered, whether it applies
 * per execution or per instance activity period).
 *
 * <p>The cost model applies {@value #APPLIED}: each execution bills at least 1,000 ms, the higher
 * figure. Per instance activity period, back-to-back executions on one instance share one minimum,
 * so each bills its own time rounded up to 100 ms: the lower figure, exact when every activity
 * period holds at least 1,000 ms of executions. The report shows both where they differ.
 *
 * @param perExecution the month as the model prices it (the reading applied)
 * @param perActivityPeriod the month under the other reading
 * @param perMillionPerExecution the price of a million executions, reading applied
 * @param perMillionPerActivityPeriod the price of a million executions, other reading
 */
public record FlexMinimum(
    MonthlyCost perExecution,
    MonthlyCost perActivityPeriod,
    BigDecimal perMillionPerExecution,
    BigDecimal perMillionPerActivityPeriod) {

  /** The reading the cost model applies. */
  public static final String APPLIED = "per execution";

  /** The reading it does not apply, shown beside it. */
  public static final String OTHER = "per instance activity period";

  /** Both readings for {@code profile} on {@link Plan#AZURE_FLEX}. */
  public static FlexMinimum of(CostModel model, Profile profile) {
    PlanPrices applied = model.table().prices(Plan.AZURE_FLEX);
    PlanPrices shared =
        new PlanPrices(
            applied.plan(),
            applied.notes(),
            applied.requestUsdPerMillion(),
            applied.memorySecondUsd(),
            applied.vcpuSecondUsd(),
            applied.durationRoundingMs(),
            0,
            applied.memory(),
            applied.vcpuByMemoryMb(),
            applied.initBilled(),
            applied.initCapMs(),
            applied.freeTier());
    long n = profile.invocationsPerMonth();
    Billing perExecution = Meter.meter(applied, profile);
    Billing perPeriod = Meter.meter(shared, profile);
    return new FlexMinimum(
        CostModel.monthly(applied, perExecution, n),
        CostModel.monthly(shared, perPeriod, n),
        CostModel.perMillion(applied, perExecution),
        CostModel.perMillion(shared, perPeriod));
  }

  /** Whether the readings give different figures (executions shorter than the minimum). */
  public boolean differ() {
    return perMillionPerExecution.compareTo(perMillionPerActivityPeriod) != 0;
  }
}
