package io.skyhop.runtime.exec;

import io.skyhop.runtime.meter.RuntimeLog;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Writes what a worker says into the runtime log: its function's log entries ({@link
 * #functionLog}), and its stderr (its JVM's messages and what user code prints), one entry per
 * line, keeping the last lines to explain a failed start or a crash. A line is cut at {@value
 * #MAX_LINE_BYTES} bytes (the rest is skipped, never buffered), so a worker cannot grow the
 * runtime's memory by printing.
 */
final class WorkerOutput implements Runnable {
  private static final int TAIL_LINES = 8;

  /** The longest line kept; the rest of a longer line is counted and dropped. */
  static final int MAX_LINE_BYTES = 16 * 1024;

  /** What one instance may write to the runtime log per minute; the rest is counted and dropped. */
  static final long MAX_BYTES_PER_MINUTE = 10L * 1024 * 1024;

  private static final long MINUTE_NANOS = 60_000_000_000L;

  private final InputStream stream;
  private final RuntimeLog log;
  private final WorkerSpec spec;
  private final String instanceId;
  private final Deque<String> tail = new ArrayDeque<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private long windowStart = System.nanoTime();
  private long windowBytes;
  private long droppedEntries;

  WorkerOutput(InputStream stream, RuntimeLog log, WorkerSpec spec, String instanceId) {
    this.stream = stream;
    this.log = log;
    this.spec = spec;
    this.instanceId = instanceId;
  }

  @Override
  public void run() {
    try (InputStream in = new BufferedInputStream(stream, 65536)) {
      byte[] line = new byte[MAX_LINE_BYTES];
      int length = 0;
      long dropped = 0;
      int b;
      while ((b = in.read()) >= 0) {
        if (b != '\n') {
          if (length < line.length) {
            line[length++] = (byte) b;
          } else {
            dropped++;
          }
          continue;
        }
        emit(line, length, dropped);
        length = 0;
        dropped = 0;
      }
      if (length > 0 || dropped > 0) {
        emit(line, length, dropped);
      }
    } catch (IOException e) {
      // the process is gone
    } finally {
      ended.countDown();
    }
  }

  private void emit(byte[] bytes, int length, long dropped) {
    String line = new String(bytes, 0, length, StandardCharsets.UTF_8);
    if (dropped > 0) {
      line = line + " [cut: " + dropped + " more bytes]";
    }
    synchronized (tail) {
      tail.addLast(line);
      if (tail.size() > TAIL_LINES) {
        tail.removeFirst();
      }
    }
    if (!withinBudget(line.length())) {
      return;
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

  /**
   * Writes a log entry the function made through its {@code Context} logger (a log frame): its
   * level from an {@code INFO }, {@code WARN } or {@code ERROR } prefix, else INFO.
   */
  void functionLog(String requestId, String message) {
    functionLog(requestId, spec.function(), message);
  }

  /** The same, for a shared worker: the entry names {@code function} (null when not known). */
  void functionLog(String requestId, String function, String message) {
    String level = "INFO";
    String text = message == null ? "" : message;
    for (String prefix : List.of("INFO ", "WARN ", "ERROR ")) {
      if (text.startsWith(prefix)) {
        level = prefix.strip();
        text = text.substring(prefix.length());
        break;
      }
    }
    if (!withinBudget(text.length())) {
      return;
    }
    log.write(
        level,
        text,
        "app",
        spec.app(),
        "function",
        function,
        "requestId",
        requestId,
        "instance",
        instanceId,
        "source",
        "function");
  }

  /**
   * Whether an entry of about {@code size} bytes may be written: at most {@link
   * #MAX_BYTES_PER_MINUTE} per instance and minute, so a worker cannot fill the disk through the
   * runtime log. Entries past it are counted; one warning says how many when the minute is over.
   */
  private synchronized boolean withinBudget(long size) {
    long now = System.nanoTime();
    if (now - windowStart > MINUTE_NANOS) {
      if (droppedEntries > 0) {
        warnOverBudget(droppedEntries + " entries dropped");
      }
      windowStart = now;
      windowBytes = 0;
      droppedEntries = 0;
    }
    windowBytes += size;
    if (windowBytes <= MAX_BYTES_PER_MINUTE) {
      return true;
    }
    if (droppedEntries++ == 0) {
      warnOverBudget("dropping its entries until the minute is over");
    }
    return false;
  }

  private void warnOverBudget(String what) {
    log.warn(
        "Instance output over " + MAX_BYTES_PER_MINUTE + " bytes in a minute: " + what,
        "app",
        spec.app(),
        "function",
        spec.function(),
        "instance",
        instanceId);
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
