package io.skyhop.tooling.lab;

import io.skyhop.tooling.BuildListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The local lab: measures every function on every harness, interleaved so that machine noise hits
 * all targets alike. Each round starts one fresh instance per function and target (a cold start);
 * the last round's instance then serves a burst of warm invocations. Before the rounds, one
 * unrecorded start per target fills the file cache, as a provider's would be.
 */
public final class Lab {
  private final List<Harness> harnesses;
  private final BuildListener listener;

  /**
   * A lab over {@code harnesses} (the caller closes them).
   *
   * @param harnesses one per target, in report order
   */
  public Lab(List<Harness> harnesses, BuildListener listener) {
    this.harnesses = List.copyOf(harnesses);
    this.listener = listener;
  }

  /**
   * Measures.
   *
   * @param functions the functions
   * @param samples cold starts per function and target, at least 1
   * @param burst warm invocations per function and target
   * @return one measurement per target and function, targets in harness order
   */
  public List<Measurement> measure(List<LabFunction> functions, int samples, int burst) {
    Map<String, Measurement> results = new LinkedHashMap<>();
    for (Harness h : harnesses) {
      for (LabFunction f : functions) {
        results.put(key(h, f), new Measurement(h.target(), h.label(), f));
      }
    }
    prime(functions.get(0));
    for (int round = 1; round <= samples; round++) {
      for (LabFunction f : functions) {
        for (Harness h : harnesses) {
          Measurement m = results.get(key(h, f));
          sample(h, f, m, round, samples, round == samples ? burst : 0);
        }
      }
    }
    return new ArrayList<>(results.values());
  }

  private void prime(LabFunction function) {
    for (Harness h : harnesses) {
      try (Instance instance = h.coldStart(function)) {
        listener.info(
            String.format(
                Locale.ROOT,
                "report: %s primed (%.0f ms, not recorded)",
                h.label(),
                instance.coldStart().totalMs()));
      } catch (IOException | LabException e) {
        listener.warn("report: " + h.label() + " failed to prime: " + e.getMessage());
      }
    }
  }

  private void sample(
      Harness harness, LabFunction f, Measurement m, int round, int samples, int burst) {
    try (Instance instance = harness.coldStart(f)) {
      ColdStart cold = instance.coldStart();
      m.addColdStart(cold);
      for (int i = 0; i < burst; i++) {
        m.addWarm(instance.invoke());
      }
      m.peakMemory(instance.peakMemoryKb());
      listener.info(progress(harness, f, round, samples, cold, m, burst));
    } catch (IOException | LabException e) {
      m.addFailure(e.getMessage());
      listener.warn(
          "report: "
              + harness.label()
              + " "
              + f.name()
              + " sample "
              + round
              + " failed: "
              + e.getMessage());
    }
  }

  private static String progress(
      Harness h, LabFunction f, int round, int samples, ColdStart cold, Measurement m, int burst) {
    StringBuilder line = new StringBuilder();
    line.append(
        String.format(
            Locale.ROOT,
            "report: [%d/%d] %-30s %-16s cold %6.0f ms",
            round,
            samples,
            h.label(),
            f.name(),
            cold.totalMs()));
    cold.initMs().ifPresent(ms -> line.append(String.format(Locale.ROOT, " (init %.0f ms)", ms)));
    if (burst > 0) {
      double[] warm = m.warm().stream().mapToDouble(Invocation::latencyMs).sorted().toArray();
      line.append(
          String.format(
              Locale.ROOT, ", warm p50 %.1f ms over %d", warm[warm.length / 2], warm.length));
    }
    return line.toString();
  }

  private static String key(Harness h, LabFunction f) {
    return h.label() + "/" + f.name();
  }
}
