package io.skyhop.runtime.exec;

import io.skyhop.runtime.meter.RuntimeLog;
import io.skyhop.runtime.worker.Frames;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One function instance: a worker process serving one invocation at a time over its stdin and
 * stdout ({@link Frames}), or, in shared mode, a lane of the app's shared worker process ({@link
 * Link}). Not thread-safe for invocations: the pool lends it to one caller at a time. Killing is
 * thread-safe (timeouts and the memory watchdog kill from other threads).
 */
public final class Instance {
  /** Why the runtime killed an instance, when it did. */
  enum KillReason {
    TIMEOUT,
    OUT_OF_MEMORY,
    START_TIMEOUT,
    STOPPED
  }

  private final String id;
  private final WorkerSpec spec;
  private final Process process;
  private final Link link;
  private final boolean startedProcess;
  private final WorkerOutput stderr;
  private final RuntimeLog log;
  private final ScheduledExecutorService timers;
  private final Executor writes;
  private final AtomicBoolean forgotten = new AtomicBoolean();
  private final long startedNanos;
  private volatile KillReason killReason;
  private volatile long lastUsedNanos;
  private volatile boolean busy;
  private volatile long deadlineNanos;
  private double initMillis;
  private long peakMb = -1;
  private long peakReadNanos;

  Instance(
      String id,
      WorkerSpec spec,
      Process process,
      WorkerOutput stderr,
      RuntimeLog log,
      ScheduledExecutorService timers,
      Executor writes,
      long startedNanos,
      Link link,
      boolean startedProcess) {
    this.id = id;
    this.spec = spec;
    this.process = process;
    this.link = link;
    this.startedProcess = startedProcess;
    this.stderr = stderr;
    this.log = log;
    this.timers = timers;
    this.writes = writes;
    this.startedNanos = startedNanos;
    this.lastUsedNanos = startedNanos;
  }

  /** Waits for the worker's ready frame; kills it when it does not come within {@code limit}. */
  void awaitReady(long limitMillis) throws InstanceFailure {
    ScheduledFuture<?> timer =
        timers.schedule(() -> kill(KillReason.START_TIMEOUT), limitMillis, TimeUnit.MILLISECONDS);
    try {
      link.awaitReady();
      initMillis = (System.nanoTime() - startedNanos) / 1e6;
    } catch (IOException e) {
      kill(KillReason.STOPPED);
      String why =
          killReason == KillReason.START_TIMEOUT
              ? "did not start within " + limitMillis + " ms"
              : e.getMessage() + exitDetails(true);
      throw new InstanceFailure(
          InstanceFailure.Kind.START_FAILED,
          "Instance of " + spec.qualifiedName() + " failed to start: " + why);
    } finally {
      timer.cancel(false);
    }
  }

  /**
   * Starts one invocation, killing the instance at {@code deadlineMillis}. Returns at once: the
   * answer completes the future on the worker's reader thread.
   *
   * @return the result, or a failure with an {@link InstanceFailure} when the instance gave no
   *     answer (it is dead afterwards, except for {@code NOT_DELIVERED}, where it was dead before)
   */
  CompletableFuture<WorkerResult> invoke(String requestId, long deadlineMillis, Payload payload) {
    busy = true;
    if (!process.isAlive()) {
      idle();
      return CompletableFuture.failedFuture(
          new InstanceFailure(InstanceFailure.Kind.NOT_DELIVERED, "instance already exited"));
    }
    // armed before the request is written: a worker that stops reading its stdin blocks the
    // write, and is killed at the deadline like one that never answers
    deadlineNanos =
        System.nanoTime()
            + TimeUnit.MILLISECONDS.toNanos(
                Math.max(1, deadlineMillis - System.currentTimeMillis()));
    CompletableFuture<WorkerResult> answer;
    try {
      if (SelectorCalls.mustNotBlock()) {
        answer = link.trySend(requestId, deadlineMillis, payload);
        if (answer == null) {
          // the write could block: on a thread of its own, as any other caller's
          return CompletableFuture.supplyAsync(
                  () -> invoke(requestId, deadlineMillis, payload), writes)
              .thenCompose(f -> f);
        }
      } else {
        answer = link.send(requestId, deadlineMillis, payload);
      }
    } catch (IOException e) {
      kill(KillReason.STOPPED);
      idle();
      return CompletableFuture.failedFuture(
          killReason == KillReason.TIMEOUT
              ? failure(e)
              : new InstanceFailure(InstanceFailure.Kind.NOT_DELIVERED, "instance gone: " + e));
    }
    return answer.handle(
        (result, e) -> {
          idle();
          if (e == null) {
            return result;
          }
          Throwable cause = e instanceof CompletionException ? e.getCause() : e;
          throw new CompletionException(
              failure(
                  cause instanceof IOException io
                      ? io
                      : new IOException("the runtime failed reading the worker: " + cause)));
        });
  }

  /** The invocation ended (answered or not). */
  private void idle() {
    deadlineNanos = 0;
    busy = false;
    lastUsedNanos = System.nanoTime();
  }

