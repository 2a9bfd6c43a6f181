package io.skyhop.tooling.deploy.azure;

import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.retry.RetryPolicy;
import java.time.Duration;

/**
 * How often and how long to poll ARM long-running operations and Kudu deployments.
 *
 * @param interval the pause between polls
 * @param budget the total wait after which the deploy fails
 * @param sleeper how to pause (tests pass one that does not sleep)
 */
record Polling(Duration interval, Duration budget, RetryPolicy.Sleeper sleeper) {
  /** The pause between polls, in milliseconds (tests set a few). */
  static final String POLL_MILLIS = "skyhop.azure.pollMillis";

  /** 2 s between polls, at most 10 minutes. */
  static Polling standard() {
    return new Polling(Duration.ofSeconds(2), Duration.ofMinutes(10), RetryPolicy.Sleeper.THREAD);
  }

  /** This polling, or with {@value #POLL_MILLIS} set: that pause, within the same budget. */
  Polling with(Settings settings) {
    return settings
        .millis(POLL_MILLIS, interval.toMillis())
        .map(pause -> new Polling(pause, budget, sleeper))
        .orElse(this);
  }

  /** The number of polls the budget allows. */
  long maxPolls() {
    return Math.max(1, budget.toMillis() / Math.max(1, interval.toMillis()));
  }

  /** Pauses once. */
  void pause(String what) {
    try {
      sleeper.sleep(interval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AzureDeployException(what, 0, "", what + " was interrupted", e);
    }
  }
}
