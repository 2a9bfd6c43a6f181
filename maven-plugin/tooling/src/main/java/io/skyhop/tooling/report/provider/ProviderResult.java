package io.skyhop.tooling.report.provider;

import io.skyhop.tooling.cost.Profile;
import io.skyhop.tooling.lab.LabFunction;
import io.skyhop.tooling.report.ColdStats;
import io.skyhop.tooling.report.Percentiles;
import io.skyhop.tooling.report.PlanCost;
import io.skyhop.tooling.report.Pricing;
import io.skyhop.tooling.report.Result;
import io.skyhop.tooling.report.Source;
import io.skyhop.tooling.report.WarmStats;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** One provider-measured row of the report ({@link Source#PROVIDER}), priced on every plan. */
public final class ProviderResult {
  private ProviderResult() {}

  /**
   * The row of one function on one target.
   *
   * @param cold the cold starts, ms
   * @param init the init part of the cold starts, when the provider reports it
   * @param warm the warm invocations, ms
   * @param memory the configured memory, MB
   * @param peak the peak memory the provider reported
   * @param profile the profile priced
   * @param note how the figures were taken
   */
  public static Result of(
      Pricing pricing,
      String target,
      String label,
      LabFunction function,
      List<Double> cold,
      Optional<ColdStats> init,
      List<Double> warm,
      int memory,
      OptionalInt peak,
      Profile profile,
      String note) {
    List<PlanCost> costs = pricing.costs(target, profile);
    return new Result(
        target,
        label,
        function.name(),
        function.triggerType(),
        Source.PROVIDER,
        Optional.of(ColdStats.of(cold)),
        init,
        Optional.of(WarmStats.of(warm)),
        OptionalDouble.of(profile.handlerDurationMs()),
        memory,
        peak,
        costs.get(0),
        costs.subList(1, costs.size()),
        pricing.model().table().stamp(),
        List.of(note));
  }

  /**
   * The row of a function timed from the client (GCP, Azure): no init part or peak memory is
   * reported, and the billed time is priced from the median warm latency.
   *
   * @param cold the cold starts, ms
   * @param warm the warm invocations, ms
   * @param note how the figures were taken
   */
  public static Result clientTimed(
      Pricing pricing,
      String target,
      String label,
      LabFunction function,
      List<Double> cold,
      List<Double> warm,
      String note) {
    Profile profile =
        pricing.profile(function.memoryMb(), Percentiles.of(warm, 50), 0, OptionalInt.empty());
    return of(
        pricing,
        target,
        label,
        function,
        cold,
        Optional.empty(),
        warm,
        function.memoryMb(),
        OptionalInt.empty(),
        profile,
        note);
  }
}
