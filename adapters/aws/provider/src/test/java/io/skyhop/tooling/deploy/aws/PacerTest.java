package io.skyhop.tooling.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PacerTest {
  private final List<Duration> pauses = new ArrayList<>();
  private final Pacer pacer =
      new Pacer(Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(3), pauses::add);

  @Test
  void pollsWithDoublingPausesUntilTheStateIsReached() {
    AtomicInteger polls = new AtomicInteger();
    String result =
        pacer.until(
            "x", () -> polls.incrementAndGet() < 4 ? Optional.empty() : Optional.of("Active"));
    assertThat(result).isEqualTo("Active");
    assertThat(pauses)
        .containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void givesUpWhenTheBudgetIsSpent() {
    assertThatThrownBy(() -> pacer.until("orders-get to become Active", Optional::empty))
        .isInstanceOf(AwsDeployException.class)
        .hasMessage(
            "Gave up waiting for orders-get to become Active after 3 s. Fix: look at the resource"
                + " in the AWS console, then re-run");
    assertThat(pauses).hasSize(5);
  }

  @Test
  void repeatsARetryableFailureThenReturns() {
    AtomicInteger calls = new AtomicInteger();
    String result =
        pacer.repeatWhile(
            LambdaFunctions::updateInProgress,
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw conflict();
              }
              return "ok";
            });
    assertThat(result).isEqualTo("ok");
    assertThat(calls).hasValue(3);
  }

  @Test
  void passesOtherFailuresOnAtOnce() {
    AwsDeployException other = new AwsDeployException("c", "ServiceException", "boom", null);
    assertThatThrownBy(
            () ->
                pacer.repeatWhile(
                    LambdaFunctions::updateInProgress,
                    () -> {
                      throw other;
                    }))
        .isSameAs(other);
    assertThat(pauses).isEmpty();
  }

  @Test
  void endsWithTheLastFailureWhenItNeverClears() {
    assertThatThrownBy(
            () ->
                pacer.repeatWhile(
                    LambdaFunctions::updateInProgress,
                    () -> {
                      throw conflict();
                    }))
        .isInstanceOf(AwsDeployException.class)
        .hasMessage("Still failing after retrying for 3 s: in progress");
  }

  private static AwsDeployException conflict() {
    return new AwsDeployException(
        "Lambda UpdateFunctionCode orders-get", "ResourceConflictException", "in progress", null);
  }
}
