package io.skyhop.tooling.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportSettingsTest {
  private static final Path BASE = Path.of(".").toAbsolutePath();

  @Test
  void defaults() {
    ReportSettings s = ReportSettings.of(Map.of(), BASE);
    assertThat(s.targets())
        .containsExactly(
            Target.named("aws"), Target.named("azure"), Target.named("gcp"), Target.named("local"));
    assertThat(s.samples()).isEqualTo(5);
    assertThat(s.warmInvocations()).isEqualTo(50);
    assertThat(s.invocationsPerMonth()).isEqualTo(1_000_000L);
    assertThat(s.coldStartRatio()).isEqualTo(0.01);
    assertThat(s.serverUsdPerMonth()).isEmpty();
    assertThat(s.prices()).isEmpty();
    assertThat(s.whatIf()).isFalse();
    assertThat(s.measure()).isZero();
    assertThat(s.tracing()).isTrue();
  }

  @Test
  void tracingOnBesideOffCanBeSkipped() {
    assertThat(ReportSettings.of(Map.of("skyhop.report.tracing", "false"), BASE).tracing())
        .isFalse();
    assertThatThrownBy(() -> ReportSettings.of(Map.of("skyhop.report.tracing", "no"), BASE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.report.tracing = 'no' is not true or false. Fix: pass"
                + " -Dskyhop.report.tracing=false to skip the tracing-on measurement, or leave it"
                + " out");
  }

  @Test
  void readsEverySetting() {
    ReportSettings s =
        ReportSettings.of(
            Map.of(
                "skyhop.targets", "gcp,local",
                "skyhop.samples", "3",
                "skyhop.warmInvocations", "20",
                "skyhop.invocationsPerMonth", "25_000_000",
                "skyhop.coldStartRatio", "0.05",
                "skyhop.serverUsdPerMonth", "24.53",
                "skyhop.durationMs", "120",
                "skyhop.memoryMb", "1024",
                "skyhop.measure", "4"),
            BASE);
    assertThat(s.targets()).isEqualTo(List.of(Target.named("gcp"), Target.named("local")));
    assertThat(s.invocationsPerMonth()).isEqualTo(25_000_000L);
    assertThat(s.serverUsdPerMonth()).contains(new BigDecimal("24.53"));
    assertThat(s.whatIf()).isTrue();
    assertThat(s.whatIfDurationMs().getAsDouble()).isEqualTo(120);
    assertThat(s.whatIfMemoryMb().getAsInt()).isEqualTo(1024);
    assertThat(s.measure()).isEqualTo(4);
    assertThat(s.describe())
        .containsEntry("durationMs", 120.0)
        .containsEntry("memoryMb", 1024)
        .doesNotContainKey("samples");
  }

  @Test
  void badValuesNameTheSettingAndTheFix() {
    assertThatThrownBy(() -> ReportSettings.of(Map.of("skyhop.samples", "0"), BASE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.samples = '0' is not a whole number from 1 to 100. Fix: pass e.g."
                + " -Dskyhop.samples=5");
    assertThatThrownBy(() -> ReportSettings.of(Map.of("skyhop.coldStartRatio", "lots"), BASE))
        .hasMessage(
            "skyhop.coldStartRatio = 'lots' is not a number from 0 to 1. Fix: pass a"
                + " decimal such as -Dskyhop.coldStartRatio=0.5");
    assertThatThrownBy(() -> ReportSettings.of(Map.of("skyhop.durationMs", "120"), BASE))
        .hasMessage(
            "skyhop.memoryMb is not set, but skyhop.durationMs is: a what-if needs both."
                + " Fix: pass -Dskyhop.memoryMb=… too (e.g. -Dskyhop.durationMs=120"
                + " -Dskyhop.memoryMb=512), or neither to measure");
    assertThatThrownBy(() -> ReportSettings.of(Map.of("skyhop.targets", "aws,knative"), BASE))
        .hasMessage(
            "skyhop.targets = 'aws,knative' names knative, which the report cannot"
                + " measure on this machine (it runs the in-house runtime, measured as local). Fix:"
                + " leave knative out of skyhop.targets");
    assertThatThrownBy(() -> ReportSettings.of(Map.of("skyhop.prices", "no-such.json"), BASE))
        .hasMessage(
            "skyhop.prices = 'no-such.json' is not a readable file ("
                + BASE.resolve("no-such.json").normalize()
                + "). Fix: give the path of a price table file in the built-in table's format,"
                + " relative to the project directory or absolute");
  }
}
