package io.skyhop.tooling.lab;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cold starts with tracing on, taken in the same lab run as those with tracing off: for each
 * harness a twin whose instances get {@code OTEL_EXPORTER_OTLP_ENDPOINT} pointing at an {@link
 * OtlpSpanCounter} the lab runs, so every invocation exports its span before it answers, as it
 * would to a collector. The twins join the lab's rounds, so machine noise hits off and on alike.
 * The lab starts one instance at a time, so the spans received while an instance starts are that
 * function's: they prove that tracing ran.
 *
 * <p>Every target gets a twin: the in-house runtime ({@code local}), which takes a function's
 * environment from the deployed bundle, runs a copy of the bundle with the exporter added.
 */
public final class TracingLab implements AutoCloseable {
  /** What the twins' labels end with. */
  static final String SUFFIX = ", tracing on";

  private final Optional<OtlpSpanCounter> receiver;
  private final Map<String, Integer> spans = new HashMap<>();

  private TracingLab(Optional<OtlpSpanCounter> receiver) {
    this.receiver = receiver;
  }

  /** A tracing lab with its receiver running. */
  public static TracingLab start(BuildListener listener) throws IOException {
    OtlpSpanCounter receiver = OtlpSpanCounter.start();
    listener.info(
        "report: cold starts are also measured with tracing on (OTLP receiver at "
            + receiver.endpoint()
            + "; -Dskyhop.report.tracing=false skips it)");
    return new TracingLab(Optional.of(receiver));
  }

  /** No tracing measurement: {@link #with} adds no twin. */
  public static TracingLab off() {
    return new TracingLab(Optional.empty());
  }

  /**
   * One function on one target with tracing off and on.
   *
   * @param off the measurement with tracing off
   * @param on the cold starts with tracing on
   * @param spans the spans the receiver got while {@code on}'s instances started (the lab's
   *     unrecorded priming start included)
   */
  public record Traced(Measurement off, Measurement on, int spans) {}

  /** {@code harnesses} followed by a tracing-on twin of each. */
  public List<Harness> with(List<Harness> harnesses) {
    List<Harness> all = new ArrayList<>(harnesses);
    receiver.ifPresent(r -> harnesses.forEach(h -> all.add(twin(h, r))));
    return all;
  }

  /** The measurements with tracing off, in the lab's order. */
  public static List<Measurement> untraced(List<Measurement> all) {
    return all.stream().filter(m -> !m.label().endsWith(SUFFIX)).toList();
  }

  /** Each tracing-on measurement with its tracing-off twin. */
  public List<Traced> traced(List<Measurement> all) {
    Map<String, Measurement> off = new HashMap<>();
    untraced(all).forEach(m -> off.put(m.label() + "/" + m.function().name(), m));
    List<Traced> out = new ArrayList<>();
    for (Measurement on : all) {
      if (on.label().endsWith(SUFFIX)) {
        String label = on.label().substring(0, on.label().length() - SUFFIX.length());
        out.add(
            new Traced(
                off.get(label + "/" + on.function().name()),
                on,
                spans.getOrDefault(key(on.target(), on.function()), 0)));
      }
    }
    return out;
  }

  private Harness twin(Harness harness, OtlpSpanCounter receiver) {
    Map<String, String> env = Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
    return new Harness() {
      @Override
      public Target target() {
        return harness.target();
      }

      @Override
      public String label() {
        return harness.label() + SUFFIX;
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

  @Override
  public void close() {
    receiver.ifPresent(OtlpSpanCounter::close);
  }
}
