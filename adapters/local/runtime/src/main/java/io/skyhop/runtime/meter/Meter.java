package io.skyhop.runtime.meter;

import io.skyhop.runtime.exec.InvocationListener;
import io.skyhop.runtime.exec.Outcome;
import io.skyhop.runtime.exec.WorkerSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters every invocation: writes a Lambda-style {@code REPORT} line to the runtime log, counts
 * invocations, errors, cold starts, durations and GB-seconds per function, and keeps the recent
 * invocations of each function. Billing follows Lambda: duration rounded up to 1 ms, the init
 * duration of a cold start billed with it, GB-s = memory size in GB x billed seconds.
 */
public final class Meter implements InvocationListener {
  private final RuntimeLog log;
  private final Map<String, FunctionStats> stats = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  /** A meter writing report lines to {@code log}. */
  public Meter(RuntimeLog log) {
    this.log = log;
  }

  @Override
  public void finished(WorkerSpec spec, String trigger, Outcome outcome) {
    FunctionStats s =
        stats.computeIfAbsent(
            spec.qualifiedName(), k -> new FunctionStats(spec.app(), spec.function()));
    double billable = outcome.durationMs() + (outcome.initMs() == null ? 0 : outcome.initMs());
    long billed = outcome.status() == Outcome.Status.THROTTLED ? 0 : (long) Math.ceil(billable);
    InvocationRecord record =
        new InvocationRecord(
            outcome.requestId(),
            spec.app(),
            spec.function(),
            spec.version(),
            trigger,
            Instant.now().minusMillis((long) outcome.durationMs()).toString(),
            outcome.status().name(),
            trigger.equals("http") ? outcome.httpStatus() : null,
            round(outcome.durationMs()),
            billed,
            spec.memoryMb(),
            outcome.maxMemoryUsedMb(),
            outcome.initMs() == null ? null : round(outcome.initMs()),
            outcome.instanceId(),
            outcome.error());
    if (outcome.status() == Outcome.Status.THROTTLED) {
      s.throttled(sequence.incrementAndGet(), record);
      log.warn(
          outcome.error(),
          "app",
          spec.app(),
          "function",
          spec.function(),
          "requestId",
          outcome.requestId());
      return;
    }
    s.record(sequence.incrementAndGet(), record, outcome.isError());
    if (outcome.error() != null) {
      log.error(
          outcome.error(),
          "app",
          spec.app(),
          "function",
          spec.function(),
          "requestId",
          outcome.requestId());
    }
    log.write(
        "INFO",
        reportLine(record, outcome.status()),
        "app",
        spec.app(),
        "function",
        spec.function(),
        "requestId",
        outcome.requestId(),
        "type",
        "report");
  }

  /** The Lambda-style report line of an invocation. */
  static String reportLine(InvocationRecord r, Outcome.Status status) {
    StringBuilder b = new StringBuilder("REPORT RequestId: ").append(r.requestId());
    b.append("\tDuration: ").append(twoDecimals(r.durationMs())).append(" ms");
    b.append("\tBilled Duration: ").append(r.billedMs()).append(" ms");
    b.append("\tMemory Size: ").append(r.memorySizeMb()).append(" MB");
    b.append("\tMax Memory Used: ").append(Math.max(0, r.maxMemoryUsedMb())).append(" MB");
    if (r.initDurationMs() != null) {
      b.append("\tInit Duration: ").append(twoDecimals(r.initDurationMs())).append(" ms");
    }
    switch (status) {
      case OK -> {}
      case TIMEOUT -> b.append("\tStatus: timeout");
      case FUNCTION_ERROR -> b.append("\tStatus: error\tError Type: Function.Error");
      case OUT_OF_MEMORY -> b.append("\tStatus: error\tError Type: Runtime.OutOfMemory");
      case START_FAILED -> b.append("\tStatus: error\tError Type: Runtime.InitError");
      case CRASHED, THROTTLED -> b.append("\tStatus: error\tError Type: Runtime.ExitError");
    }
    return b.toString();
  }

  /** {@code 12.345} as {@code "12.35"} (without String.format, which is slow on this path). */
  static String twoDecimals(double value) {
    long hundredths = Math.round(value * 100);
    long fraction = hundredths % 100;
    return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
  }

  private static double round(double ms) {
    return Math.round(ms * 100) / 100.0;
  }

