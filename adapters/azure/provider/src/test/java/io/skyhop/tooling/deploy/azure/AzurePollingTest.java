package io.skyhop.tooling.deploy.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzurePollingTest {
  @Test
  void withoutTheSettingPollsEveryTwoSeconds() {
    assertThat(Polling.standard().with(new Settings(Map.of()))).isEqualTo(Polling.standard());
  }

  @Test
  void theSettingSetsThePauseWithinTheSameBudget() {
    Polling fast = Polling.standard().with(new Settings(Map.of("skyhop.azure.pollMillis", "20")));
    assertThat(fast.interval()).isEqualTo(Duration.ofMillis(20));
    assertThat(fast.budget()).isEqualTo(Duration.ofMinutes(10));
    assertThat(fast.maxPolls()).isEqualTo(30_000);
  }

  @Test
  void aBadValueNamesTheSettingAndTheFix() {
    assertThatThrownBy(
            () -> Polling.standard().with(new Settings(Map.of("skyhop.azure.pollMillis", "0"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.azure.pollMillis = '0' is not a pause between 1 and 60000 milliseconds."
                + " Fix: set -Dskyhop.azure.pollMillis=<milliseconds>, or leave it unset for 2000");
  }
}
