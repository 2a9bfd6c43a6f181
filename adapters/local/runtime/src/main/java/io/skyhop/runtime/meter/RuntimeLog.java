package io.skyhop.runtime.meter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The runtime's structured log: one JSON object per line ({@code time}, {@code level}, {@code
 * message} and context fields such as {@code app}, {@code function}, {@code requestId}), written to
 * the console and appended to {@code <data>/logs/runtime.log}.
 *
 * <p>Callers never wait for the console or the disk: a line goes into a bounded queue ({@value
 * #QUEUE_LINES} lines) that one writer thread empties in batches. A caller does not wake the writer
 * either (no hand-off per line): the writer looks again {@value #IDLE_PARK_MILLIS} ms after it
 * found the queue empty. When the queue is full the line is dropped and counted ({@link
 * #dropped()}, the metric {@code skyhop_log_lines_dropped_total}); the writer then logs how many it
 * lost. {@link #flush} waits for what was queued before it, {@link #close} writes everything still
 * queued.
 */
public final class RuntimeLog implements AutoCloseable {
  /** Lines waiting for the writer at most; above, new lines are dropped and counted. */
  static final int QUEUE_LINES = 16_384;

  private static final long FLUSH_WAIT_MILLIS = 5_000;

  /** How long the writer sleeps when it finds nothing to write. */
  static final long IDLE_PARK_MILLIS = 2;

  /** The batch buffer's size kept between batches; a larger one is let go after its batch. */
  private static final int BATCH_BUFFER_KEPT = 1 << 20;

  private final PrintStream console;
  private ByteArrayOutputStream batchBytes = new ByteArrayOutputStream(64 << 10); // writeNow's
  private final OutputStream file;
  private final Path path;
  private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Object progress = new Object();
  private final Thread writer;
  private long written; // guarded by progress
  private long droppedReported; // the writer's own
  private volatile boolean closing;

  private RuntimeLog(PrintStream console, OutputStream file, Path path) {
    this.console = console;
    this.file = file;
    this.path = path;
    this.writer = new Thread(this::drainLoop, "skyhop-log-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** A log writing to {@code console} and appending to {@code logFile}. */
  public static RuntimeLog open(PrintStream console, Path logFile) throws IOException {
    Files.createDirectories(logFile.getParent());
    OutputStream file =
        Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return new RuntimeLog(console, file, logFile);
  }

  /** The file the log appends to (read by the admin API's {@code /apps/<app>/logs}). */
  public Path path() {
    return path;
  }

  /** Lines dropped so far because the writer fell {@value #QUEUE_LINES} lines behind. */
  public long dropped() {
    return dropped.get();
  }

  /** An informational entry. */
  public void info(String message, Object... fields) {
    write("INFO", message, fields);
  }

  /** A warning. */
  public void warn(String message, Object... fields) {
    write("WARN", message, fields);
  }

  /** An error. */
  public void error(String message, Object... fields) {
    write("ERROR", message, fields);
  }

  /**
   * Queues one entry; never blocks (a full queue drops it and counts the drop).
   *
   * @param fields alternating names and values; null values are left out
   */
  public void write(String level, String message, Object... fields) {
    byte[] line = line(level, message, fields);
    if (closing) {
      writeNow(List.of(line));
      return;
    }
    // counted before it is queued, so that flush() never waits for a line already written
    if (size.incrementAndGet() > QUEUE_LINES) {
      size.decrementAndGet();
      dropped.incrementAndGet();
      return;
    }
    queued.incrementAndGet();
    queue.add(line);
  }

  /**
   * Waits (up to 5 s) until every line queued before this call is on the console and in the file.
   */
  public void flush() {
    long target = queued.get();
    LockSupport.unpark(writer);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLUSH_WAIT_MILLIS);
    synchronized (progress) {
      while (written < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(progress, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void drainLoop() {
    List<byte[]> batch = new ArrayList<>(256);
    while (true) {
      try {
        byte[] line;
        while (batch.size() < 4096 && (line = queue.poll()) != null) {
          batch.add(line);
        }
        if (batch.isEmpty()) {
          if (closing) {
            return;
          }
          reportDrops();
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(IDLE_PARK_MILLIS));
          continue;
        }
        int n = batch.size();
        try {
          writeNow(batch);
        } finally {
          batch.clear();
          size.addAndGet(-n);
          synchronized (progress) {
            written += n;
            progress.notifyAll();
          }
        }
        reportDrops();
      } catch (RuntimeException | Error e) {
        // the writer outlives its own faults: a log that stops silently hides everything after
        batch.clear();
      }
    }
  }

  private void reportDrops() {
    long now = dropped.get();
    if (now > droppedReported) {
      writeNow(
          List.of(
              line(
                  "WARN",
                  "The log writer fell behind and dropped "
                      + (now - droppedReported)
                      + " lines ("
                      + now
                      + " in all, metric skyhop_log_lines_dropped_total)",
                  "dropped",
                  now - droppedReported)));
      droppedReported = now;
    }
  }

  /** Writes a batch: one write to the console and one to the file, whatever their buffers. */
  private synchronized void writeNow(List<byte[]> lines) {
    batchBytes.reset();
    for (byte[] line : lines) {
      batchBytes.write(line, 0, line.length);
    }
    try {
      batchBytes.writeTo(console);
    } catch (IOException e) {
      // a PrintStream does not throw: it sets its error flag
    }
    console.flush();
    try {
      batchBytes.writeTo(file);
      file.flush();
    } catch (IOException e) {
      console.println("{\"level\":\"ERROR\",\"message\":\"cannot write the log file: " + e + "\"}");
    }
    if (batchBytes.size() > BATCH_BUFFER_KEPT) {
      batchBytes = new ByteArrayOutputStream(BATCH_BUFFER_KEPT);
    }
  }

  private static byte[] line(String level, String message, Object... fields) {
    StringBuilder json = new StringBuilder(160 + message.length());
    json.append("{\"time\":\"")
        .append(Instant.now())
        .append("\",\"level\":\"")
        .append(level)
        .append('"');
    for (int i = 0; i + 1 < fields.length; i += 2) {
      Object value = fields[i + 1];
      if (value != null) {
        json.append(',');
        quote(json, String.valueOf(fields[i]));
        json.append(':');
        if (value instanceof Number || value instanceof Boolean) {
          json.append(value);
        } else {
          quote(json, value.toString());
        }
      }
    }
    json.append(",\"message\":");
    quote(json, message);
    json.append("}\n");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Appends a JSON string literal. */
  static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Writes every queued line, stops the writer and closes the file. */
  @Override
  public void close() throws IOException {
    flush();
    closing = true;
    LockSupport.unpark(writer);
    try {
      writer.join(FLUSH_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<byte[]> rest = new ArrayList<>();
    for (byte[] line; (line = queue.poll()) != null; ) {
      rest.add(line);
    }
    if (!rest.isEmpty()) {
      writeNow(rest);
    }
    synchronized (this) {
      file.close();
    }
  }
}
