package io.skyhop.tooling.report.provider;

/** Waits between polls of a provider; tests pass one that does not wait. */
@FunctionalInterface
public interface Pause {
  /** Waits about {@code millis}. */
  void pause(long millis) throws InterruptedException;

  /** The real pause. */
  static Pause sleeping() {
    return Thread::sleep;
  }
}
