package io.skyhop.runtime.exec;

/**
 * Marks the front door's selector thread while it serves a call itself (a call without a body): on
 * it nothing may block, so an invocation is written to its worker only where that cannot block (a
 * shared worker with room in its pipe and its stream free, {@link Link#trySend}); anywhere else the
 * write moves to a thread of its own.
 */
public final class SelectorCalls {
  private static final ThreadLocal<Boolean> ON_SELECTOR = new ThreadLocal<>();

  private SelectorCalls() {}

  /** Runs {@code call} on this thread, marked as one that must not block. */
  public static void run(Runnable call) {
    ON_SELECTOR.set(Boolean.TRUE);
    try {
      call.run();
    } finally {
      ON_SELECTOR.remove();
    }
  }

  /** Whether this thread must not block. */
  static boolean mustNotBlock() {
    return ON_SELECTOR.get() == Boolean.TRUE;
  }
}
