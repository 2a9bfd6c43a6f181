package io.skyhop.tooling.report;

import io.skyhop.tooling.cost.FlexMinimum;
import io.skyhop.tooling.cost.IdleRates;
import io.skyhop.tooling.cost.MinInstancesCost;
import io.skyhop.tooling.cost.Plan;
import io.skyhop.tooling.cost.Profile;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's lines on the levers of one result: its cold start and monthly cost with and without
 * its minimum instances, and the billing assumption behind a figure where a provider's rule reads
 * two ways (Flex Consumption's 1,000 ms minimum), with the other reading's figure.
 */
final class LeverNotes {
  private LeverNotes() {}

  /**
   * The notes for a function priced with {@code profile} on {@code target}.
   *
   * @param minInstances the function's {@code @Function(minInstances)}
   * @param coldP50Ms its cold start's p50, when measured
   */
  static List<String> of(
      Pricing pricing, String target, Profile profile, int minInstances, Double coldP50Ms) {
    List<String> notes = new ArrayList<>();
    for (Plan plan : Pricing.plans(target)) {
      if (plan == Plan.AZURE_FLEX) {
        FlexMinimum flex = FlexMinimum.of(pricing.model(), profile);
        if (flex.differ()) {
          notes.add(
              "azure-flex bills its 1,000 ms minimum "
                  + FlexMinimum.APPLIED
                  + " (the reading applied; Microsoft's text is ambiguous): "
                  + Format.usd(flex.perMillionPerExecution())
                  + " per million, "
                  + Format.usd(flex.perExecution().totalUsd())
                  + "/month; "
                  + FlexMinimum.OTHER
                  + " it would be "
                  + Format.usd(flex.perMillionPerActivityPeriod())
                  + " per million, "
                  + Format.usd(flex.perActivityPeriod().totalUsd())
                  + "/month");
        }
      }
      if (minInstances > 0 && plan.isCloud() && plan != Plan.AZURE_CONSUMPTION) {
        MinInstancesCost cost = MinInstancesCost.of(pricing.model(), plan, profile, minInstances);
        notes.add(
            plan.id()
                + " with "
                + minInstances
                + " minimum instance(s) ("
                + IdleRates.of(plan).what()
                + "): cold start "
                + (coldP50Ms == null ? "-" : Math.round(coldP50Ms) + " ms p50")
                + " -> none while the load fits them; "
                + Format.usd(cost.without().totalUsd())
                + "/month -> "
                + Format.usd(cost.with().totalUsd())
                + "/month (idle baseline "
                + Format.usd(cost.idleUsd())
                + (plan == Plan.GCP ? ", at idle rates all month: an upper bound" : "")
                + ")");
      }
    }
    return notes;
  }
}
