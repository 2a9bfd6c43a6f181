package io.skyhop.bench.suite;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The driver of benchmarks/run.sh: cold starts of every candidate, interleaved round-robin (the
 * order rotates each round, after one unmeasured start each for the file cache), then each HTTP
 * candidate under wrk and every candidate's resident memory after warm-up. Writes {@code
 * coldstart.tsv}, {@code warm.tsv} and {@code status.tsv} to the output folder; {@link Report}
 * turns them into the table.
 *
 * <p>Usage: {@code Suite bench.properties outputDir}.
 */
public final class Suite {
  private final Settings settings;
  private final Path out;
  private final Map<String, String> status = new LinkedHashMap<>();

  private Suite(Settings settings, Path out) {
    this.settings = settings;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.load(Path.of(args[0]));
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    Files.createDirectories(settings.work());
    new Suite(settings, out).run();
  }

  private void run() throws Exception {
    Map<String, String> skipped = new LinkedHashMap<>();
    List<Candidate> candidates = new ArrayList<>(Candidates.from(settings, skipped));
    skipped.forEach((name, why) -> status.put(name, "skipped: " + why));
    skipped.forEach((name, why) -> log("%-14s skipped: %s", name, why));
    // Our own server processes end with us, whatever happens.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
    try {
      for (Candidate c : List.copyOf(candidates)) {
        attempt(candidates, c, "prepare", () -> {
          c.prepare();
          return null;
        });
      }
      coldStarts(candidates);
      warm(candidates);
    } finally {
      candidates.forEach(Candidate::close);
      writeStatus(candidates);
    }
  }

  private void coldStarts(List<Candidate> candidates) throws IOException {
    Path tsv = out.resolve("coldstart.tsv");
    Files.writeString(tsv, "candidate\trun\twall_ms\tcpu_ms\n");
    log("cold start: one unmeasured start each, then %d interleaved rounds", settings.runs());
    for (Candidate c : List.copyOf(candidates)) {
      Candidate.Sample s = attempt(candidates, c, "warm-up start", c::coldStart);
      if (s != null) {
        log("  warm-up  %-14s %8.1f ms", c.name(), s.wallMs());
      }
    }
    for (int round = 0; round < settings.runs(); round++) {
      List<Candidate> order = new ArrayList<>(candidates);
      Collections.rotate(order, round);
      for (Candidate c : order) {
        if (!candidates.contains(c)) {
          continue;
        }
        Candidate.Sample s = attempt(candidates, c, "cold start", c::coldStart);
        if (s != null) {
          log("  run %2d   %-14s %8.1f ms  (cpu %.0f ms)", round + 1, c.name(), s.wallMs(), s.cpuMs());
          append(tsv, "%s\t%d\t%.2f\t%.1f%n", c.name(), round + 1, s.wallMs(), s.cpuMs());
        }
      }
    }
  }

  private void warm(List<Candidate> candidates) throws IOException {
    Path tsv = out.resolve("warm.tsv");
    Files.writeString(tsv, "candidate\tround\trps\tp50_ms\tp99_ms\trss_kb\thwm_kb\tprocesses\terrors\tserver_cpu_us\ttotal_cpu_us\n");
    log(
        "warm: wrk -t%d -c%d -d%s after a %s warm-up, %d round(s); RSS after warm-up",
        settings.wrkThreads(),
        settings.wrkConnections(),
        settings.wrkDuration(),
        settings.wrkWarmup(),
        settings.wrkRounds());
    for (int round = 0; round < settings.wrkRounds(); round++) {
      List<Candidate> order = new ArrayList<>(candidates);
      if (round % 2 == 1) {
        Collections.reverse(order);
      }
      for (Candidate c : order) {
        if (!candidates.contains(c) || (round > 0 && !c.servesHttp())) {
          continue;
        }
        Candidate.Warm w = attempt(candidates, c, "warm run", () -> c.warm(settings));
        if (w == null) {
          continue;
        }
        if (w.wrk() != null) {
          log(
              "  %-14s %10.0f req/s  p50 %.2f ms  p99 %.2f ms  CPU/request %.0f µs (server), %.0f µs"
                  + " (all)  RSS %d MB in %d process(es) %s",
              c.name(),
              w.wrk().requestsPerSecond(),
              w.wrk().p50Ms(),
              w.wrk().p99Ms(),
              w.serverCpuUs(),
              w.totalCpuUs(),
              w.rss().rssKb() / 1024,
              w.rss().processes(),
              w.wrk().errors());
          append(
              tsv,
              "%s\t%d\t%.1f\t%.3f\t%.3f\t%d\t%d\t%d\t%s\t%.1f\t%.1f%n",
              c.name(),
              round + 1,
              w.wrk().requestsPerSecond(),
              w.wrk().p50Ms(),
              w.wrk().p99Ms(),
              w.rss().rssKb(),
              w.rss().hwmKb(),
              w.rss().processes(),
              w.wrk().errors(),
              w.serverCpuUs(),
              w.totalCpuUs());
        } else {
          log("  %-14s RSS %d MB after %d invocations", c.name(), w.rss().rssKb() / 1024,
              settings.lambdaWarmInvocations());
          append(
              tsv,
              "%s\t%d\t\t\t\t%d\t%d\t%d\t%n",
              c.name(),
              round + 1,
              w.rss().rssKb(),
              w.rss().hwmKb(),
              w.rss().processes());
        }
      }
    }
  }

  /** One step of one candidate; a failure drops the candidate from the rest of the run. */
  private <T> T attempt(List<Candidate> candidates, Candidate c, String what, Step<T> step) {
    try {
      return step.run();
    } catch (Exception | AssertionError e) {
      String why = what + " failed: " + e;
      log("  %-14s %s (left out from here on; logs in %s)", c.name(), why, settings.work());
      status.put(c.name(), why.replace('\n', ' '));
      candidates.remove(c);
      c.close();
      return null;
    }
  }

  private void writeStatus(List<Candidate> remaining) throws IOException {
    for (Candidate c : remaining) {
      status.putIfAbsent(c.name(), "ok");
    }
    StringBuilder sb = new StringBuilder("candidate\tstatus\n");
    status.forEach((name, s) -> sb.append(name).append('\t').append(s).append('\n'));
    Files.writeString(out.resolve("status.tsv"), sb);
  }

  private static void append(Path file, String format, Object... args) throws IOException {
    Files.writeString(
        file, String.format(Locale.ROOT, format, args), StandardOpenOption.APPEND);
  }

  private static void log(String format, Object... args) {
    PrintWriter w = new PrintWriter(System.out, true);
    w.printf(Locale.ROOT, format + "%n", args);
  }

  /** A step that may fail. */
  @FunctionalInterface
  private interface Step<T> {
    T run() throws Exception;
  }
}
