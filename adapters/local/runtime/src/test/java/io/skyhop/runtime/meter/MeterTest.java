package io.skyhop.runtime.meter;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.runtime.exec.Outcome;
import io.skyhop.runtime.exec.WorkerResult;
import io.skyhop.runtime.exec.WorkerSecrets;
import io.skyhop.runtime.exec.WorkerSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeterTest {
  @TempDir Path dir;

  private final WorkerSpec spec =
      new WorkerSpec(
          "orders",
          "v1",
          "get",
          512,
          10,
          Map.of(),
          List.of(),
          Path.of("x"),
          -1,
          WorkerSecrets.none());

  @Test
  void reportsLikeLambdaAndBillsInitOnColdStarts() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (RuntimeLog log = RuntimeLog.open(new PrintStream(console, true), dir.resolve("r.log"))) {
      Meter meter = new Meter(log);
      WorkerResult ok = new WorkerResult.Http(200, Map.of(), List.of(), new byte[0]);
      meter.finished(
          spec, "http", new Outcome("r-1", Outcome.Status.OK, ok, null, 12.345, 150.5, 40, "i-1"));
      meter.finished(
          spec, "http", new Outcome("r-2", Outcome.Status.OK, ok, null, 0.4, null, 41, "i-1"));
      meter.finished(
          spec,
          "http",
          new Outcome(
              "r-3", Outcome.Status.TIMEOUT, null, "Task timed out", 10000.2, null, -1, "i-1"));

      List<InvocationRecord> recent = meter.recent("orders", "get", 10);
      assertThat(recent).extracting(InvocationRecord::billedMs).containsExactly(163L, 1L, 10001L);
      assertThat(Meter.reportLine(recent.get(0), Outcome.Status.OK))
          .isEqualTo(
              "REPORT RequestId: r-1\tDuration: 12.35 ms\tBilled Duration: 163 ms\tMemory Size: 512 MB"
                  + "\tMax Memory Used: 40 MB\tInit Duration: 150.50 ms");
      assertThat(Meter.reportLine(recent.get(2), Outcome.Status.TIMEOUT))
          .isEqualTo(
              "REPORT RequestId: r-3\tDuration: 10000.20 ms\tBilled Duration: 10001 ms\tMemory Size:"
                  + " 512 MB\tMax Memory Used: 0 MB\tStatus: timeout");
      String metrics =
          meter.prometheus(
              List.of(
                  new Meter.Gauge(
                      "skyhop_instances", "Instances.", "app=\"orders\",function=\"get\"", 1)));
      assertThat(metrics)
          .contains("skyhop_invocations_total{app=\"orders\",function=\"get\"} 3\n")
          .contains("skyhop_errors_total{app=\"orders\",function=\"get\"} 1\n")
          .contains("skyhop_cold_starts_total{app=\"orders\",function=\"get\"} 1\n")
          .contains("skyhop_timeouts_total{app=\"orders\",function=\"get\"} 1\n")
          .contains("skyhop_billed_milliseconds_total{app=\"orders\",function=\"get\"} 10165\n")
          .contains("skyhop_gb_seconds_total{app=\"orders\",function=\"get\"} 5.082500\n")
          .contains(
              "skyhop_duration_milliseconds_bucket{app=\"orders\",function=\"get\",le=\"1\"} 1\n")
          .contains(
              "# TYPE skyhop_instances gauge\nskyhop_instances{app=\"orders\",function=\"get\"} 1\n");
    }
    assertThat(console.toString())
        .contains("\"type\":\"report\",\"message\":\"REPORT RequestId: r-1\\tDuration: 12.35 ms");
  }
}
