package io.skyhop.tooling.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A month of a profile with and without {@code minInstances} instances kept ready on one plan.
 *
 * <p>With them: their idle baseline for the whole month (730 hours, the table's month), every
 * invocation warm (the profile's cold starts gone, assuming the load fits the ready instances), and
 * its execution billed at the plan's ready-instance rate ({@link IdleRates}); requests as without.
 * Google bills its idle rate only while an instance is idle, so pricing the whole month at it
 * counts the busy seconds twice: an upper bound, said so in the report.
 *
 * @param plan the plan
 * @param minInstances instances kept ready
 * @param without the month as the profile is priced today (cold starts included)
 * @param idleUsd the baseline of the ready instances for the month
 * @param with the month with them: requests, idle baseline plus execution, total
 */
public record MinInstancesCost(
    Plan plan, int minInstances, MonthlyCost without, BigDecimal idleUsd, MonthlyCost with) {

  /** Seconds in the table's month: 730 hours. */
  public static final long SECONDS_PER_MONTH = 730L * 3600;

  /** Checks every part is present. */
  public MinInstancesCost {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(without, "without");
    Objects.requireNonNull(idleUsd, "idleUsd");
    Objects.requireNonNull(with, "with");
  }

  /**
   * Prices {@code profile} on {@code plan} with and without {@code minInstances} ready instances.
   *
   * @throws IllegalArgumentException when the plan has no ready instances, or {@code minInstances}
   *     is below 1
   */
  public static MinInstancesCost of(CostModel model, Plan plan, Profile profile, int minInstances) {
    if (minInstances < 1) {
      throw new IllegalArgumentException("minInstances must be at least 1, was " + minInstances);
    }
    IdleRates rates = IdleRates.of(plan);
    PlanPrices prices = model.table().prices(plan);
    MonthlyCost without = model.estimate(plan, profile).monthly();
    Billing warm = Meter.meter(prices, profile.withColdStarts(0, 0));
    BigDecimal instances = BigDecimal.valueOf(minInstances);
    BigDecimal seconds = BigDecimal.valueOf(SECONDS_PER_MONTH);
    BigDecimal gb = BigDecimal.valueOf(warm.memoryMb()).divide(BigDecimal.valueOf(1024));
    BigDecimal idle =
        instances
            .multiply(seconds)
            .multiply(
                gb.multiply(rates.idleGbSecondUsd())
                    .add(warm.vcpu().multiply(rates.idleVcpuSecondUsd())));
    long n = profile.invocationsPerMonth();
    BigDecimal gbSeconds = BigDecimal.valueOf(n).multiply(warm.memorySecondsPerInvocation());
    BigDecimal vcpuSeconds = BigDecimal.valueOf(n).multiply(warm.vcpuSecondsPerInvocation());
    BigDecimal requests;
    if (rates.freeTier()) {
      FreeTier free = prices.freeTier();
      gbSeconds = Money.atLeastZero(gbSeconds.subtract(free.memorySeconds()));
      vcpuSeconds = Money.atLeastZero(vcpuSeconds.subtract(free.vcpuSeconds()));
      requests = without.requestsUsd();
    } else {
      requests = BigDecimal.valueOf(n).multiply(prices.requestUsdPerMillion()).movePointLeft(6);
      if (plan.provider().equals("aws")) {
        requests = without.requestsUsd(); // Lambda's request free tier still applies
      }
    }
    BigDecimal executing =
        gbSeconds
            .multiply(rates.executingGbSecondUsd())
            .add(vcpuSeconds.multiply(prices.vcpuSecondUsd()));
    BigDecimal compute = idle.add(executing);
    MonthlyCost with =
        new MonthlyCost(
            n, Money.clean(requests), Money.clean(compute), Money.clean(requests.add(compute)));
    return new MinInstancesCost(plan, minInstances, without, Money.clean(idle), with);
  }
}
