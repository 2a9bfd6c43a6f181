package io.skyhop.tooling.deploy.azure;

import java.time.Duration;

/**
 * How long to wait out a 409 that says another operation or deployment is in progress: pauses
 * starting at {@code first}, doubled up to {@code max}, for at most {@code budget} in all.
 *
 * @param first the first pause
 * @param max the longest pause
 * @param budget the total pause after which the call fails
 * @param sleeper how to pause (tests pass one that does not sleep)
 */
record Backoff(Duration first, Duration max, Duration budget, Polling.Sleeper sleeper) {
  /**
   * 1 s doubling to 30 s, at most 10 minutes (a Kudu deployment or an ARM update can take that).
   */
  static Backoff standard() {
    return new Backoff(
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        d -> Thread.sleep(d.toMillis()));
  }

  /** The pause after {@code pause}. */
  Duration after(Duration pause) {
    Duration doubled = pause.multipliedBy(2);
    return doubled.compareTo(max) > 0 ? max : doubled;
  }

  /** Pauses once; an interrupt fails {@code call}. */
  void pause(String call, Duration pause) {
    try {
      sleeper.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AzureDeployException(call, 0, "", call + " was interrupted", e);
    }
  }
}
