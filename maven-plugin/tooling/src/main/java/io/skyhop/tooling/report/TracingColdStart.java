package io.skyhop.tooling.report;

import io.skyhop.tooling.lab.ColdStart;
import io.skyhop.tooling.lab.Measurement;
import io.skyhop.tooling.lab.TracingLab;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One function's cold start on one target with tracing off beside on (an OTLP exporter configured),
 * from the same lab run.
 *
 * @param target the target id
 * @param label how the target's figures are named
 * @param function the function name
 * @param off cold starts with tracing off
 * @param on cold starts with {@code OTEL_EXPORTER_OTLP_ENDPOINT} set
 * @param spans spans the lab's OTLP receiver got during the tracing-on measurement (0 means tracing
 *     did not run, and the on figure is not a tracing figure)
 */
public record TracingColdStart(
    String target,
    String label,
    String function,
    Optional<ColdStats> off,
    Optional<ColdStats> on,
    int spans) {

  /** Checks that every part is present. */
  public TracingColdStart {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(off, "off");
    Objects.requireNonNull(on, "on");
  }

  /** What tracing adds to the median cold start, in ms; empty when either side has no sample. */
  public OptionalDouble addedP50Ms() {
    return off.isPresent() && on.isPresent()
        ? OptionalDouble.of(on.get().p50() - off.get().p50())
        : OptionalDouble.empty();
  }

  /** The report's figures of the lab's tracing-on measurements beside their tracing-off twins. */
  static List<TracingColdStart> pair(List<TracingLab.Traced> traced) {
    List<TracingColdStart> pairs = new ArrayList<>();
    for (TracingLab.Traced t : traced) {
      Measurement off = t.off();
      pairs.add(
          new TracingColdStart(
              off.target().id(),
              off.label(),
              off.function().name(),
              stats(off),
              stats(t.on()),
              t.spans()));
    }
    return pairs;
  }

  /** What the reader should know: where no span arrived. */
  static List<String> notes(List<TracingColdStart> pairs) {
    List<String> notes = new ArrayList<>();
    pairs.stream()
        .filter(p -> p.spans() == 0 && p.on().isPresent())
        .forEach(
            p ->
                notes.add(
                    p.label()
                        + ", "
                        + p.function()
                        + ": no span reached the lab's OTLP receiver, so its tracing-on figure"
                        + " is not a tracing figure; see the instance logs."));
    return notes;
  }

  private static Optional<ColdStats> stats(Measurement m) {
    List<Double> cold = m.coldStarts().stream().map(ColdStart::totalMs).toList();
    return cold.isEmpty() ? Optional.empty() : Optional.of(ColdStats.of(cold));
  }
}
