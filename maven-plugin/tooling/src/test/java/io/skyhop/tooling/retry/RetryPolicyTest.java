package io.skyhop.tooling.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final List<Duration> pauses = new ArrayList<>();

  @Test
  void aTimeBoundPolicyDoublesUpToTheMaxUntilTheBudgetIsSpent() throws Exception {
    RetryPolicy.Attempts attempts =
        RetryPolicy.forTime(
                Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(10), pauses::add)
            .start();
    while (!attempts.exhausted()) {
      attempts.pause();
    }

    assertThat(pauses)
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(4));
    assertThat(attempts.slept()).isEqualTo(Duration.ofSeconds(11));
    assertThat(attempts.made()).isEqualTo(5);
  }

  @Test
  void anAttemptBoundPolicyStopsAfterItsAttempts() throws Exception {
    RetryPolicy.Attempts attempts =
        RetryPolicy.forAttempts(Duration.ofMillis(100), 3, pauses::add).start();
    while (!attempts.exhausted()) {
      attempts.pause();
    }

    assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(attempts.made()).isEqualTo(3);
  }

  @Test
  void boundsAreChecked() {
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO, 1, d -> {}))
        .hasMessage("A retry policy needs 0 <= first <= max, budget >= 0 and maxAttempts >= 1");
  }
}
