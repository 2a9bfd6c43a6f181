package io.skyhop.tooling.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The cost model against figures computed by hand from the rules and prices of
 * shared/reference/pricing-and-cold-starts.md (the built-in table). Every expected amount is exact.
 */
class CostModelTest {

  private final CostModel model = new CostModel(PriceTable.builtIn());

  private static BigDecimal usd(String amount) {
    return new BigDecimal(amount);
  }

  private BigDecimal perMillion(Plan plan, Profile profile) {
    return model.estimate(plan, profile).perMillionUsd();
  }

  @Nested
  class WorkedExamples {

    @Test
    void awsX86At512MbAnd100MsCosts1_0333PerMillion() {
      // 0.20 + 0.0000166667 x (512/1024 = 0.5 GB) x 0.1 s x 1e6 = 0.20 + 0.833335 = 1.033335
      assertThat(perMillion(Plan.AWS_X86_64, Profile.of(512, 100)))
          .isEqualByComparingTo(usd("1.033335"));
    }

    @Test
    void azureConsumptionAt512MbAnd100MsCosts1_00PerMillion() {
      // 0.20 + 0.000016 x 0.5 GB x 0.1 s x 1e6 = 0.20 + 0.80 = 1.00
      assertThat(perMillion(Plan.AZURE_CONSUMPTION, Profile.of(512, 100)))
          .isEqualByComparingTo(usd("1.00"));
    }

    @Test
    void gcpAt512MibAnd100MsCosts1_3242PerMillion() {
      // 512 MiB -> 0.333 vCPU. 0.40 + (0.333 x 0.000024 + 0.5 x 0.0000025) x 0.1 s x 1e6
      // = 0.40 + (0.000007992 + 0.00000125) x 100,000 = 0.40 + 0.9242 = 1.3242
      assertThat(perMillion(Plan.GCP, Profile.of(512, 100))).isEqualByComparingTo(usd("1.3242"));
      assertThat(model.billing(Plan.GCP, Profile.of(512, 100)).vcpu())
          .isEqualByComparingTo(usd("0.333"));
    }

    @Test
    void awsX86MonthOf10MillionWithTheFreeTierCosts3_4667() {
      // requests (10M - 1M) x 0.20/M = 1.80; GB-s 10M x 0.05 = 500,000 - 400,000 = 100,000
      // x 0.0000166667 = 1.66667; total 3.46667
      MonthlyCost month =
          model
              .estimate(Plan.AWS_X86_64, Profile.of(512, 100).withInvocationsPerMonth(10_000_000))
              .monthly();
      assertThat(month.invocations()).isEqualTo(10_000_000);
      assertThat(month.requestsUsd()).isEqualByComparingTo(usd("1.80"));
      assertThat(month.computeUsd()).isEqualByComparingTo(usd("1.66667"));
      assertThat(month.totalUsd()).isEqualByComparingTo(usd("3.46667"));
    }
  }

  @Nested
  class RoundingEdges {

    @Test
    void lambdaRounds1_2MsUpTo2Ms() {
      Billing billing = model.billing(Plan.AWS_X86_64, Profile.of(512, 1.2));
      assertThat(billing.warmBilledMs()).isEqualTo(2);
      assertThat(billing.memoryMb()).isEqualTo(512);
      // 0.20 + 0.0000166667 x 0.5 x 0.002 x 1e6 = 0.20 + 0.0166667 = 0.2166667
      assertThat(perMillion(Plan.AWS_X86_64, Profile.of(512, 1.2)))
          .isEqualByComparingTo(usd("0.2166667"));
    }

    @Test
    void cloudFunctionsRound150MsUpTo200Ms() {
      Billing billing = model.billing(Plan.GCP, Profile.of(512, 150));
      assertThat(billing.warmBilledMs()).isEqualTo(200);
      // 0.40 + (0.333 x 0.000024 + 0.5 x 0.0000025) x 0.2 s x 1e6 = 0.40 + 1.8484 = 2.2484
      assertThat(perMillion(Plan.GCP, Profile.of(512, 150))).isEqualByComparingTo(usd("2.2484"));
    }

