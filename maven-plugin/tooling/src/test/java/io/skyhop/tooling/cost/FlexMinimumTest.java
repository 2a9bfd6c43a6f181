package io.skyhop.tooling.cost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Flex Consumption's 1,000 ms minimum under both readings. */
class FlexMinimumTest {
  private final CostModel model = new CostModel(PriceTable.builtIn());

  @Test
  void shortExecutionsCostTenTimesMorePerExecutionThanPerActivityPeriod() {
    FlexMinimum flex = FlexMinimum.of(model, Profile.of(512, 100));

    // 2 GB instance: 1,000 ms -> 2 GB-s x 0.000026 x 1M + 0.40 = 52.40; 100 ms -> 5.60
    assertThat(flex.perMillionPerExecution()).isEqualByComparingTo("52.40");
    assertThat(flex.perMillionPerActivityPeriod()).isEqualByComparingTo("5.60");
    assertThat(flex.differ()).isTrue();
    // the applied reading is what the cost model itself says
    assertThat(flex.perExecution())
        .isEqualTo(model.estimate(Plan.AZURE_FLEX, Profile.of(512, 100)).monthly());
  }

  @Test
  void executionsOfASecondOrMoreCostTheSameEitherWay() {
    FlexMinimum flex = FlexMinimum.of(model, Profile.of(512, 1200));

    assertThat(flex.differ()).isFalse();
  }
}
