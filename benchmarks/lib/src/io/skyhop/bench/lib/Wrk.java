package io.skyhop.bench.lib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code wrk} (loopback URLs only) and reads its report: requests per second, p50 and p99
 * latency, and the errors line(s).
 */
public final class Wrk {
  /**
   * One wrk run.
   *
   * @param requests wrk's "N requests in …"
   * @param requestsPerSecond wrk's "Requests/sec"
   * @param p50Ms median latency
   * @param p99Ms 99th percentile latency
   * @param errors wrk's error lines (non-2xx, socket errors), empty when none
   */
  public record Result(
      long requests, double requestsPerSecond, double p50Ms, double p99Ms, String errors) {}

  private Wrk() {}

  /** {@code wrk -t threads -c connections -d duration --latency url}; refuses non-loopback URLs. */
  public static Result run(String url, int threads, int connections, String duration)
      throws IOException, InterruptedException {
    if (!url.startsWith("http://127.0.0.1:")) {
      throw new IllegalArgumentException("wrk only against 127.0.0.1, not " + url);
    }
    Process p =
        new ProcessBuilder(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + duration,
                "--timeout",
                "10s",
                "--latency",
                url)
            .redirectErrorStream(true)
            .start();
    String out;
    try {
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("wrk failed: " + out);
      }
    } finally {
      p.destroyForcibly();
    }
    return parse(out);
  }

  /** Reads wrk's report. */
  static Result parse(String out) {
    long requests = -1;
    double rps = Double.NaN;
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    StringBuilder errors = new StringBuilder();
    for (String raw : out.split("\n")) {
      String line = raw.trim();
      List<String> f = List.of(line.split("\\s+"));
      if (f.size() > 2 && f.get(1).equals("requests") && f.get(2).equals("in")) {
        requests = Long.parseLong(f.get(0));
      } else if (line.startsWith("Requests/sec:")) {
        rps = Double.parseDouble(f.get(1));
      } else if (f.size() == 2 && f.get(0).equals("50%")) {
        p50 = millis(f.get(1));
      } else if (f.size() == 2 && f.get(0).equals("99%")) {
        p99 = millis(f.get(1));
      } else if (line.startsWith("Non-2xx") || line.startsWith("Socket errors")) {
        errors.append(errors.length() == 0 ? "" : "; ").append(line);
      }
    }
    if (Double.isNaN(rps)) {
      throw new IllegalStateException("no Requests/sec in wrk's output: " + out);
    }
    return new Result(requests, rps, p50, p99, errors.toString());
  }

  /** "812.00us", "1.23ms", "2.01s" in milliseconds. */
  static double millis(String value) {
    if (value.endsWith("us")) {
      return Double.parseDouble(value.substring(0, value.length() - 2)) / 1000;
    }
    if (value.endsWith("ms")) {
      return Double.parseDouble(value.substring(0, value.length() - 2));
    }
    if (value.endsWith("m")) {
      return Double.parseDouble(value.substring(0, value.length() - 1)) * 60_000;
    }
    if (value.endsWith("s")) {
      return Double.parseDouble(value.substring(0, value.length() - 1)) * 1000;
    }
    return Double.parseDouble(value);
  }
}
