package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.retry.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * Bounded waiting with exponential backoff: polls a state until it is reached, or repeats a call
 * that AWS refused for now (a conflict while an update runs, a role IAM has not propagated yet).
 */
final class Pacer {
  private final RetryPolicy policy;
  private final Duration first;
  private final Duration max;
  private final Duration budget;

  /**
   * A pacer.
   *
   * @param first the first pause
   * @param max the longest pause
   * @param budget the total pause after which it gives up
   * @param sleeper how to pause
   */
  Pacer(Duration first, Duration max, Duration budget, RetryPolicy.Sleeper sleeper) {
    this.policy = RetryPolicy.forTime(first, max, budget, sleeper);
    this.first = first;
    this.max = max;
    this.budget = budget;
  }

  /**
   * The same timing for the AWS SDK's waiters ({@link LambdaWaits}): exponential backoff from the
   * first to the longest pause, given up after the budget.
   */
  WaiterOverrideConfiguration waiterTiming() {
    return WaiterOverrideConfiguration.builder()
        .backoffStrategyV2(BackoffStrategy.exponentialDelayWithoutJitter(first, max))
        .waitTimeout(budget)
        .maxAttempts((int) Math.min(100_000, budget.toMillis() / Math.max(1, first.toMillis()) + 1))
        .build();
  }

  /** The error when waiting for {@code what} took the whole budget. */
  AwsDeployException gaveUp(String what, Throwable cause) {
    return new AwsDeployException(
        what,
        "",
        "Gave up waiting for "
            + what
            + " after "
            + budget.toSeconds()
            + " s. Fix: look at the resource in the AWS console, then re-run",
        cause);
  }

  /** The pacer of a deploy: 250 ms doubling to 5 s, at most 10 minutes. */
  static Pacer standard() {
    return new Pacer(
        Duration.ofMillis(250),
        Duration.ofSeconds(5),
        Duration.ofMinutes(10),
        RetryPolicy.Sleeper.THREAD);
  }

  /**
   * Calls {@code attempt} until it returns a value, pausing in between.
   *
   * @param what what is awaited, for the timeout message
   * @throws AwsDeployException when the budget is spent
   */
  <T> T until(String what, Supplier<Optional<T>> attempt) {
    RetryPolicy.Attempts attempts = policy.start();
    while (true) {
      Optional<T> result = attempt.get();
      if (result.isPresent()) {
        return result.get();
      }
      if (attempts.exhausted()) {
        throw new AwsDeployException(
            what,
            "",
            "Gave up waiting for "
                + what
                + " after "
                + attempts.slept().toSeconds()
                + " s. Fix: look at the resource in the AWS console, then re-run",
            null);
      }
      pause(attempts);
    }
  }

  /**
   * Repeats {@code call} while it fails with an error that {@code retryable} accepts, pausing in
   * between.
   *
   * @throws AwsDeployException the last error when the budget is spent, or any other error
   */
  <T> T repeatWhile(Predicate<AwsDeployException> retryable, Supplier<T> call) {
    RetryPolicy.Attempts attempts = policy.start();
    while (true) {
      try {
        return call.get();
      } catch (AwsDeployException e) {
        if (!retryable.test(e)) {
          throw e;
        }
        if (attempts.exhausted()) {
          throw new AwsDeployException(
              e.call(),
              e.errorCode(),
              "Still failing after retrying for "
                  + attempts.slept().toSeconds()
                  + " s: "
                  + e.getMessage(),
              e);
        }
      }
      pause(attempts);
    }
  }

  private static void pause(RetryPolicy.Attempts attempts) {
    try {
      attempts.pause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting", e);
    }
  }
}