    @Test
    void azureConsumptionBills50MsAnd200MbAs100MsAnd256Mb() {
      Profile profile = Profile.of(512, 50).withObservedPeakMemoryMb(200);
      Billing billing = model.billing(Plan.AZURE_CONSUMPTION, profile);
      assertThat(billing.warmBilledMs()).isEqualTo(100);
      assertThat(billing.memoryMb()).isEqualTo(256);
      // 0.20 + 0.000016 x (256/1024 = 0.25 GB) x 0.1 s x 1e6 = 0.20 + 0.40 = 0.60
      assertThat(perMillion(Plan.AZURE_CONSUMPTION, profile)).isEqualByComparingTo(usd("0.60"));
    }

    @Test
    void azureConsumptionBillsAtLeast128MbAndAtMost1536Mb() {
      Profile tiny = Profile.of(512, 100).withObservedPeakMemoryMb(40);
      Profile huge = Profile.of(512, 100).withObservedPeakMemoryMb(3000);
      assertThat(model.billing(Plan.AZURE_CONSUMPTION, tiny).memoryMb()).isEqualTo(128);
      assertThat(model.billing(Plan.AZURE_CONSUMPTION, huge).memoryMb()).isEqualTo(1536);
      // without an observed peak, the profile's memory is taken as observed: 300 -> 384
      assertThat(model.billing(Plan.AZURE_CONSUMPTION, Profile.of(300, 100)).memoryMb())
          .isEqualTo(384);
    }

    @Test
    void gcpGivesAMemoryBetweenTiersTheVcpuOfTheNextTier() {
      // 768 MiB -> the 1 GiB tier's 0.583 vCPU; memory billed as configured, 0.75 GiB
      Billing billing = model.billing(Plan.GCP, Profile.of(768, 100));
      assertThat(billing.vcpu()).isEqualByComparingTo(usd("0.583"));
      assertThat(billing.memorySecondsPerInvocation()).isEqualByComparingTo(usd("0.075"));
    }

