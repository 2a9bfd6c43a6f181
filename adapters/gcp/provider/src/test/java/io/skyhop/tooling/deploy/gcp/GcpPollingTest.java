package io.skyhop.tooling.deploy.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GcpPollingTest {
  @Test
  void withoutTheSettingPollsAsInProduction() {
    assertThat(GcpApi.Polling.standard().with(new Settings(Map.of())))
        .isEqualTo(GcpApi.Polling.standard());
  }

  @Test
  void theSettingSetsTheFirstPauseAndTenTimesItAsTheLongest() {
    assertThat(GcpApi.Polling.standard().with(new Settings(Map.of("skyhop.gcp.pollMillis", "20"))))
        .isEqualTo(
            new GcpApi.Polling(
                Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMinutes(20)));
  }

  @Test
  void aBadValueNamesTheSettingAndTheFix() {
    assertThatThrownBy(
            () ->
                GcpApi.Polling.standard()
                    .with(new Settings(Map.of("skyhop.gcp.pollMillis", "soon"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.gcp.pollMillis = 'soon' is not a pause between 1 and 60000 milliseconds."
                + " Fix: set -Dskyhop.gcp.pollMillis=<milliseconds>, or leave it unset for 1000");
  }
}
