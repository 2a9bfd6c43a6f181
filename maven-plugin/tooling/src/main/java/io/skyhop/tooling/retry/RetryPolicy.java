package io.skyhop.tooling.retry;

import java.time.Duration;

/**
 * The one retry and backoff policy of the engine: pauses starting at {@code first}, doubled up to
 * {@code max}, until {@code maxAttempts} attempts are made or {@code budget} is spent in pauses,
 * whichever comes first. Deployers, waits and log reads of every provider use it; what counts as
 * retryable, and the message when it gives up, stay with the caller.
 *
 * @param first the first pause
 * @param max the longest pause
 * @param budget the total pause after which the caller gives up
 * @param maxAttempts attempts in all, at least 1
 * @param sleeper how to pause (tests pass one that does not sleep)
 */
public record RetryPolicy(
    Duration first, Duration max, Duration budget, int maxAttempts, Sleeper sleeper) {
  /** No limit, for a policy bounded by the other one. */
  private static final Duration UNBOUNDED = Duration.ofDays(365);

  /** Pauses between attempts. */
  @FunctionalInterface
  public interface Sleeper {
    /** Sleeps the current thread. */
    Sleeper THREAD = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
  }

  /** Checks the bounds. */
  public RetryPolicy {
    if (first.isNegative() || max.compareTo(first) < 0 || budget.isNegative() || maxAttempts < 1) {
      throw new IllegalArgumentException(
          "A retry policy needs 0 <= first <= max, budget >= 0 and maxAttempts >= 1");
    }
  }

  /** Bounded by the time spent pausing: {@code first} doubled up to {@code max}, {@code budget}. */
  public static RetryPolicy forTime(
      Duration first, Duration max, Duration budget, Sleeper sleeper) {
    return new RetryPolicy(first, max, budget, Integer.MAX_VALUE, sleeper);
  }

  /** Bounded by attempts: {@code first}, doubled each time, {@code maxAttempts} in all. */
  public static RetryPolicy forAttempts(Duration first, int maxAttempts, Sleeper sleeper) {
    return new RetryPolicy(first, UNBOUNDED, UNBOUNDED, maxAttempts, sleeper);
  }

  /** The pause after {@code pause}: doubled, at most {@code max}. */
  public Duration after(Duration pause) {
    Duration doubled = pause.multipliedBy(2);
    return doubled.compareTo(max) > 0 ? max : doubled;
  }

  /** A fresh count of attempts and pauses, for one call. */
  public Attempts start() {
    return new Attempts(this);
  }

  /** The attempts of one call under the policy: made, paused so far, the next pause. */
  public static final class Attempts {
    private final RetryPolicy policy;
    private int made = 1;
    private Duration slept = Duration.ZERO;
    private Duration next;

    private Attempts(RetryPolicy policy) {
      this.policy = policy;
      this.next = policy.first();
    }

    /** Whether the policy allows no further attempt. */
    public boolean exhausted() {
      return made >= policy.maxAttempts() || slept.compareTo(policy.budget()) >= 0;
    }

    /** Attempts made so far, the current one included. */
    public int made() {
      return made;
    }

    /** The time paused so far. */
    public Duration slept() {
      return slept;
    }

    /** The pause before the next attempt. */
    public Duration next() {
      return next;
    }

    /** Pauses before the next attempt. */
    public void pause() throws InterruptedException {
      policy.sleeper().sleep(next);
      slept = slept.plus(next);
      next = policy.after(next);
      made++;
    }
  }
}
