package io.skyhop.runtime.exec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The instances of one function of one app version. Lends an idle instance, or starts one (a cold
 * start) while fewer than {@code maxConcurrency} exist, or makes the caller wait briefly for one to
 * be free; stops instances idle for too long (scale to zero). Idle instances are reused last in,
 * first out, so surplus ones go idle and stop.
 */
public final class InstancePool {
  private final WorkerSpec spec;
  private final int maxConcurrency;
  private final WorkerLauncher launcher;
  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<Instance> idle = new ArrayDeque<>();
  private final Deque<Waiter> waiters = new ArrayDeque<>();
  private final List<Instance> all = new CopyOnWriteArrayList<>();
  private final AtomicInteger inflight = new AtomicInteger();
  private int live;
  private boolean retired;

  /** A pool starting instances of {@code spec} with {@code launcher}. */
  public InstancePool(WorkerSpec spec, int maxConcurrency, WorkerLauncher launcher) {
    this.spec = spec;
    this.maxConcurrency = maxConcurrency;
    this.launcher = launcher;
  }

  /**
   * An instance for one invocation: an idle one, or a new one. Callers that find none wait in
   * arrival order; each instance that becomes free (or each slot, when one dies) goes to the
   * longest waiting caller, so latency under load stays bounded by the queue, not by luck.
   *
   * @param waitMillis how long to wait for a free instance at maximum concurrency
   * @throws InstanceFailure {@code THROTTLED} after the wait, {@code START_FAILED} if a new
   *     instance did not start
   */
  public Lease acquire(long waitMillis) throws InstanceFailure, InterruptedException {
    lock.lock();
    try {
      if (waiters.isEmpty()) {
        Instance instance = takeIdleLocked();
        if (instance != null) {
          return new Lease(instance, false);
        }
      }
      if (!waiters.isEmpty() || live >= maxConcurrency) {
        Waiter w = await(TimeUnit.MILLISECONDS.toNanos(waitMillis), waitMillis);
        if (w.instance != null) {
          return new Lease(w.instance, false);
        }
      } else {
        live++;
      }
    } finally {
      lock.unlock();
    }
    return startNew();
  }

  /** Queues the caller until it is given an instance or a slot; under the lock. */
  private Waiter await(long nanos, long waitMillis) throws InstanceFailure, InterruptedException {
    Waiter w = new Waiter(lock.newCondition());
    waiters.addLast(w);
    long remaining = nanos;
    try {
      while (w.instance == null && !w.slot) {
        if (remaining <= 0) {
          waiters.remove(w);
          throw new InstanceFailure(
              InstanceFailure.Kind.THROTTLED,
              "Too many requests: "
                  + spec.qualifiedName()
                  + " runs at its maximum concurrency of "
                  + maxConcurrency
                  + " and no instance was free within "
                  + waitMillis
                  + " ms");
        }
        remaining = w.ready.awaitNanos(remaining);
      }
      return w;
    } catch (InterruptedException e) {
      waiters.remove(w);
      if (w.instance != null) {
        idle.addLast(w.instance);
      } else if (w.slot) {
        live--;
      }
      handOffLocked();
      throw e;
    }
  }

  /** Starts an instance in a slot already counted in {@code live}. */
  private Lease startNew() throws InstanceFailure {
    Instance fresh;
    try {
      fresh = launcher.start(spec);
    } catch (InstanceFailure | RuntimeException e) {
      lock.lock();
      try {
        live--;
        handOffLocked();
      } finally {
        lock.unlock();
      }
      throw e;
    }
    all.add(fresh);
    fresh.process().onExit().thenRun(() -> forget(fresh));
    return new Lease(fresh, fresh.startedProcess());
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

  /** Gives free instances, then free slots, to the waiting callers in order; under the lock. */
  private void handOffLocked() {
    while (!waiters.isEmpty()) {
      Instance instance = takeIdleLocked();
      if (instance != null) {
        Waiter w = waiters.pollFirst();
        w.instance = instance;
        w.ready.signal();
      } else if (live < maxConcurrency) {
        live++;
        Waiter w = waiters.pollFirst();
        w.slot = true;
        w.ready.signal();
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
      lock.unlock();
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
      lock.unlock();
    }
  }

  private void forgetLocked(Instance instance) {
    if (instance.forget()) {
      live--;
      all.remove(instance);
      handOffLocked();
    }
  }

  /** Stops instances idle for longer than {@code idleNanos}; returns how many. */
  public int stopIdle(long idleNanos) {
    List<Instance> stale = new ArrayList<>();
    long now = System.nanoTime();
    lock.lock();
    try {
      for (Instance i : List.copyOf(idle)) {
        if (now - i.lastUsedNanos() > idleNanos) {
          idle.remove(i);
          forgetLocked(i);
          stale.add(i);
        }
      }
    } finally {
      lock.unlock();
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

  /** Kills instances whose invocation ran past its timeout. */
  public void enforceDeadlines() {
    long now = System.nanoTime();
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
      lock.unlock();
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

  /** A caller waiting for an instance, given one (or a slot to start one) by another thread. */
  private static final class Waiter {
    final Condition ready;
    Instance instance;
    boolean slot;

    Waiter(Condition ready) {
      this.ready = ready;
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
