package io.skyhop.tooling.report;

import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.cost.Billing;
import io.skyhop.tooling.cost.CostEstimate;
import io.skyhop.tooling.cost.CostModel;
import io.skyhop.tooling.cost.Plan;
import io.skyhop.tooling.cost.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Prices a function's profile on the plans of each target with the {@link CostModel}: {@code aws}
 * on x86_64 (and arm64), {@code azure} on Flex Consumption (what deploy creates; and Consumption),
 * {@code gcp} on Cloud Run functions, {@code local} as a provisioned server.
 */
public final class Pricing {
  /** Monthly volumes of the cost curves: 1, 2, 5 × 10^k from 10 thousand to 1 billion. */
  private static final long[] CURVE_VOLUMES = curveVolumes();

  private final CostModel model;
  private final long invocationsPerMonth;
  private final double coldStartRatio;

  /** Pricing with {@code model} at the settings' volume and cold-start ratio. */
  public Pricing(CostModel model, ReportSettings settings) {
    this.model = model;
    this.invocationsPerMonth = settings.invocationsPerMonth();
    this.coldStartRatio = settings.coldStartRatio();
  }

  /** The model. */
  public CostModel model() {
    return model;
  }

  /** The plans of a target, the main one first. */
  public static List<Plan> plans(String target) {
    List<Plan> plans = TargetProviders.of(Target.of(target, "skyhop.targets")).plans();
    if (plans.isEmpty()) {
      throw new IllegalArgumentException("No plan for target " + target);
    }
    return plans;
  }

  /**
   * The profile to price.
   *
   * @param memoryMb the configured memory
   * @param handlerMs the function's duration per invocation
   * @param initMs the init time of a cold start (billed on Lambda)
   * @param peakMemoryMb the observed peak memory (Azure Consumption bills it)
   */
  public Profile profile(int memoryMb, double handlerMs, double initMs, OptionalInt peakMemoryMb) {
    Profile p =
        Profile.of(memoryMb, handlerMs)
            .withColdStarts(coldStartRatio, initMs)
            .withInvocationsPerMonth(invocationsPerMonth);
    return peakMemoryMb.isPresent() ? p.withObservedPeakMemoryMb(peakMemoryMb.getAsInt()) : p;
  }

  /** The cost on every plan of {@code target}, the main plan first. */
  public List<PlanCost> costs(String target, Profile profile) {
    List<PlanCost> costs = new ArrayList<>();
    for (Plan plan : plans(target)) {
      costs.add(cost(plan, profile));
    }
    return costs;
  }

  /** The cost on one plan. */
  public PlanCost cost(Plan plan, Profile profile) {
    CostEstimate estimate = model.estimate(plan, profile);
    if (!plan.isCloud()) {
      long billed = (long) Math.ceil(profile.handlerDurationMs());
      return new PlanCost(
          plan.id(),
          billed,
          billed,
          OptionalInt.empty(),
          estimate.perMillionUsd(),
          estimate.monthly().totalUsd(),
          OptionalLong.empty());
    }
    Billing billing = estimate.billing().orElseThrow();
    return new PlanCost(
        plan.id(),
        billing.warmBilledMs(),
        billing.coldBilledMs(),
        OptionalInt.of(billing.memoryMb()),
        estimate.perMillionUsd(),
        estimate.monthly().totalUsd(),
        model.breakEven(profile).invocationsPerMonth(plan));
  }

  /** The monthly cost of {@code profile} on the target's main plan across volumes. */
  public CostCurve curve(String target, String function, Profile profile) {
    Plan plan = plans(target).get(0);
    List<CostCurve.Point> points = new ArrayList<>();
    for (long volume : CURVE_VOLUMES) {
      points.add(new CostCurve.Point(volume, model.monthlyCost(plan, profile, volume).totalUsd()));
    }
    OptionalLong breakEven =
        plan.isCloud() ? model.breakEven(profile).invocationsPerMonth(plan) : OptionalLong.empty();
    return new CostCurve(target, function, plan.id(), points, breakEven);
  }

  private static long[] curveVolumes() {
    List<Long> volumes = new ArrayList<>();
    for (long decade = 10_000; decade <= 1_000_000_000L; decade *= 10) {
      volumes.add(decade);
      if (decade < 1_000_000_000L) {
        volumes.add(2 * decade);
        volumes.add(5 * decade);
      }
    }
    return volumes.stream().mapToLong(Long::longValue).toArray();
  }
}
