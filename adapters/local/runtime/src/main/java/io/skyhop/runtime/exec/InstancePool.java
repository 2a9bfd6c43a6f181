package io.skyhop.runtime.exec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The instances of one function of one app version. Lends an idle instance, or starts one (a cold
 * start) while fewer than {@code maxConcurrency} exist, or makes the caller wait briefly for one to
 * be free; stops instances idle for too long (scale to zero), never below {@code minInstances}
 * ({@code @Function(minInstances)}: a warm pool, started by {@link #keepWarm} before the first
 * request and refilled after an idle stop, a crash or a deadline kill). Idle instances are reused
 * last in, first out, so surplus ones go idle and stop.
 */
public final class InstancePool {
  /** How long a warm pool waits before it starts again after a failed start. */
  static final long WARM_RETRY_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final WorkerSpec spec;
  private final int maxConcurrency;
  private final int minInstances;
  private final WorkerLauncher launcher;
  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<Instance> idle = new ArrayDeque<>();
  private final Deque<Waiter> waiters = new ArrayDeque<>();
  private final List<Runnable> grants = new ArrayList<>();
  private final List<Instance> all = new CopyOnWriteArrayList<>();
  private final AtomicInteger inflight = new AtomicInteger();
  private int live;
  private boolean retired;
  private long warmRetryNanos;

  /** A pool starting instances of {@code spec} with {@code launcher}, scaling to zero. */
  public InstancePool(WorkerSpec spec, int maxConcurrency, WorkerLauncher launcher) {
    this(spec, maxConcurrency, 0, launcher);
  }

  /**
   * A pool that keeps {@code minInstances} instances started (counted in {@code maxConcurrency}).
   */
  public InstancePool(
      WorkerSpec spec, int maxConcurrency, int minInstances, WorkerLauncher launcher) {
    this.spec = spec;
    this.maxConcurrency = maxConcurrency;
    this.minInstances = Math.min(minInstances, maxConcurrency);
    this.launcher = launcher;
    this.warmRetryNanos = System.nanoTime();
  }

  /**
   * Starts instances until {@code minInstances} exist (starting, busy or idle), on the launcher's
   * start threads; each goes idle, ready for a call that finds it warm. Nothing for a retired pool;
   * after a failed start, nothing for {@link #WARM_RETRY_NANOS} (a broken function does not restart
   * in a loop).
   *
   * @param failed told of each instance that did not start
   * @return how many instances it started
   */
  public int keepWarm(Consumer<Throwable> failed) {
    int missing;
    lock.lock();
    try {
      missing = minInstances - live;
      if (missing <= 0 || retired || System.nanoTime() - warmRetryNanos < 0) {
        return 0;
      }
      live += missing;
    } finally {
      unlockAndGrant();
    }
    for (int i = 0; i < missing; i++) {
      startNew()
          .whenComplete(
              (lease, e) -> {
                if (e == null) {
                  release(lease.instance());
                } else {
                  lock.lock();
                  try {
                    warmRetryNanos = System.nanoTime() + WARM_RETRY_NANOS;
                  } finally {
                    lock.unlock();
                  }
                  failed.accept(e.getCause() == null ? e : e.getCause());
                }
              });
    }
    return missing;
  }

  /** Idle instances ready for a call now. */
  public int warm() {
    lock.lock();
    try {
      return (int) idle.stream().filter(Instance::isAlive).count();
    } finally {
      lock.unlock();
    }
  }

  /** The instances kept started ({@code @Function(minInstances)}, at most the maximum). */
  public int minInstances() {
    return minInstances;
  }

  /**
   * An instance for one invocation: an idle one, or a new one. Callers that find none wait in
   * arrival order, without a thread: each instance that becomes free (or each slot, when one dies)
   * goes to the longest waiting caller, whose continuation runs on the thread that freed it, so
   * latency under load stays bounded by the queue, not by luck. A new instance starts on the
   * launcher's start threads.
   *
   * @param waitMillis how long to wait for a free instance at maximum concurrency
   * @return the lease, or a failure with an {@link InstanceFailure}: {@code THROTTLED} after the
   *     wait (noticed by {@link #enforceDeadlines}), {@code START_FAILED} if a new instance did not
   *     start
   */
  public CompletableFuture<Lease> acquire(long waitMillis) {
    Waiter w;
    lock.lock();
    try {
      if (waiters.isEmpty()) {
        Instance instance = takeIdleLocked();
        if (instance != null) {
          return CompletableFuture.completedFuture(new Lease(instance, false));
        }
      }
      if (waiters.isEmpty() && live < maxConcurrency) {
        live++;
        w = null;
      } else if (waitMillis <= 0) {
        return CompletableFuture.failedFuture(throttled(waitMillis));
      } else {
        w = new Waiter(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis), waitMillis);
        waiters.addLast(w);
      }
    } finally {
      unlockAndGrant();
    }
    return w == null ? startNew() : w.lease;
  }

  /**
   * Throttles the callers that waited longer than they may; called by {@link #enforceDeadlines}.
   */
  private void expireWaiters(long nowNanos) {
    List<Waiter> expired = new ArrayList<>();
    lock.lock();
    try {
      waiters.removeIf(
          w -> {
            boolean late = nowNanos - w.deadlineNanos > 0;
            if (late) {
              expired.add(w);
            }
            return late;
          });
    } finally {
      lock.unlock();
    }
    for (Waiter w : expired) {
      w.lease.completeExceptionally(throttled(w.waitMillis));
    }
  }

  private InstanceFailure throttled(long waitMillis) {
    return new InstanceFailure(
        InstanceFailure.Kind.THROTTLED,
        "Too many requests: "
            + spec.qualifiedName()
            + " runs at its maximum concurrency of "
            + maxConcurrency
            + " and no instance was free within "
            + waitMillis
            + " ms");
  }

  /** Starts an instance, on the launcher's start threads, in a slot already counted in live. */
  private CompletableFuture<Lease> startNew() {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return startNow();
          } catch (InstanceFailure e) {
            throw new CompletionException(e);
          }
        },
        launcher.starts());
  }

  private Lease startNow() throws InstanceFailure {
    Instance fresh;
    try {
      fresh = launcher.start(spec);
    } catch (InstanceFailure | RuntimeException e) {
      lock.lock();
      try {
        live--;
        handOffLocked();
      } finally {
        unlockAndGrant();
      }
      throw e;
    }
    all.add(fresh);
    fresh.process().onExit().thenRun(() -> forget(fresh));
    return new Lease(fresh, fresh.startedProcess());
  }

  /** Unlocks, then hands what {@link #handOffLocked} gave out to its waiters, outside the lock. */
  private void unlockAndGrant() {
    List<Runnable> now = grants.isEmpty() ? List.of() : List.copyOf(grants);
    grants.clear();
    lock.unlock();
    now.forEach(Runnable::run);
  }

  /** The most recently used idle instance that still runs, or null; under the lock. */
  private Instance takeIdleLocked() {
    Instance instance;
    while ((instance = idle.pollLast()) != null) {
      if (instance.isAlive()) {
        return instance;
      }
      if (instance.forget()) {
        live--;
        all.remove(instance);
      }
    }
    return null;
  }

  /**
   * Gives free instances, then free slots, to the waiting callers in order; under the lock. The
   * callers learn it at {@link #unlockAndGrant}.
   */
  private void handOffLocked() {
    while (!waiters.isEmpty()) {
      Instance instance = takeIdleLocked();
      if (instance != null) {
        Waiter w = waiters.pollFirst();
        grants.add(() -> w.lease.complete(new Lease(instance, false)));
      } else if (live < maxConcurrency) {
        live++;
        Waiter w = waiters.pollFirst();
        grants.add(
            () ->
                startNew()
                    .whenComplete(
                        (lease, e) -> {
                          if (e == null) {
                            w.lease.complete(lease);
                          } else {
                            w.lease.completeExceptionally(e);
                          }
                        }));
      } else {
        return;
      }
    }
  }

  /** Returns an instance after an invocation; a dead one is forgotten, a retired pool stops it. */
  public void release(Instance instance) {
    boolean stop = false;
    lock.lock();
    try {
      if (!instance.isAlive()) {
        forgetLocked(instance);
      } else if (!waiters.isEmpty() || !retired) {
        // a retired pool still serves the callers that were already waiting on it
        idle.addLast(instance);
        handOffLocked();
      } else {
        forgetLocked(instance);
        stop = true;
      }
    } finally {
      unlockAndGrant();
    }
    if (stop) {
      instance.stop();
    }
  }

  /** Kills an instance that failed and forgets it. */
  public void discard(Instance instance) {
    instance.kill(Instance.KillReason.STOPPED);
    forget(instance);
  }

  private void forget(Instance instance) {
    lock.lock();
    try {
      idle.remove(instance);
      forgetLocked(instance);
    } finally {
      unlockAndGrant();
    }
  }

  private void forgetLocked(Instance instance) {
    if (instance.forget()) {
      live--;
      all.remove(instance);
      handOffLocked();
    }
  }

  /**
   * Stops instances idle for longer than {@code idleNanos}, keeping {@code minInstances}; returns
   * how many.
   */
  public int stopIdle(long idleNanos) {
    List<Instance> stale = new ArrayList<>();
    long now = System.nanoTime();
    lock.lock();
    try {
      for (Instance i : List.copyOf(idle)) {
        if (live > minInstances && now - i.lastUsedNanos() > idleNanos) {
          idle.remove(i);
          forgetLocked(i);
          stale.add(i);
        }
      }
    } finally {
      unlockAndGrant();
    }
    stale.forEach(Instance::stop);
    return stale.size();
  }

  /** Kills busy instances over their memory size. */
  public void enforceMemoryLimits() {
    for (Instance i : all) {
      if (i.busy()) {
        i.enforceMemoryLimit();
      }
    }
  }

  /**
   * Kills instances whose invocation ran past its timeout; throttles callers that waited too long.
   */
  public void enforceDeadlines() {
    long now = System.nanoTime();
    expireWaiters(now);
    for (Instance i : all) {
      i.enforceDeadline(now);
    }
  }

  /** Stops idle instances now; busy ones stop when released. */
  public void retire() {
    List<Instance> stopping;
    lock.lock();
    try {
      retired = true;
      stopping = new ArrayList<>(idle);
      idle.clear();
      stopping.forEach(this::forgetLocked);
    } finally {
      unlockAndGrant();
    }
    stopping.forEach(Instance::stop);
  }

  /** Kills every instance (runtime shutdown). */
  public void killAll() {
    retire();
    all.forEach(i -> i.kill(Instance.KillReason.STOPPED));
  }

  /** An invocation begins (counted until {@link #exit()}, so retired versions are kept). */
  void enter() {
    inflight.incrementAndGet();
  }

  /** An invocation ended. */
  void exit() {
    inflight.decrementAndGet();
  }

  /** Whether nothing runs or waits here any more. */
  public boolean drained() {
    return inflight.get() == 0 && instances() == 0;
  }

  /** Instances starting, busy or idle. */
  public int instances() {
    lock.lock();
    try {
      return live;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the pool was retired (its version replaced or removed). */
  public boolean retired() {
    lock.lock();
    try {
      return retired;
    } finally {
      lock.unlock();
    }
  }

  /** The instances that run now. */
  public List<Instance> running() {
    return List.copyOf(all);
  }

  /** The function this pool serves. */
  public WorkerSpec spec() {
    return spec;
  }

  /** The maximum number of instances. */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /**
   * A caller waiting for an instance, given one (or a slot to start one) by another thread.
   *
   * @param deadlineNanos when it is throttled, {@link System#nanoTime()}
   */
  private record Waiter(long deadlineNanos, long waitMillis, CompletableFuture<Lease> lease) {
    Waiter(long deadlineNanos, long waitMillis) {
      this(deadlineNanos, waitMillis, new CompletableFuture<>());
    }
  }

  /**
   * An instance lent for one invocation.
   *
   * @param instance the instance
   * @param cold whether its process was started for this invocation
   */
  public record Lease(Instance instance, boolean cold) {}
}
