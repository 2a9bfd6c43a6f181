package io.skyhop.bench.suite;

import static io.skyhop.bench.suite.Format.bytes;
import static io.skyhop.bench.suite.Format.ms;
import static io.skyhop.bench.suite.Format.ratio3;

import io.skyhop.bench.lib.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The goals of issue 11, judged on one run's results (ratios within the run). */
final class Goals {
  /**
   * One goal.
   *
   * @param goal what the issue asks
   * @param measured the numbers behind the verdict
   * @param target the bound
   * @param verdict met, missed, or not measured
   */
  record Goal(String goal, String measured, String target, String verdict) {}

  static final String MET = "met";
  static final String MISSED = "**missed**";
  static final String NOT_MEASURED = "not measured";
  static final String INCONCLUSIVE = "inconclusive (JMH error bars overlap)";

  private static final long MB = 1_000_000;
  private static final long KB = 1_000;

  private final Results r;

  Goals(Results r) {
    this.r = r;
  }

  List<Goal> all() {
    List<Goal> goals = new ArrayList<>();
    goals.add(cold("In-house cold start vs hand-written JDK HttpServer", "skyhop-runtime", "jdk-server", 0.8));
    goals.add(cold("Lambda adapter cold start vs hand-written RequestStreamHandler (same runtime client)", "skyhop-lambda", "hw-lambda", 1.05));
    goals.add(cold("GCF adapter cold start vs hand-written HttpFunction (same invoker)", "skyhop-gcf", "hw-gcf", 1.05));
    goals.add(throughput());
    goals.add(lambdaZip());
    goals.add(adapterCode());
    goals.add(core("boundFunctionHttp", "Core overhead per invocation, HTTP path (invokeHttp) vs hand-written Gson"));
    goals.add(core("boundFunctionDirect", "Core overhead per invocation, direct path (invokeDirect) vs hand-written Gson"));
    goals.add(packagingRatio());
    goals.add(packagingLinear());
    return goals;
  }

  private Goal cold(String goal, String candidate, String baseline, double bound) {
    String target = "≤ " + fmt(bound) + "×";
    Optional<Stats> a = r.cold(candidate);
    Optional<Stats> b = r.cold(baseline);
    if (a.isEmpty() || b.isEmpty()) {
      return new Goal(goal, missing(candidate, baseline), target, NOT_MEASURED);
    }
    double q = a.get().median() / b.get().median();
    String measured =
        "median " + ms(a.get().median()) + " / " + ms(b.get().median()) + " = " + ratio3(q);
    Optional<Stats> ca = r.coldCpu(candidate);
    Optional<Stats> cb = r.coldCpu(baseline);
    if (ca.isPresent() && cb.isPresent()) {
      measured += "; CPU " + ratio3(ca.get().median() / cb.get().median());
    }
    return new Goal(goal, measured, target, q <= bound ? MET : MISSED);
  }

  private Goal throughput() {
    String goal = "In-house warm throughput vs Google's invoker (hand-written HttpFunction)";
    Optional<Stats> a = r.throughput("skyhop-runtime");
    Optional<Stats> b = r.throughput("hw-gcf");
    if (a.isEmpty() || b.isEmpty()) {
      return new Goal(goal, missing("skyhop-runtime", "hw-gcf"), "≥ 1×", NOT_MEASURED);
    }
    double q = a.get().median() / b.get().median();
    String measured =
        Format.rps(a.get().median()) + " / " + Format.rps(b.get().median()) + " req/s = " + ratio3(q);
    for (String c : List.of("skyhop-runtime", "hw-gcf")) {
      if (r.wrkErrors.containsKey(c)) {
        measured += "; **wrk saw errors for " + c + ": " + r.wrkErrors.get(c) + "**";
      }
    }
    return new Goal(goal, measured, "≥ 1×", q >= 1 ? MET : MISSED);
  }

  private Goal lambdaZip() {
    String goal = "Lambda zip of examples/hello";
    return r.size("aws.zip")
        .map(b -> new Goal(goal, bytes(b), "≤ 1 MB", b <= MB ? MET : MISSED))
        .orElse(new Goal(goal, "no aws/hello.zip", "≤ 1 MB", NOT_MEASURED));
  }

