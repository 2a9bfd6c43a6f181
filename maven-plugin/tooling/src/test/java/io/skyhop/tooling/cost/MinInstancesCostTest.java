package io.skyhop.tooling.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of minimum instances, to the cent (the arithmetic is in docs/levers.md): a month
 * of 730 hours, built-in list prices of 2026-11.
 */
class MinInstancesCostTest {
  private final CostModel model = new CostModel(PriceTable.builtIn());

  private static BigDecimal cents(BigDecimal usd) {
    return usd.setScale(2, RoundingMode.HALF_UP);
  }

  @Test
  void lambdaProvisionedConcurrencyOfOneAt512MbAnd10MillionInvocations() {
    // 1% cold starts of 900 ms init without; all warm with one provisioned instance
    Profile profile =
        Profile.of(512, 100).withInvocationsPerMonth(10_000_000).withColdStarts(0.01, 900);

    MinInstancesCost cost = MinInstancesCost.of(model, Plan.AWS_X86_64, profile, 1);

    // without: 9M paid requests x $0.20/M = 1.80; (545,000 - 400,000 free) GB-s x 0.0000166667
    assertThat(cents(cost.without().totalUsd())).isEqualByComparingTo("4.22");
    // idle: 1 x 2,628,000 s x 0.5 GB x 0.0000041667 = 5.4750438
    assertThat(cost.idleUsd()).isEqualByComparingTo("5.4750438");
    // with: 1.80 + 5.4750438 + 500,000 GB-s x 0.0000097222 (4.8611), no free tier on compute
    assertThat(cost.with().requestsUsd()).isEqualByComparingTo("1.80");
    assertThat(cents(cost.with().totalUsd())).isEqualByComparingTo("12.14");
  }

  @Test
  void arm64ProvisionedConcurrencyIsPricedWithGravitonRates() {
    Profile profile = Profile.of(512, 100).withInvocationsPerMonth(10_000_000);

    MinInstancesCost cost = MinInstancesCost.of(model, Plan.AWS_ARM64, profile, 1);

    // idle 1,314,000 GB-s x 0.0000033334 = 4.3800876; executing 500,000 x 0.0000077778 = 3.8889
    assertThat(cents(cost.with().totalUsd())).isEqualByComparingTo("10.07");
  }

  @Test
  void azureFlexOneAlwaysReadyInstanceOf2GbAtAMillionExecutions() {
    Profile profile = Profile.of(512, 100);

    MinInstancesCost cost = MinInstancesCost.of(model, Plan.AZURE_FLEX, profile, 1);

    // without: 750,000 paid x $0.40/M = 0.30; (2,000,000 - 100,000) GB-s x 0.000026 = 49.40
    assertThat(cents(cost.without().totalUsd())).isEqualByComparingTo("49.70");
    // with: 2,628,000 x 2 GB x 0.000004 = 21.024 + 2,000,000 x 0.000016 = 32 + 1M x 0.40/M
    assertThat(cost.idleUsd()).isEqualByComparingTo("21.024");
    assertThat(cents(cost.with().totalUsd())).isEqualByComparingTo("53.42");
  }

  @Test
  void cloudRunOneMinimumInstanceOf512MibAt10MillionRequests() {
    Profile profile = Profile.of(512, 100).withInvocationsPerMonth(10_000_000);

    MinInstancesCost cost = MinInstancesCost.of(model, Plan.GCP, profile, 1);

    // without: 3.20 requests + 153,000 vCPU-s x 0.000024 + 140,000 GiB-s x 0.0000025 = 7.222
    assertThat(cents(cost.without().totalUsd())).isEqualByComparingTo("7.22");
    // idle: 2,628,000 s x (0.5 GiB + 0.333 vCPU) x 0.0000025 = 5.47281
    assertThat(cost.idleUsd()).isEqualByComparingTo("5.47281");
    assertThat(cents(cost.with().totalUsd())).isEqualByComparingTo("12.69");
  }

  @Test
  void plansWithoutReadyInstancesSaySo() {
    assertThatThrownBy(
            () -> MinInstancesCost.of(model, Plan.AZURE_CONSUMPTION, Profile.of(512, 100), 1))
        .hasMessage(
            "azure-consumption has no always-ready instances; minInstances needs Flex Consumption"
                + " (azure-flex)");
  }
}
