package io.skyhop.runtime.exec;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
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

  /**
   * Invokes the pool's function and waits for the outcome. Never throws for a failure of the
   * function or its instance: every such failure is an {@link Outcome}.
   */
  public Outcome invoke(InstancePool pool, Payload payload, String requestId) {
    try {
      return invokeAsync(pool, payload, requestId).get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      // the caller stops waiting (a consumer shutting down); the call still ends on its own
      Thread.currentThread().interrupt();
      return failed(
          requestId,
          new InstanceFailure(InstanceFailure.Kind.START_FAILED, "interrupted"),
          0,
          null,
          -1,
          null);
    }
  }

  /**
   * Invokes the pool's function without waiting: no thread is held while the instance runs. The
   * outcome completes on the thread that reads the worker's answer (or the one that gave this call
   * an instance, or the one that found it failed), after the listener saw it. It fails only when
   * the listener throws.
   */
  public CompletableFuture<Outcome> invokeAsync(
      InstancePool pool, Payload payload, String requestId) {
    pool.enter();
    CompletableFuture<Outcome> done = new CompletableFuture<>();
    attempt(pool, payload, requestId, 1, done);
    return done;
  }

  private void attempt(
      InstancePool pool,
      Payload payload,
      String requestId,
      int attempt,
      CompletableFuture<Outcome> done) {
    pool.acquire(queueWaitMillis)
        .whenComplete(
            (lease, e) -> {
              if (e != null) {
                finish(pool, payload, failed(requestId, failure(e), 0, null, -1, null), done);
              } else {
                run(pool, payload, requestId, attempt, lease, done);
              }
            });
  }

  private void run(
      InstancePool pool,
      Payload payload,
      String requestId,
      int attempt,
      InstancePool.Lease lease,
      CompletableFuture<Outcome> done) {
    Instance instance = lease.instance();
    Double init = lease.cold() ? instance.initMillis() : null;
    long deadline = System.currentTimeMillis() + pool.spec().timeoutSeconds() * 1000L;
    long start = System.nanoTime();
    CompletableFuture<WorkerResult> answer;
    try {
      answer = instance.invoke(requestId, deadline, payload);
    } catch (RuntimeException | Error e) {
      answer = CompletableFuture.failedFuture(e);
    }
    answer.whenComplete(
        (result, e) -> {
          double duration = (System.nanoTime() - start) / 1e6;
          if (e == null) {
            long memory = instance.maxMemoryUsedMb();
            pool.release(instance);
            Outcome.Status status =
                result instanceof WorkerResult.Failed
                    ? Outcome.Status.FUNCTION_ERROR
                    : Outcome.Status.OK;
            String reason = result instanceof WorkerResult.Failed failed ? failed.reason() : null;
            finish(
                pool,
                payload,
                new Outcome(
                    requestId, status, result, reason, duration, init, memory, instance.id()),
                done);
            return;
          }
          // whatever went wrong (even the runtime's own out-of-memory), the slot is returned and
          // the instance, whose stream is in an unknown state, is killed
          pool.discard(instance);
          InstanceFailure failure = failure(e);
          if (failure.kind() == InstanceFailure.Kind.NOT_DELIVERED && attempt < DELIVERY_ATTEMPTS) {
            attempt(pool, payload, requestId, attempt + 1, done);
            return;
          }
          finish(
              pool, payload, failed(requestId, failure, duration, init, -1, instance.id()), done);
        });
  }

  /** Tells the listener, ends the call on the pool, completes it. */
  private void finish(
      InstancePool pool, Payload payload, Outcome outcome, CompletableFuture<Outcome> done) {
    try {
      listener.finished(pool.spec(), payload.trigger(), outcome);
    } catch (RuntimeException | Error e) {
      pool.exit();
      done.completeExceptionally(e);
      return;
    }
    pool.exit();
    done.complete(outcome);
  }

  /** The instance failure behind {@code e}, or the runtime's own fault as a crash. */
  private static InstanceFailure failure(Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof InstanceFailure failure) {
      return failure;
    }
    return new InstanceFailure(
        InstanceFailure.Kind.CRASHED, "The runtime failed while serving the call: " + cause);
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
