package io.skyhop.bench.suite;

import static io.skyhop.bench.suite.Format.bytes;
import static io.skyhop.bench.suite.Format.ms;
import static io.skyhop.bench.suite.Format.ratio;

import io.skyhop.bench.lib.Stats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one run's results into the markdown report: the goals of issue 11 (met / missed), one row
 * per candidate with its ratios against the hand-written baseline, artifact sizes, the core's JMH
 * scores and the packaging times. Usage: {@code Report resultsDir report.md}; prints it too.
 */
public final class Report {
  /** The artifact each candidate ships (a key of sizes.tsv). */
  private static final Map<String, String> ARTIFACT =
      Map.of(
          "skyhop-runtime", "local.bundle",
          "skyhop-runtime-shared", "local.bundle",
          "skyhop-lambda", "aws.zip",
          "skyhop-gcf", "gcp.zip",
          "jdk-server", "jdk.jar",
          "hw-lambda", "hw-lambda.zip",
          "hw-gcf", "hw-gcf.jar",
          "spring-cf", "spring.jar",
          "quarkus-funqy", "quarkus-app");

  private final Results r;
  private final StringBuilder md = new StringBuilder();

  private Report(Results r) {
    this.r = r;
  }

  public static void main(String[] args) throws Exception {
    Results results = Results.read(Path.of(args[0]));
    String text = new Report(results).render();
    Files.writeString(Path.of(args[1]), text);
    System.out.print(text);
  }

  private String render() {
    header();
    boolean all = !r.header.getProperty("suite", "all").equals("runtime");
    if (all) {
      goals();
    }
    new RuntimeThroughput(r).lines().forEach(this::line);
    candidates();
    if (all) {
      sizes();
      core();
      packaging();
    }
    notes();
    return md.toString();
  }

  private void header() {
    var h = r.header;
    line("# Skyhop benchmarks, " + h.getProperty("date", "?") + " (" + h.getProperty("mode", "?") + " mode)");
    line("");
    line("- Machine: " + h.getProperty("machine", "?") + "; " + h.getProperty("java", "?"));
    line("- Load average (1, 5, 15 min) at start: **" + h.getProperty("load.start", "?")
        + "**, at end: **" + h.getProperty("load.end", "?") + "**"
        + " (other work on the machine inflates wall times; CPU times are steadier)");
    line("- Commit: " + h.getProperty("commit", "?") + "; command: `" + h.getProperty("command", "?") + "`");
    line("- Cold starts: " + h.getProperty("runs", "?") + " interleaved rounds (order rotated each"
        + " round) after one unmeasured start each; warm: " + h.getProperty("wrk", "?"));
    line("");
  }

  private void goals() {
    line("## Goals (issue 11), ratios within this run");
    line("");
    line("| goal | measured | target | verdict |");
    line("|---|---|---|---|");
    for (Goals.Goal g : new Goals(r).all()) {
      line("| " + g.goal() + " | " + g.measured() + " | " + g.target() + " | " + g.verdict() + " |");
    }
    line("");
  }

