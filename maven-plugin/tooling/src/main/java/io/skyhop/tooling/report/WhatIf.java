package io.skyhop.tooling.report;

import io.skyhop.tooling.Target;
import io.skyhop.tooling.cost.Profile;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Prices the profile of {@code skyhop.durationMs} and {@code skyhop.memoryMb} on every target. */
final class WhatIf {
  static final String FUNCTION = "what-if";

  private WhatIf() {}

  static void price(ReportSettings settings, Pricing pricing, ReportBuilder builder) {
    double duration = settings.whatIfDurationMs().getAsDouble();
    int memory = settings.whatIfMemoryMb().getAsInt();
    for (Target target : settings.targets()) {
      Profile profile = pricing.profile(memory, duration, 0, OptionalInt.empty());
      List<PlanCost> costs = pricing.costs(target.id(), profile);
      builder.add(
          new Result(
              target.id(),
              target.id(),
              FUNCTION,
              "-",
              Source.WHAT_IF,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              OptionalDouble.of(duration),
              memory,
              OptionalInt.empty(),
              costs.get(0),
              costs.subList(1, costs.size()),
              pricing.model().table().stamp(),
              notes(pricing, target, profile, duration, memory)));
      builder.add(pricing.curve(target.id(), FUNCTION, profile));
    }
  }

  private static List<String> notes(
      Pricing pricing, Target target, Profile profile, double duration, int memory) {
    List<String> notes = new java.util.ArrayList<>();
    notes.add(
        "priced from -Dskyhop.durationMs="
            + duration
            + " -Dskyhop.memoryMb="
            + memory
            + ", not measured");
    notes.addAll(LeverNotes.of(pricing, target.id(), profile, 0, null));
    return notes;
  }
}
