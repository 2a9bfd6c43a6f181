package io.skyhop.runtime.exec;

/** An invocation did not get an answer from its instance; the kind says why. */
public final class InstanceFailure extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why an instance gave no answer. */
  public enum Kind {
    /** The request never reached the worker (it had already exited): safe to retry elsewhere. */
    NOT_DELIVERED,
    /** A worker could not start (bad bundle, JVM error, init past its limit). */
    START_FAILED,
    /** No instance was free within the queue wait, at the function's maximum concurrency. */
    THROTTLED,
    /** The function ran past its timeout: the instance was killed. */
    TIMEOUT,
    /** The instance used more memory than the function's memory size: it was killed. */
    OUT_OF_MEMORY,
    /** The worker process exited (crash, kill, out of heap) during the invocation. */
    CRASHED
  }

  private final Kind kind;

  /** A failure of the given kind. */
  public InstanceFailure(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** Why. */
  public Kind kind() {
    return kind;
  }
}