  private Goal adapterCode() {
    String goal = "Adapters' own code: skyhop-adapter-core + the adapter jar (largest of aws, gcp, azure)";
    Optional<Long> core = r.size("core.jar");
    if (core.isEmpty()) {
      return new Goal(goal, "no skyhop-adapter-core jar", "≤ 150 KB", NOT_MEASURED);
    }
    long worst = 0;
    List<String> parts = new ArrayList<>();
    for (String adapter : List.of("aws", "gcp", "azure")) {
      Optional<Long> jar = r.size(adapter + "-adapter.jar");
      if (jar.isPresent()) {
        worst = Math.max(worst, core.get() + jar.get());
        parts.add(adapter + " " + bytes(core.get() + jar.get()));
      }
    }
    if (parts.isEmpty()) {
      return new Goal(goal, "no adapter jar", "≤ 150 KB", NOT_MEASURED);
    }
    return new Goal(
        goal,
        "core " + bytes(core.get()) + " + adapter: " + String.join(", ", parts),
        "≤ 150 KB",
        worst <= 150 * KB ? MET : MISSED);
  }

  private Goal core(String benchmark, String goal) {
    Results.Score a = r.jmh.get(benchmark);
    Results.Score b = r.jmh.get("handWrittenGson");
    if (a == null || b == null) {
      return new Goal(goal, "no JMH result (see notes)", "≤ 1.1×", NOT_MEASURED);
    }
    double q = a.value() / b.value();
    String measured =
        fmt(a.value()) + " ± " + fmt(a.error()) + " / " + fmt(b.value()) + " ± " + fmt(b.error())
            + " " + a.unit() + " = " + ratio3(q);
    if (q > 1.1 && Math.abs(a.value() - b.value()) < a.error() + b.error()) {
      // JMH's 99.9 % error bars overlap: the run cannot tell the two apart.
      return new Goal(goal, measured, "≤ 1.1×", INCONCLUSIVE);
    }
    return new Goal(goal, measured, "≤ 1.1×", q <= 1.1 ? MET : MISSED);
  }

  private Goal packagingRatio() {
    String goal = "Packaging time, 100 functions vs 1 (`mvn skyhop:package` after compile)";
    Optional<Stats> one = r.packaging(1);
    Optional<Stats> hundred = r.packaging(100);
    if (one.isEmpty() || hundred.isEmpty()) {
      return new Goal(goal, "no packaging times (see notes)", "< 2×", NOT_MEASURED);
    }
    double q = hundred.get().median() / one.get().median();
    String measured = ms(hundred.get().median()) + " / " + ms(one.get().median()) + " = " + ratio3(q);
    Optional<Stats> maven = r.packaging(0);
    if (maven.isPresent()) {
      double net1 = one.get().median() - maven.get().median();
      double net100 = hundred.get().median() - maven.get().median();
      measured +=
          "; net of Maven's own start-up (`mvn validate`, " + ms(maven.get().median()) + "): "
              + ms(net100) + " / " + ms(net1) + (net1 > 0 ? " = " + ratio3(net100 / net1) : "");
    }
    return new Goal(goal, measured, "< 2×", q < 2 ? MET : MISSED);
  }

  private Goal packagingLinear() {
    String goal = "Packaging time grows linearly with functions";
    Optional<Stats> one = r.packaging(1);
    Optional<Stats> ten = r.packaging(10);
    Optional<Stats> hundred = r.packaging(100);
    String target = "per-function cost 10→100 ≤ 1.5× that of 1→10 (+2 ms noise)";
    if (one.isEmpty() || ten.isEmpty() || hundred.isEmpty()) {
      return new Goal(goal, "no packaging times (see notes)", target, NOT_MEASURED);
    }
    double a = (ten.get().median() - one.get().median()) / 9;
    double b = (hundred.get().median() - ten.get().median()) / 90;
    String measured = String.format(Locale.ROOT, "%+.1f ms/function 1→10, %+.1f ms/function 10→100", a, b);
    return new Goal(goal, measured, target, b <= 1.5 * Math.max(a, 0) + 2 ? MET : MISSED);
  }

  private String missing(String a, String b) {
    List<String> why = new ArrayList<>();
    for (String c : List.of(a, b)) {
      String s = r.status.getOrDefault(c, "no samples");
      if (!s.equals("ok")) {
        why.add(c + ": " + s);
      }
    }
    return why.isEmpty() ? "no samples" : String.join("; ", why);
  }

  private static String fmt(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
