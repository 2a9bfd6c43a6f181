package io.skyhop.tooling.deploy.aws;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Bounded waiting with exponential backoff: polls a state until it is reached, or repeats a call
 * that AWS refused for now (a conflict while an update runs, a role IAM has not propagated yet).
 */
final class Pacer {
  /** Sleeps; replaced in unit tests. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Duration first;
  private final Duration max;
  private final Duration budget;
  private final Sleeper sleeper;

  /**
   * A pacer.
   *
   * @param first the first pause
   * @param max the longest pause
   * @param budget the total pause after which it gives up
   * @param sleeper how to pause
   */
  Pacer(Duration first, Duration max, Duration budget, Sleeper sleeper) {
    this.first = first;
    this.max = max;
    this.budget = budget;
    this.sleeper = sleeper;
  }

  /** The pacer of a deploy: 250 ms doubling to 5 s, at most 10 minutes. */
  static Pacer standard() {
    return new Pacer(
        Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofMinutes(10), Pacer::sleep);
  }

  /**
   * Calls {@code attempt} until it returns a value, pausing in between.
   *
   * @param what what is awaited, for the timeout message
   * @throws AwsDeployException when the budget is spent
   */
  <T> T until(String what, Supplier<Optional<T>> attempt) {
    Duration pause = first;
    Duration slept = Duration.ZERO;
    while (true) {
      Optional<T> result = attempt.get();
      if (result.isPresent()) {
        return result.get();
      }
      if (slept.compareTo(budget) >= 0) {
        throw new AwsDeployException(
            what,
            "",
            "Gave up waiting for "
                + what
                + " after "
                + slept.toSeconds()
                + " s. Fix: look at the resource in the AWS console, then re-run",
            null);
      }
      pause(pause);
      slept = slept.plus(pause);
      pause = pause.multipliedBy(2).compareTo(max) > 0 ? max : pause.multipliedBy(2);
    }
  }

  /**
   * Repeats {@code call} while it fails with an error that {@code retryable} accepts, pausing in
   * between.
   *
   * @throws AwsDeployException the last error when the budget is spent, or any other error
   */
  <T> T repeatWhile(Predicate<AwsDeployException> retryable, Supplier<T> call) {
    Duration pause = first;
    Duration slept = Duration.ZERO;
    while (true) {
      try {
        return call.get();
      } catch (AwsDeployException e) {
        if (!retryable.test(e)) {
          throw e;
        }
        if (slept.compareTo(budget) >= 0) {
          throw new AwsDeployException(
              e.call(),
              e.errorCode(),
              "Still failing after retrying for " + slept.toSeconds() + " s: " + e.getMessage(),
              e);
        }
      }
      pause(pause);
      slept = slept.plus(pause);
      pause = pause.multipliedBy(2).compareTo(max) > 0 ? max : pause.multipliedBy(2);
    }
  }

  /** Sleeps the current thread. */
  static void sleep(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }

  private void pause(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting", e);
    }
  }
}
