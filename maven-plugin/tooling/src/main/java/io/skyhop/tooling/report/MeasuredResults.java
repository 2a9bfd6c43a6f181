package io.skyhop.tooling.report;

import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.cost.Profile;
import io.skyhop.tooling.lab.ColdStart;
import io.skyhop.tooling.lab.Invocation;
import io.skyhop.tooling.lab.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/** Turns the lab's measurements into priced results and cost curves. */
final class MeasuredResults {
  private final Pricing pricing;
  private final ReportBuilder builder;

  MeasuredResults(Pricing pricing, ReportBuilder builder) {
    this.pricing = pricing;
    this.builder = builder;
  }

  /** Adds the result of one measurement; one without any sample is reported with its failures. */
  void add(Measurement m) {
    String target = m.target().id();
    List<Double> cold = m.coldStarts().stream().map(ColdStart::totalMs).toList();
    List<Double> init =
        m.coldStarts().stream()
            .filter(c -> c.initMs().isPresent())
            .map(c -> c.initMs().getAsDouble())
            .toList();
    List<Double> warm = m.warm().stream().map(Invocation::latencyMs).toList();
    List<Double> billable = m.warm().stream().map(Invocation::billableMs).toList();
    double handler =
        billable.isEmpty()
            ? m.coldStarts().stream()
                .map(c -> c.handlerMs().orElse(c.totalMs()))
                .findFirst()
                .orElse(0.0)
            : Percentiles.of(billable, 50);
    double initMs = init.isEmpty() ? 0 : Percentiles.of(init, 50);
    OptionalInt peakMb =
        m.peakMemoryKb().isPresent()
            ? OptionalInt.of((int) Math.ceil(m.peakMemoryKb().getAsLong() / 1024.0))
            : OptionalInt.empty();
    Profile profile = pricing.profile(m.function().memoryMb(), handler, initMs, peakMb);
    List<PlanCost> costs = pricing.costs(target, profile);
    List<String> notes = new ArrayList<>(notes(m));
    m.failures().forEach(f -> notes.add("failed sample: " + f));
    notes.addAll(
        LeverNotes.of(
            pricing,
            target,
            profile,
            m.function().manifest().leversOrNone().minInstances(),
            cold.isEmpty() ? null : ColdStats.of(cold).p50()));
    builder.add(
        new Result(
            target,
            m.label(),
            m.function().name(),
            m.function().triggerType(),
            Source.MEASURED_LOCALLY,
            cold.isEmpty() ? Optional.empty() : Optional.of(ColdStats.of(cold)),
            init.isEmpty() ? Optional.empty() : Optional.of(ColdStats.of(init)),
            warm.isEmpty() ? Optional.empty() : Optional.of(WarmStats.of(warm)),
            billable.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(handler),
            m.function().memoryMb(),
            peakMb,
            costs.get(0),
            costs.subList(1, costs.size()),
            pricing.model().table().stamp(),
            notes));
    builder.add(pricing.curve(target, m.function().name(), profile));
  }

  private static List<String> notes(Measurement m) {
    List<String> notes = new ArrayList<>();
    TargetProviders.of(m.target()).labNote().ifPresent(notes::add);
    Map<String, Integer> outcomes = new TreeMap<>();
    m.warm().forEach(i -> outcomes.merge(i.outcome(), 1, Integer::sum));
    if (!outcomes.isEmpty()) {
      notes.add("warm outcomes: " + outcomes);
    }
    return notes;
  }
}
