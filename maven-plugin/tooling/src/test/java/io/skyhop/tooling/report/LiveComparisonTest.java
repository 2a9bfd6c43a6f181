package io.skyhop.tooling.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.tooling.report.provider.ProviderMeasurementException;
import io.skyhop.tooling.report.provider.TargetStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code skyhop.measure} over several targets: one column per target, the failed one shown with its
 * reason, and the goal's failure naming it (on {@link RenderingTest}'s fixed report).
 */
class LiveComparisonTest {
  private static final List<TargetStatus> STATUSES =
      List.of(
          new TargetStatus("aws", false, "measured, 2 forced cold starts a function"),
          new TargetStatus("second", true, "FAILED: HTTP 403 Forbidden | denied"),
          new TargetStatus("local", false, "deployed; cold starts cannot be forced there"));

  @Test
  void oneColumnPerTargetWithTheProviderFiguresNextToTheLocalLabs() {
    assertThat(LiveComparison.markdown(RenderingTest.report(), STATUSES))
        .isEqualTo(
            """

            ## Measured on the providers, side by side

            | target | aws | second | local |
            |---|---|---|---|
            | status | measured, 2 forced cold starts a function | FAILED: HTTP 403 Forbidden \\| \
            denied | deployed; cold starts cannot be forced there |
            | get: cold p50, provider | 790 ms | - | - |
            | get: cold p50, local lab | 412 ms | - | 250 ms |
            | get: warm p50, provider | 3.0 ms | - | - |
            | get: $/month, provider | $0.00 | - | - |
            """);
  }

  @Test
  void nothingMeasuredOnAProviderNoSection() {
    assertThat(LiveComparison.markdown(RenderingTest.report(), List.of())).isEmpty();
  }

  @Test
  void theGoalFailsNamingEachFailedTargetWithItsReason() {
    assertThat(
            new ProviderMeasurementException(
                    List.of(STATUSES.get(1)), 3, Path.of("target/skyhop/report.md"))
                .getMessage())
        .isEqualTo(
            "skyhop.measure failed on second (1 of 3 targets of skyhop.targets):\n"
                + "  second: FAILED: HTTP 403 Forbidden | denied\n"
                + "The other targets are in target/skyhop/report.md. Fix: correct what failed,"
                + " then measure again with -Dskyhop.targets=second");
  }
}
