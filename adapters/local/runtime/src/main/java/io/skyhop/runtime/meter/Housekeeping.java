package io.skyhop.runtime.meter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The runtime's periodic tasks (timeouts, idle shutdown, memory limits, schedules) on one executor.
 * A task that throws anything, even an {@link Error}, is logged and runs again at its next period:
 * a fault never stops the loop. Each task records when it last finished, so {@code GET
 * /_skyhop/health} can report a task that hangs ({@link #stalled()}).
 */
public final class Housekeeping {
  /** A task is stalled when it has not finished for this many of its periods... */
  static final int STALL_PERIODS = 20;

  /** ...and at least this long. */
  static final long MIN_STALL_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final ScheduledExecutorService executor;
  private final RuntimeLog log;
  private final LongSupplier nanoTime;
  private final Map<String, Task> tasks = new ConcurrentHashMap<>();
  private final AtomicLong faults = new AtomicLong();

  /**
   * Housekeeping on {@code executor}.
   *
   * @param nanoTime the clock, {@link System#nanoTime()} outside tests
   */
  public Housekeeping(ScheduledExecutorService executor, RuntimeLog log, LongSupplier nanoTime) {
    this.executor = executor;
    this.log = log;
    this.nanoTime = nanoTime;
  }

  /** Runs {@code task} every {@code periodMillis}, first after {@code initialMillis}. */
  public void every(String name, long initialMillis, long periodMillis, Runnable task) {
    Task t = new Task(name, TimeUnit.MILLISECONDS.toNanos(periodMillis), nanoTime.getAsLong());
    tasks.put(name, t);
    executor.scheduleWithFixedDelay(
        () -> run(t, task), initialMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void run(Task t, Runnable task) {
    try {
      task.run();
    } catch (Throwable e) {
      faults.incrementAndGet();
      try {
        log.error("Housekeeping task '" + t.name + "' failed; it runs again: " + e);
      } catch (Throwable ignored) {
        // not even the log works: the task still runs again
      }
    } finally {
      t.lastFinished = nanoTime.getAsLong();
    }
  }

  /** The tasks that have not finished for {@value #STALL_PERIODS} periods (and 5 s), by name. */
  public List<String> stalled() {
    long now = nanoTime.getAsLong();
    List<String> stalled = new ArrayList<>();
    for (Task t : tasks.values()) {
      if (now - t.lastFinished > Math.max(MIN_STALL_NANOS, STALL_PERIODS * t.periodNanos)) {
        stalled.add(t.name);
      }
    }
    stalled.sort(null);
    return stalled;
  }

  /** How many times a task has failed since start. */
  public long faults() {
    return faults.get();
  }

  private static final class Task {
    final String name;
    final long periodNanos;
    volatile long lastFinished;

    Task(String name, long periodNanos, long now) {
      this.name = name;
      this.periodNanos = periodNanos;
      this.lastFinished = now;
    }
  }
}