  private InstanceFailure failure(IOException cause) {
    if (cause instanceof WorkerFrames.TooLargeException large) {
      kill(KillReason.STOPPED);
      return new InstanceFailure(
          InstanceFailure.Kind.CRASHED,
          "Instance answered with a "
              + large.what
              + " of "
              + large.size
              + ", above the limit of "
              + large.limit
              + ": instance killed");
    }
    if (!(cause instanceof Frames.ProtocolException) || !exitsWithin(2000)) {
      kill(KillReason.STOPPED);
    }
    KillReason reason = killReason;
    if (reason == KillReason.TIMEOUT) {
      return new InstanceFailure(
          InstanceFailure.Kind.TIMEOUT,
          "Task timed out after " + spec.timeoutSeconds() + " seconds: instance killed");
    }
    if (reason == KillReason.OUT_OF_MEMORY) {
      return new InstanceFailure(
          InstanceFailure.Kind.OUT_OF_MEMORY,
          "Instance used more than its memory size of " + spec.memoryMb() + " MB: killed");
    }
    String details = exitDetails(false);
    if (details.contains("exit code 3")) {
      return new InstanceFailure(
          InstanceFailure.Kind.OUT_OF_MEMORY,
          "Instance ran out of heap (memory size " + spec.memoryMb() + " MB)" + details);
    }
    return new InstanceFailure(
        InstanceFailure.Kind.CRASHED,
        "Instance exited during the invocation: " + cause.getMessage() + details);
  }

  /** Whether the process ends by itself (a JVM that wrote its last words) within the time. */
  private boolean exitsWithin(long millis) {
    try {
      return process.waitFor(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The exit code once the process has ended, with the worker's last stderr lines when {@code
   * withTail} (a failed start, which served nobody yet). An invocation's caller never gets the
   * tail, which may hold what earlier invocations printed: it goes to the runtime log.
   */
  private String exitDetails(boolean withTail) {
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        return "";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
    stderr.awaitEnd(1000);
    int code = process.exitValue();
    String tail = stderr.tail();
    if (!withTail && !tail.isEmpty()) {
      log.warn(
          "Instance exited: its last stderr lines",
          "app",
          spec.app(),
          "function",
          spec.function(),
          "instance",
          id,
          "exitCode",
          code,
          "stderr",
          tail);
    }
    return " (exit code "
        + code
        + (code > 128 ? ", signal " + (code - 128) : "")
        + ")"
        + (withTail && !tail.isEmpty() ? ": " + tail : "");
  }

  /** Kills the process and every process it started (SIGKILL); idempotent. */
  void kill(KillReason reason) {
    if (killReason == null) {
      killReason = reason;
    }
    WorkerProcesses.killTree(process);
  }

  /**
   * Asks the worker to exit by closing its stdin (a shared worker's: when this was its last lane);
   * kills it if it has not exited within 5 s.
   */
  void stop() {
    if (killReason == null) {
      killReason = KillReason.STOPPED;
    }
    if (!link.close()) {
      return;
    }
    process
        .onExit()
        .orTimeout(5, TimeUnit.SECONDS)
        .exceptionally(
            timeout -> {
              WorkerProcesses.killTree(process);
              return process;
            });
  }

  /** Marks the instance as no longer counted by its pool; true only the first time. */
  boolean forget() {
    return forgotten.compareAndSet(false, true);
  }

  /** The instance id, e.g. {@code i-7}. */
  public String id() {
    return id;
  }

  /** The worker's process id. */
  public long pid() {
    return process.pid();
  }

  /** The function it serves. */
  public WorkerSpec spec() {
    return spec;
  }

  /** Whether its process was started for it (a cold start), not shared with earlier instances. */
  boolean startedProcess() {
    return startedProcess;
  }

  /** Milliseconds from process start to ready. */
  public double initMillis() {
    return initMillis;
  }

  /** Whether the process runs. */
  public boolean isAlive() {
    return process.isAlive() && killReason == null;
  }

  /** Whether an invocation is running on it. */
  public boolean busy() {
    return busy;
  }

  /** When it last finished an invocation (or started), {@link System#nanoTime()}. */
  long lastUsedNanos() {
    return lastUsedNanos;
  }

  /** The process, for exit callbacks. */
  Process process() {
    return process;
  }

  /**
   * The peak resident memory so far, in MB, or -1 when unknown. Read from {@code /proc} at most
   * every 100 ms per instance (the peak moves slowly; the read costs a few system calls).
   */
  public long maxMemoryUsedMb() {
    long now = System.nanoTime();
    if (peakMb < 0 || now - peakReadNanos > 100_000_000L) {
      long kb = ProcessMemory.peakKb(process.pid());
      peakMb = kb < 0 ? -1 : (kb + 1023) / 1024;
      peakReadNanos = now;
    }
    return peakMb;
  }

  /**
   * Kills the instance if the invocation it runs is past its deadline. Called by the pool's
   * watchdog every few tens of milliseconds, rather than arming a timer per invocation.
   */
  void enforceDeadline(long nowNanos) {
    long deadline = deadlineNanos;
    if (deadline != 0 && nowNanos - deadline > 0) {
      kill(KillReason.TIMEOUT);
    }
  }

  /** Kills the instance if it uses more memory than its function's memory size. */
  void enforceMemoryLimit() {
    long kb = ProcessMemory.residentKb(process.pid());
    if (kb > (long) spec.memoryMb() * 1024 && killReason == null) {
      log.warn(
          "Instance over its memory size: killed",
          "app",
          spec.app(),
          "function",
          spec.function(),
          "instance",
          id,
          "residentMb",
          kb / 1024,
          "memoryMb",
          spec.memoryMb());
      kill(KillReason.OUT_OF_MEMORY);
    }
  }

  /** A description for the admin API. */
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("pid", process.pid());
    d.put("function", spec.function());
    d.put("version", spec.version());
    d.put("busy", busy);
    d.put("initDurationMs", Math.round(initMillis * 100) / 100.0);
    d.put("idleMs", busy ? 0 : (System.nanoTime() - lastUsedNanos) / 1_000_000);
    return d;
  }
}
