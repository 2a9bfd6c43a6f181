package io.skyhop.tooling.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void nearestRankPicksAnObservedValue() {
    List<Double> ten = List.of(9.0, 1.0, 8.0, 2.0, 7.0, 3.0, 6.0, 4.0, 5.0, 10.0);
    assertThat(Percentiles.of(ten, 50)).isEqualTo(5.0);
    assertThat(Percentiles.of(ten, 90)).isEqualTo(9.0);
    assertThat(Percentiles.of(ten, 99)).isEqualTo(10.0);
    assertThat(Percentiles.of(List.of(3.0, 1.0, 2.0), 50)).isEqualTo(2.0);
    assertThat(Percentiles.of(List.of(3.0, 1.0, 2.0), 90)).isEqualTo(3.0);
    assertThat(ColdStats.of(List.of(300.0, 100.0, 200.0)))
        .isEqualTo(new ColdStats(200.0, 300.0, 300.0, 3));
    assertThatThrownBy(() -> Percentiles.of(List.of(), 50)).hasMessage("no values");
  }
}