  /** The recent invocations in the order they ended, of one app (and function, when given). */
  public List<InvocationRecord> recent(String app, String function, int limit) {
    List<FunctionStats.Sequenced> all = new ArrayList<>();
    for (FunctionStats s : stats.values()) {
      if ((app == null || s.app.equals(app)) && (function == null || s.function.equals(function))) {
        all.addAll(s.recent());
      }
    }
    all.sort(Comparator.comparingLong(FunctionStats.Sequenced::seq));
    List<InvocationRecord> records = new ArrayList<>();
    all.subList(Math.max(0, all.size() - limit), all.size()).forEach(e -> records.add(e.record()));
    return records;
  }

  /**
   * The metrics in Prometheus text format.
   *
   * @param gauges current values the meter does not count itself (instances, queue depths)
   */
  public String prometheus(List<Gauge> gauges) {
    List<FunctionStats> all = new ArrayList<>();
    stats.values().forEach(s -> all.add(s.snapshot()));
    all.sort(Comparator.comparing((FunctionStats s) -> s.app).thenComparing(s -> s.function));
    PrometheusText text = new PrometheusText();
    text.counter("skyhop_invocations_total", "Invocations that ran (any outcome but throttled).");
    all.forEach(s -> text.sample("skyhop_invocations_total", labels(s), s.invocations));
    text.counter(
        "skyhop_errors_total", "Invocations that failed (function error, 5xx, timeout, crash).");
    all.forEach(s -> text.sample("skyhop_errors_total", labels(s), s.errors));
    text.counter("skyhop_timeouts_total", "Invocations killed at their timeout.");
    all.forEach(s -> text.sample("skyhop_timeouts_total", labels(s), s.timeouts));
    text.counter("skyhop_throttles_total", "Requests refused with 429 at maximum concurrency.");
    all.forEach(s -> text.sample("skyhop_throttles_total", labels(s), s.throttles));
    text.counter("skyhop_cold_starts_total", "Invocations that started a new instance.");
    all.forEach(s -> text.sample("skyhop_cold_starts_total", labels(s), s.coldStarts));
    text.counter("skyhop_init_duration_milliseconds_total", "Time spent starting instances.");
    all.forEach(
        s -> text.sample("skyhop_init_duration_milliseconds_total", labels(s), s.initSumMs));
    text.histogram("skyhop_duration_milliseconds", "Invocation duration.");
    for (FunctionStats s : all) {
      for (int i = 0; i < FunctionStats.BUCKETS.length; i++) {
        String le = PrometheusText.number(FunctionStats.BUCKETS[i]);
        text.sample(
            "skyhop_duration_milliseconds_bucket",
            labels(s) + ",le=\"" + le + "\"",
            s.durationBuckets[i]);
      }
      text.sample("skyhop_duration_milliseconds_bucket", labels(s) + ",le=\"+Inf\"", s.invocations);
      text.sample("skyhop_duration_milliseconds_sum", labels(s), s.durationSumMs);
      text.sample("skyhop_duration_milliseconds_count", labels(s), s.invocations);
    }
    text.counter(
        "skyhop_billed_milliseconds_total", "Billed duration (1 ms rounding, init included).");
    all.forEach(s -> text.sample("skyhop_billed_milliseconds_total", labels(s), s.billedMs));
    text.counter("skyhop_gb_seconds_total", "Memory size in GB times billed seconds.");
    all.forEach(s -> text.sample("skyhop_gb_seconds_total", labels(s), s.gbSeconds));
    text.counter(
        "skyhop_log_lines_dropped_total",
        "Runtime log lines dropped because the log writer fell behind.");
    text.sample("skyhop_log_lines_dropped_total", "", log.dropped());
    String current = null;
    for (Gauge g : gauges) {
      if (!g.name().equals(current)) {
        text.gauge(g.name(), g.help());
        current = g.name();
      }
      text.sample(g.name(), g.labels(), g.value());
    }
    return text.toString();
  }

  private static String labels(FunctionStats s) {
    return "app=\""
        + PrometheusText.escape(s.app)
        + "\",function=\""
        + PrometheusText.escape(s.function)
        + "\"";
  }

  /**
   * A current value.
   *
   * @param name the metric name
   * @param help its description
   * @param labels its labels, e.g. {@code app="orders",function="get"}
   * @param value the value
   */
  public record Gauge(String name, String help, String labels, double value) {}
}