    @Test
    void lambdaRejectsAMemoryItDoesNotOffer() {
      assertThatThrownBy(() -> model.billing(Plan.AWS_X86_64, Profile.of(64, 100)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("aws-x86_64 memory must be from 128 to 10240 MB, was 64 MB");
    }
  }

  @Nested
  class Plans {

    @Test
    void arm64At512MbAnd100MsCosts0_86667PerMillion() {
      // 0.20 + 0.0000133334 x 0.5 x 0.1 x 1e6 = 0.20 + 0.66667 = 0.86667
      assertThat(perMillion(Plan.AWS_ARM64, Profile.of(512, 100)))
          .isEqualByComparingTo(usd("0.86667"));
    }

    @Test
    void flexBillsTheDefault2048MbInstanceForAtLeast1000Ms() {
      Billing billing = model.billing(Plan.AZURE_FLEX, Profile.of(512, 100));
      assertThat(billing.memoryMb()).isEqualTo(2048);
      assertThat(billing.warmBilledMs()).isEqualTo(1000);
      // 0.40 + 0.000026 x 2 GB x 1.0 s x 1e6 = 0.40 + 52 = 52.40
      assertThat(perMillion(Plan.AZURE_FLEX, Profile.of(512, 100)))
          .isEqualByComparingTo(usd("52.40"));
    }

    @Test
    void flexRoundsPastTheMinimumUpTo100Ms() {
      // 1,250 ms -> 1,300 ms; 0.40 + 0.000026 x 2 x 1.3 x 1e6 = 0.40 + 67.60 = 68.00
      assertThat(model.billing(Plan.AZURE_FLEX, Profile.of(512, 1250)).warmBilledMs())
          .isEqualTo(1300);
      assertThat(perMillion(Plan.AZURE_FLEX, Profile.of(512, 1250)))
          .isEqualByComparingTo(usd("68.00"));
    }

    @Test
    void flexOnA512MbInstanceSharedByFourExecutions() {
      // 512 MB instance: 0.40 + 0.000026 x 0.5 x 1.0 x 1e6 = 0.40 + 13 = 13.40
      Profile small = Profile.of(512, 100).withFlexInstanceMemoryMb(512);
      assertThat(perMillion(Plan.AZURE_FLEX, small)).isEqualByComparingTo(usd("13.40"));
      // four executions share the billed second: 0.40 + 13 / 4 = 0.40 + 3.25 = 3.65
      assertThat(perMillion(Plan.AZURE_FLEX, small.withFlexConcurrency(4)))
          .isEqualByComparingTo(usd("3.65"));
    }

    @Test
    void flexRejectsAnInstanceSizeItDoesNotOffer() {
      Profile profile = Profile.of(512, 100).withFlexInstanceMemoryMb(1024);
      assertThatThrownBy(() -> model.billing(Plan.AZURE_FLEX, profile))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("azure-flex instance memory must be one of [512, 2048, 4096] MB, was 1024");
    }

    @Test
    void flexMonthWithItsFreeGrant() {
      // 1M executions on a 512 MB instance, 1,000 ms billed each:
      // requests (1M - 250,000) x 0.40/M = 0.30; GB-s 1M x 0.5 = 500,000 - 100,000 = 400,000
      // x 0.000026 = 10.40; total 10.70
      Profile profile = Profile.of(512, 100).withFlexInstanceMemoryMb(512);
      MonthlyCost month = model.estimate(Plan.AZURE_FLEX, profile).monthly();
      assertThat(month.requestsUsd()).isEqualByComparingTo(usd("0.30"));
      assertThat(month.computeUsd()).isEqualByComparingTo(usd("10.40"));
      assertThat(month.totalUsd()).isEqualByComparingTo(usd("10.70"));
    }

    @Test
    void localCostsTheServerWhateverTheVolume() {
      CostEstimate local = model.estimate(Plan.LOCAL, Profile.of(512, 100));
      assertThat(local.billing()).isEmpty();
      // t4g.small: $12.26 a month, spread over 1M invocations = 12.26 per million
      assertThat(local.perMillionUsd()).isEqualByComparingTo(usd("12.26"));
      assertThat(local.monthly().totalUsd()).isEqualByComparingTo(usd("12.26"));
      CostEstimate busy =
          model.estimate(Plan.LOCAL, Profile.of(512, 100).withInvocationsPerMonth(4_000_000));
      // 12.26 / 4 = 3.065 per million
      assertThat(busy.perMillionUsd()).isEqualByComparingTo(usd("3.065"));
      assertThat(busy.monthly().totalUsd()).isEqualByComparingTo(usd("12.26"));
    }
  }

  @Nested
  class FreeTierMonths {

    @Test
    void aVolumeUnderTheFreeTierCostsNothing() {
      // AWS: 500,000 requests < 1M; 500,000 x 0.05 GB-s = 25,000 < 400,000 GB-s
      // GCP: 500,000 < 2M requests; 1,665 vCPU-s < 180,000; 25,000 GiB-s < 360,000
      // Azure Consumption: 500,000 < 1M; 25,000 GB-s < 400,000
      Profile profile = Profile.of(512, 100).withInvocationsPerMonth(500_000);
      for (Plan plan : new Plan[] {Plan.AWS_X86_64, Plan.AWS_ARM64, Plan.GCP}) {
        assertThat(model.estimate(plan, profile).monthly().totalUsd())
            .as(plan.id())
            .isEqualByComparingTo(BigDecimal.ZERO);
      }
      assertThat(model.estimate(Plan.AZURE_CONSUMPTION, profile).monthly().totalUsd())
          .isEqualByComparingTo(BigDecimal.ZERO);
      // the free tier never touches the price per million
      assertThat(model.estimate(Plan.AWS_X86_64, profile).perMillionUsd())
          .isEqualByComparingTo(usd("1.033335"));
    }

    @Test
    void requestsAndComputeUseTheirFreeTiersSeparatelyNeverBelowZero() {
      // 1M invocations of 10,240 MB x 1,000 ms: requests 1M - 1M = 0 -> $0 (not negative);
      // GB-s 1M x 10 x 1 = 10,000,000 - 400,000 = 9,600,000 x 0.0000166667 = 160.00032
      Profile profile = Profile.of(10240, 1000);
      MonthlyCost month = model.estimate(Plan.AWS_X86_64, profile).monthly();
      assertThat(month.requestsUsd()).isEqualByComparingTo(BigDecimal.ZERO);
      assertThat(month.computeUsd()).isEqualByComparingTo(usd("160.00032"));
      assertThat(month.totalUsd()).isEqualByComparingTo(usd("160.00032"));
    }

    @Test
    void gcpAppliesItsVcpuAndMemoryAllowancesEachOnItsOwn() {
      // 6M invocations of 512 MiB x 100 ms: requests 6M - 2M = 4M x 0.40 = 1.60;
      // vCPU-s 6M x 0.0333 = 199,800 - 180,000 = 19,800 x 0.000024 = 0.4752;
      // GiB-s 6M x 0.05 = 300,000 < 360,000 -> 0; total 2.0752
      MonthlyCost month =
          model
              .estimate(Plan.GCP, Profile.of(512, 100).withInvocationsPerMonth(6_000_000))
              .monthly();
      assertThat(month.requestsUsd()).isEqualByComparingTo(usd("1.60"));
      assertThat(month.computeUsd()).isEqualByComparingTo(usd("0.4752"));
      assertThat(month.totalUsd()).isEqualByComparingTo(usd("2.0752"));
    }
  }

  @Nested
  class ColdStarts {

    @Test
    void lambdaBillsInitOnColdStarts() {
      // 1% cold starts with 250 ms INIT: warm 100 ms, cold 100 + 250 = 350 ms;
      // average 0.99 x 100 + 0.01 x 350 = 99 + 3.5 = 102.5 ms
      // 0.20 + 0.0000166667 x 0.5 x 0.1025 x 1e6 = 0.20 + 0.854168375 = 1.054168375
      Profile profile = Profile.of(512, 100).withColdStarts(0.01, 250);
      Billing billing = model.billing(Plan.AWS_X86_64, profile);
      assertThat(billing.warmBilledMs()).isEqualTo(100);
      assertThat(billing.coldBilledMs()).isEqualTo(350);
      assertThat(billing.averageBilledMs()).isEqualByComparingTo(usd("102.5"));
      assertThat(perMillion(Plan.AWS_X86_64, profile)).isEqualByComparingTo(usd("1.054168375"));
    }

    @Test
    void lambdaCapsBilledInitAt10Seconds() {
      // INIT of 15 s is billed as 10 s: cold = 100 + 10,000 = 10,100 ms
      Profile profile = Profile.of(512, 100).withColdStarts(1, 15_000);
      assertThat(model.billing(Plan.AWS_X86_64, profile).coldBilledMs()).isEqualTo(10_100);
    }

    @Test
    void lambdaRoundsTheColdInvocationAsAWhole() {
      // 1.2 ms handler + 210.55 ms INIT = 211.75 ms -> 212 ms
      Profile profile = Profile.of(512, 1.2).withColdStarts(0.5, 210.55);
      assertThat(model.billing(Plan.AWS_X86_64, profile).coldBilledMs()).isEqualTo(212);
    }

    @Test
    void plansThatDoNotBillInitPriceColdStartsLikeWarmOnes() {
      Profile profile = Profile.of(512, 100).withColdStarts(0.01, 250);
      assertThat(perMillion(Plan.GCP, profile)).isEqualByComparingTo(usd("1.3242"));
      assertThat(perMillion(Plan.AZURE_CONSUMPTION, profile)).isEqualByComparingTo(usd("1.00"));
    }
  }

  @Nested
  class BreakEvenAgainstAServer {

    private final Profile profile = Profile.of(512, 100);
    private final BreakEven breakEven = model.breakEven(profile);

    @Test
    void awsX86BreaksEvenWithAT4gSmallAt18_5MillionInvocations() {
      // Past 8M invocations both free tiers are used up:
      // cost(N) = (N - 1M) x 0.20/M + (0.05 N - 400,000) x 0.0000166667
      //         = 0.000001033335 N - 0.2 - 6.66668 = 0.000001033335 N - 6.86668
      // = 12.26 at N = 19.12668 / 0.000001033335 = 18,509,660.47 -> 18,509,661
      assertThat(breakEven.invocationsPerMonth(Plan.AWS_X86_64)).hasValue(18_509_661);
      assertCrossesAt(Plan.AWS_X86_64, 18_509_661);
    }

    @Test
    void gcpBreaksEvenAt13_8MillionInvocations() {
      // Past 7.2M invocations (360,000 GiB-s / 0.05) all three free tiers are used up:
      // cost(N) = 0.0000004 N - 0.8 + 0.0333 x 0.000024 N - 4.32 + 0.05 x 0.0000025 N - 0.9
      //         = 0.0000013242 N - 6.02 = 12.26 at N = 18.28 / 0.0000013242 = 13,804,561.2
      assertThat(breakEven.invocationsPerMonth(Plan.GCP)).hasValue(13_804_562);
      assertCrossesAt(Plan.GCP, 13_804_562);
    }

    @Test
    void azureConsumptionCostsExactlyTheServerAt18_86MillionInvocations() {
      // cost(N) = (N - 1M) x 0.20/M + (0.05 N - 400,000) x 0.000016 = 0.000001 N - 6.6
      // = 12.26 at exactly N = 18,860,000
      assertThat(breakEven.invocationsPerMonth(Plan.AZURE_CONSUMPTION)).hasValue(18_860_000);
      assertThat(model.monthlyCost(Plan.AZURE_CONSUMPTION, profile, 18_860_000).totalUsd())
          .isEqualByComparingTo(usd("12.26"));
    }

    @Test
    void arm64AndFlexBreakEvenToo() {
      // arm64: 0.000000866670 N - 0.2 - 5.33336 = 12.26 -> N = 17.79336 / 0.00000086667
      //        = 20,530,721.04 -> 20,530,722
      assertThat(breakEven.invocationsPerMonth(Plan.AWS_ARM64)).hasValue(20_530_722);
      // Flex, 2 GB-s each: (N - 250,000) x 0.40/M + (2 N - 100,000) x 0.000026
      //        = 0.0000524 N - 2.7 = 12.26 -> N = 14.96 / 0.0000524 = 285,496.18 -> 285,497
      assertThat(breakEven.invocationsPerMonth(Plan.AZURE_FLEX)).hasValue(285_497);
      assertCrossesAt(Plan.AZURE_FLEX, 285_497);
    }

    @Test
    void aDearerServerMovesTheBreakEvenOut() {
      // t4g.medium, $24.53: AWS x86 N = (24.53 + 6.86668) / 0.000001033335 = 30,383,834.86
      CostModel medium =
          new CostModel(
              PriceTable.builtIn(),
              PriceTable.builtIn().server("t4g.medium").orElseThrow().usdPerMonth());
      assertThat(medium.breakEven(profile).invocationsPerMonth(Plan.AWS_X86_64))
          .hasValue(30_383_835);
    }

    @Test
    void aFreeServerBreaksEvenAtZero() {
      CostModel free = new CostModel(PriceTable.builtIn(), BigDecimal.ZERO);
      assertThat(free.breakEven(profile).invocationsPerMonth(Plan.GCP)).hasValue(0);
    }

    @Test
    void listsEveryCloudPlanWithTheServerPriceAndTheTable() {
      assertThat(breakEven.points())
          .extracting(BreakEven.Point::plan)
          .containsExactly(
              Plan.AWS_X86_64, Plan.AWS_ARM64, Plan.AZURE_CONSUMPTION, Plan.AZURE_FLEX, Plan.GCP);
      assertThat(breakEven.serverUsdPerMonth()).isEqualByComparingTo(usd("12.26"));
      assertThat(breakEven.prices()).isEqualTo(PriceTable.builtIn().stamp());
    }

    private void assertCrossesAt(Plan plan, long invocations) {
      BigDecimal server = model.serverUsdPerMonth();
      assertThat(model.monthlyCost(plan, profile, invocations - 1).totalUsd()).isLessThan(server);
      assertThat(model.monthlyCost(plan, profile, invocations).totalUsd())
          .isGreaterThanOrEqualTo(server);
    }
  }

  @Test
  void everyResultCarriesThePriceTablesVersionAndDate() {
    PriceStamp stamp = new PriceStamp("2026.11.1", LocalDate.of(2026, 11, 26));
    assertThat(model.estimateAll(Profile.of(512, 100)))
        .hasSize(Plan.values().length)
        .allSatisfy(estimate -> assertThat(estimate.prices()).isEqualTo(stamp));
    assertThat(stamp.label()).isEqualTo("prices 2026.11.1 of 2026-11-26");
  }
}
