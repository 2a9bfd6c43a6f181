package io.skyhop.bench.suite;

import static io.skyhop.bench.suite.Format.ms;
import static io.skyhop.bench.suite.Format.ratio3;

import io.skyhop.bench.lib.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report's section for issue 19: the in-house runtime's warm throughput with a worker per
 * function and in shared mode against Google's invoker running the same function through Skyhop's
 * GCF adapter, p99, CPU per request (the front door alone, and with its workers), and the cold
 * start against the bare JDK server; the goals met or missed.
 */
final class RuntimeThroughput {
  /** Whom the goals compare with: Google's invoker, same hello function, Skyhop's GCF adapter. */
  static final String INVOKER = "skyhop-gcf";

  private static final List<String> ROWS =
      List.of("skyhop-runtime", "skyhop-runtime-shared", INVOKER, "hw-gcf", "jdk-server");

  private final Results r;

  RuntimeThroughput(Results r) {
    this.r = r;
  }

  /** The section's lines, or none when the runtime was not measured warm. */
  List<String> lines() {
    List<String> out = new ArrayList<>();
    if (r.throughput("skyhop-runtime").isEmpty() && r.throughput("skyhop-runtime-shared").isEmpty()) {
      return out;
    }
    out.add("## Issue 19: the in-house runtime's warm throughput, ratios within this run");
    out.add("");
    out.add("| candidate | req/s (median of rounds) | p99 | × Google's invoker (" + INVOKER + ")"
        + " | CPU per request: server process | with its workers |");
    out.add("|---|---:|---:|---:|---:|---:|");
    for (String c : ROWS) {
      Optional<Stats> rps = r.throughput(c);
      if (rps.isEmpty()) {
        continue;
      }
      out.add("| " + c + " | " + Format.rps(rps.get().median())
          + " | " + r.p99(c).map(s -> ms(s.median())).orElse("–")
          + " | " + ratio(rps, r.throughput(INVOKER)).map(Format::ratio3).orElse("–")
          + " | " + r.serverCpu(c).map(s -> us(s.median())).orElse("–")
          + " | " + r.totalCpu(c).map(s -> us(s.median())).orElse("–") + " |");
    }
    out.add("");
    out.add("Server process: the runtime's front door (Jetty, routing, the hop to a worker, metering);"
        + " for the others the one serving JVM. With its workers: plus every worker JVM.");
    out.add("");
    out.add("| goal | measured | target | verdict |");
    out.add("|---|---|---|---|");
    out.add(throughputGoal("Worker per function vs Google's invoker", "skyhop-runtime", 0.5));
    out.add(throughputGoal("Shared mode (`--shared`) vs Google's invoker", "skyhop-runtime-shared", 1));
    out.add(coldGoal());
    out.add("");
    return out;
  }

  private String throughputGoal(String goal, String candidate, double bound) {
    Optional<Double> q = ratio(r.throughput(candidate), r.throughput(INVOKER));
    String target = "≥ " + (bound == 1 ? "1" : String.valueOf(bound)) + "×";
    if (q.isEmpty()) {
      return "| " + goal + " | not measured | " + target + " | " + Goals.NOT_MEASURED + " |";
    }
    return "| " + goal + " | " + Format.rps(r.throughput(candidate).get().median()) + " / "
        + Format.rps(r.throughput(INVOKER).get().median()) + " req/s = " + ratio3(q.get())
        + " | " + target + " | " + (q.get() >= bound ? Goals.MET : Goals.MISSED) + " |";
  }

  private String coldGoal() {
    String goal = "Cold start (worker per function) vs a bare JDK server";
    Optional<Stats> a = r.cold("skyhop-runtime");
    Optional<Stats> b = r.cold("jdk-server");
    if (a.isEmpty() || b.isEmpty()) {
      return "| " + goal + " | not measured | ≤ 0.8× | " + Goals.NOT_MEASURED + " |";
    }
    double q = a.get().median() / b.get().median();
    String shared =
        r.cold("skyhop-runtime-shared")
            .map(s -> "; shared mode " + ms(s.median()) + " = " + ratio3(s.median() / b.get().median()))
            .orElse("");
    return "| " + goal + " | median " + ms(a.get().median()) + " / " + ms(b.get().median()) + " = "
        + ratio3(q) + shared + " | ≤ 0.8× | " + (q <= 0.8 ? Goals.MET : Goals.MISSED) + " |";
  }

  private static Optional<Double> ratio(Optional<Stats> a, Optional<Stats> b) {
    return a.isPresent() && b.isPresent()
        ? Optional.of(a.get().median() / b.get().median())
        : Optional.empty();
  }

  private static String us(double v) {
    return String.format(Locale.ROOT, "%.0f µs", v);
  }
}
