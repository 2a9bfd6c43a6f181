package io.skyhop.runtime.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class RuntimeLogTest {
  @TempDir Path dir;

  @Test
  void flushWritesEveryQueuedLineToTheConsoleAndTheFile() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (RuntimeLog log = RuntimeLog.open(new PrintStream(console, true), dir.resolve("r.log"))) {
      for (int i = 0; i < 1000; i++) {
        log.info("line " + i, "requestId", "r-" + i);
      }
      log.flush();
      List<String> lines = Files.readAllLines(dir.resolve("r.log"));
      assertThat(lines).hasSize(1000);
      assertThat(lines.get(999)).contains("\"requestId\":\"r-999\",\"message\":\"line 999\"}");
      assertThat(console.toString(StandardCharsets.UTF_8).split("\n")).hasSize(1000);
    }
  }

  @Test
  @Timeout(20)
  void aStuckConsoleNeverBlocksACallerAndDropsAreCountedAndReported() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    OutputStream stuck =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            synchronized (written) {
              written.write(b, off, len);
            }
          }
        };
    RuntimeLog log = RuntimeLog.open(new PrintStream(stuck, false), dir.resolve("r.log"));
    Meter meter = new Meter(log);
    int lines = RuntimeLog.QUEUE_LINES * 2;
    for (int i = 0; i < lines; i++) {
      log.info("line " + i);
    }
    long dropped = log.dropped();
    assertThat(dropped).isGreaterThan(0).isLessThan(lines);
    assertThat(meter.prometheus(List.of()))
        .contains("# TYPE skyhop_log_lines_dropped_total counter\n")
        .contains("skyhop_log_lines_dropped_total " + dropped + "\n");

    release.countDown();
    log.close();
    String out;
    synchronized (written) {
      out = written.toString(StandardCharsets.UTF_8);
    }
    assertThat(out)
        .contains(
            "\"message\":\"The log writer fell behind and dropped "
                + dropped
                + " lines ("
                + dropped
                + " in all, metric skyhop_log_lines_dropped_total)\"}");
    assertThat(Files.readAllLines(dir.resolve("r.log"))).hasSize((int) (lines - dropped + 1));
  }
}
