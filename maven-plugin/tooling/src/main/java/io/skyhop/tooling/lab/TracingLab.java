package io.skyhop.tooling.lab;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures cold starts a second time with tracing on: each function gets {@code
 * OTEL_EXPORTER_OTLP_ENDPOINT} pointing at an {@link OtlpSpanCounter} the lab runs, so every
 * invocation exports its span before it answers, as it would to a collector. Only cold starts are
 * taken (no warm burst). The lab starts one instance at a time and a span is exported before the
 * invocation answers, so the spans received while an instance starts are that function's: they
 * prove that tracing ran.
 *
 * <p>The in-house runtime ({@code local}) takes a function's environment from the deployed bundle,
 * not from the lab, so it is left out here and said so.
 */
public final class TracingLab {
  private final List<Harness> harnesses;
  private final BuildListener listener;

  /**
   * A tracing lab over {@code harnesses} (the caller closes them).
   *
   * @param harnesses the harnesses the lab measured with tracing off
   */
  public TracingLab(List<Harness> harnesses, BuildListener listener) {
    this.harnesses = List.copyOf(harnesses);
    this.listener = listener;
  }

  /**
   * One traced measurement.
   *
   * @param measurement the cold starts with tracing on
   * @param spans the spans the receiver got while this function's instances started on this target
   *     (the lab's unrecorded priming start included)
   */
  public record Traced(Measurement measurement, int spans) {}

  /** Whether {@code target} is measured with tracing on. */
  public static boolean measures(Target target) {
    return target != Target.LOCAL;
  }

  /**
   * Measures.
   *
   * @param functions the functions
   * @param samples cold starts per function and target, as with tracing off
   * @return one per target and function, targets in harness order; empty when no harness takes
   *     tracing
   */
  public List<Traced> measure(List<LabFunction> functions, int samples) throws IOException {
    List<Harness> traced = harnesses.stream().filter(h -> measures(h.target())).toList();
    if (traced.isEmpty()) {
      return List.of();
    }
    try (OtlpSpanCounter receiver = OtlpSpanCounter.start()) {
      Map<String, String> env = Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
      listener.info(
          "report: measuring cold starts again with tracing on (OTLP receiver at "
              + receiver.endpoint()
              + ")");
      Map<String, Integer> spans = new HashMap<>();
      List<Harness> wrapped = traced.stream().map(h -> counting(h, env, receiver, spans)).toList();
      List<Traced> out = new ArrayList<>();
      for (Measurement m : new Lab(wrapped, listener).measure(functions, samples, 0)) {
        out.add(new Traced(m, spans.getOrDefault(key(m.target(), m.function()), 0)));
      }
      return out;
    }
  }

  private static Harness counting(
      Harness harness,
      Map<String, String> env,
      OtlpSpanCounter receiver,
      Map<String, Integer> spans) {
    return new Harness() {
      @Override
      public Target target() {
        return harness.target();
      }

      @Override
      public String label() {
        return harness.label();
      }

      @Override
      public Instance coldStart(LabFunction function) throws IOException {
        int before = receiver.spans();
        try {
          return harness.coldStart(function.withEnv(env));
        } finally {
          spans.merge(key(harness.target(), function), receiver.spans() - before, Integer::sum);
        }
      }
    };
  }

  private static String key(Target target, LabFunction function) {
    return target.id() + "/" + function.name();
  }
}