  private void candidates() {
    line("## Candidates: the same hello function (`GET /hello?name=Ada` → `{\"message\":\"Hello, Ada!\"}`)");
    line("");
    line("| candidate | what | cold start median | p90 | max | × baseline | CPU to 1st response (× baseline)"
        + " | warm req/s | p99 | × baseline | RSS after warm-up | artifact |");
    line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (String c : Candidates.ORDER) {
      String base = Candidates.BASELINE.get(c);
      Optional<Stats> cold = r.cold(c);
      Optional<Stats> cpu = r.coldCpu(c);
      Optional<Stats> rps = r.throughput(c);
      String warmBase = c.equals("skyhop-gcf") ? "hw-gcf" : "jdk-server";
      line("| " + c + " | " + Candidates.DESCRIPTION.get(c) + status(c)
          + " | " + cold.map(s -> ms(s.median()) + " (n=" + s.n() + ")").orElse("–")
          + " | " + cold.map(s -> ms(s.p90())).orElse("–")
          + " | " + cold.map(s -> ms(s.max())).orElse("–")
          + " | " + ratioOf(cold, r.cold(base))
          + " | " + cpu.map(s -> ms(s.median())).orElse("–") + " (" + ratioOf(cpu, r.coldCpu(base)) + ")"
          + " | " + rps.map(s -> Format.rps(s.median())).orElse("–")
          + " | " + r.p99(c).map(s -> ms(s.median())).orElse("–")
          + " | " + (rps.isPresent() ? ratioOf(rps, r.throughput(warmBase)) : "–")
          + " | " + rss(c)
          + " | " + Optional.ofNullable(ARTIFACT.get(c)).flatMap(r::size).map(Format::bytes).orElse("–")
          + " |");
    }
    line("");
    line("× baseline: Skyhop's Lambda adapter against the hand-written RequestStreamHandler,"
        + " Skyhop's GCF adapter against the hand-written HttpFunction (same provider runtime);"
        + " everything else against the hand-written JDK HttpServer. Cold start: process start to"
        + " the first HTTP 200 or the first Runtime API response; for the in-house runtime, request"
        + " to response with the front door up and the app scaled to zero (a worker JVM starts)."
        + " CPU: user + system time of the serving JVM (for the runtime: the new worker) by then."
        + " RSS: VmRSS from /proc after the wrk run (Lambda candidates: after the warm-up"
        + " invocations), summed over the runtime's front door and workers. Spring Cloud Function"
        + " is called as `GET /hello/Ada` (its web endpoint passes a GET's path, not its query, to"
        + " a Function).");
    r.wrkErrors.forEach((c, e) -> line("wrk errors for " + c + ": " + e + "."));
    line("");
  }

  private String status(String c) {
    String s = r.status.getOrDefault(c, "ok");
    return s.equals("ok") ? "" : " — *" + s.replace("|", "/") + "*";
  }

  private String rss(String c) {
    Long kb = r.rssKb.get(c);
    if (kb == null) {
      return "–";
    }
    int n = r.processes.getOrDefault(c, 1);
    return Format.mb(kb) + (n > 1 ? " (" + n + " processes)" : "");
  }

  private static String ratioOf(Optional<Stats> a, Optional<Stats> b) {
    return a.isPresent() && b.isPresent() ? ratio(a.get().median() / b.get().median()) : "–";
  }

  private void sizes() {
    line("## Artifact sizes");
    line("");
    line("| artifact | size | what |");
    line("|---|---:|---|");
    r.sizes.forEach((k, s) -> line("| " + k + " | " + bytes(s.bytes()) + " | " + s.what() + " |"));
    line("");
  }

  private void core() {
    line("## Core per-invocation overhead (benchmarks/core, JMH)");
    line("");
    if (r.jmh.isEmpty()) {
      line("No JMH result (see notes).");
    } else {
      Results.Score hand = r.jmh.get("handWrittenGson");
      line("| benchmark | score | ± error | × hand-written |");
      line("|---|---:|---:|---:|");
      r.jmh.forEach((name, s) -> line(String.format(Locale.ROOT, "| %s | %.1f %s | %.1f | %s |",
          name, s.value(), s.unit(), s.error(), hand == null ? "–" : ratio(s.value() / hand.value()))));
    }
    line("");
    if (!r.coreStartup.isEmpty()) {
      line("Core start-up against direct calls (benchmarks/core/run.sh startup):");
      line("");
      line("```");
      r.coreStartup.forEach(this::line);
      line("```");
      line("");
    }
  }

  private void packaging() {
    line("## Packaging time (`mvn -o -q skyhop:package` after `compile`, generated project, targets aws, azure, gcp, local)");
    line("");
    if (r.packaging.isEmpty()) {
      line("Not measured (see notes).");
      line("");
      return;
    }
    line("| functions | median | min | max | n |");
    line("|---:|---:|---:|---:|---:|");
    r.packaging.keySet().stream().sorted().forEach(n -> {
      Stats s = r.packaging(n).orElseThrow();
      line("| " + (n == 0 ? "0 (`mvn validate`: Maven's own start-up)" : n) + " | " + ms(s.median())
          + " | " + ms(s.min()) + " | " + ms(s.max()) + " | " + s.n() + " |");
    });
    line("");
  }

  private void notes() {
    if (r.notes.isEmpty()) {
      return;
    }
    line("## Notes from run.sh");
    line("");
    r.notes.forEach(n -> line("- " + n));
    line("");
  }

  private void line(String s) {
    md.append(s).append('\n');
  }
}
