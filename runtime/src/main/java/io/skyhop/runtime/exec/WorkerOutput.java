package io.skyhop.runtime.exec;

import io.skyhop.runtime.meter.RuntimeLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Copies a worker's stderr (its JVM's messages and what user code prints) into the runtime log, one
 * entry per line, and keeps the last lines to explain a failed start or a crash.
 */
final class WorkerOutput implements Runnable {
  private static final int TAIL_LINES = 8;

  private final InputStream stream;
  private final RuntimeLog log;
  private final WorkerSpec spec;
  private final String instanceId;
  private final Deque<String> tail = new ArrayDeque<>();
  private final CountDownLatch ended = new CountDownLatch(1);

  WorkerOutput(InputStream stream, RuntimeLog log, WorkerSpec spec, String instanceId) {
    this.stream = stream;
    this.log = log;
    this.spec = spec;
    this.instanceId = instanceId;
  }

  @Override
  public void run() {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (tail) {
          tail.addLast(line);
          if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
          }
        }
        log.write(
            "INFO",
            line,
            "app",
            spec.app(),
            "function",
            spec.function(),
            "instance",
            instanceId,
            "source",
            "stderr");
      }
    } catch (IOException e) {
      // the process is gone
    } finally {
      ended.countDown();
    }
  }

  /** Waits until the stream has ended (the process exited), at most {@code millis}. */
  void awaitEnd(long millis) {
    try {
      ended.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last lines, joined with " | ". */
  String tail() {
    synchronized (tail) {
      return String.join(" | ", tail);
    }
  }
}
