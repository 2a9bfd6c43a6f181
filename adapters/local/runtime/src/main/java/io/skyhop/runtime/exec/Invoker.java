package io.skyhop.runtime.exec;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs invocations on a function's pool: takes an instance, sends the payload, gives the instance
 * back (or discards it when it failed), and tells the listener. A request that never reached its
 * instance (the worker had just exited) is retried on another one, so only invocations that were
 * running on a failed instance fail.
 */
public final class Invoker {
  private static final int DELIVERY_ATTEMPTS = 3;

  private final long queueWaitMillis;
  private final InvocationListener listener;

  /**
   * An invoker.
   *
   * @param queueWaitMillis how long a request waits for a free instance before it is throttled
   */
  public Invoker(long queueWaitMillis, InvocationListener listener) {
    this.queueWaitMillis = queueWaitMillis;
    this.listener = listener;
  }

  /** Invokes the pool's function with a fresh request id. */
  public Outcome invoke(InstancePool pool, Payload payload) {
    return invoke(pool, payload, requestId());
  }

  /**
   * A fresh request id: a random version-4 UUID from the calling thread's generator. Ids name
   * invocations in logs and answers and guard nothing, so they need no {@code SecureRandom}, whose
   * shared lock and digest every request would otherwise pay for.
   */
  public static String requestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** Invokes the pool's function. Never throws: every failure is an {@link Outcome}. */
  public Outcome invoke(InstancePool pool, Payload payload, String requestId) {
    pool.enter();
    try {
      Outcome outcome = attempt(pool, payload, requestId);
      listener.finished(pool.spec(), payload.trigger(), outcome);
      return outcome;
    } finally {
      pool.exit();
    }
  }

  private Outcome attempt(InstancePool pool, Payload payload, String requestId) {
    for (int attempt = 1; ; attempt++) {
      InstancePool.Lease lease;
      try {
        lease = pool.acquire(queueWaitMillis);
      } catch (InstanceFailure e) {
        return failed(requestId, e, 0, null, -1, null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failed(
            requestId,
            new InstanceFailure(InstanceFailure.Kind.START_FAILED, "interrupted"),
            0,
            null,
            -1,
            null);
      }
      Instance instance = lease.instance();
      Double init = lease.cold() ? instance.initMillis() : null;
      long deadline = System.currentTimeMillis() + pool.spec().timeoutSeconds() * 1000L;
      long start = System.nanoTime();
      try {
        WorkerResult result = instance.invoke(requestId, deadline, payload);
        double duration = (System.nanoTime() - start) / 1e6;
        long memory = instance.maxMemoryUsedMb();
        pool.release(instance);
        if (result instanceof WorkerResult.Failed failed) {
          return new Outcome(
              requestId,
              Outcome.Status.FUNCTION_ERROR,
              result,
              failed.reason(),
              duration,
              init,
              memory,
              instance.id());
        }
        return new Outcome(
            requestId, Outcome.Status.OK, result, null, duration, init, memory, instance.id());
      } catch (InstanceFailure e) {
        double duration = (System.nanoTime() - start) / 1e6;
        pool.discard(instance);
        if (e.kind() == InstanceFailure.Kind.NOT_DELIVERED && attempt < DELIVERY_ATTEMPTS) {
          continue;
        }
        return failed(requestId, e, duration, init, -1, instance.id());
      } catch (RuntimeException | Error e) {
        // whatever went wrong here (even the runtime's own out-of-memory), the slot is returned
        // and the instance, whose stream is in an unknown state, is killed
        pool.discard(instance);
        return failed(
            requestId,
            new InstanceFailure(
                InstanceFailure.Kind.CRASHED, "The runtime failed while serving the call: " + e),
            (System.nanoTime() - start) / 1e6,
            init,
            -1,
            instance.id());
      }
    }
  }

  private static Outcome failed(
      String requestId,
      InstanceFailure e,
      double duration,
      Double init,
      long memory,
      String instanceId) {
    Outcome.Status status =
        switch (e.kind()) {
          case THROTTLED -> Outcome.Status.THROTTLED;
          case TIMEOUT -> Outcome.Status.TIMEOUT;
          case OUT_OF_MEMORY -> Outcome.Status.OUT_OF_MEMORY;
          case START_FAILED -> Outcome.Status.START_FAILED;
          case CRASHED, NOT_DELIVERED -> Outcome.Status.CRASHED;
        };
    return new Outcome(requestId, status, null, e.getMessage(), duration, init, memory, instanceId);
  }
}
