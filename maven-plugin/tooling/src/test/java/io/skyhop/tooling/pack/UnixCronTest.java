package io.skyhop.tooling.pack;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.api.cron.CronExpression;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The neutral unix form the Azure and Google dialects build on. */
class UnixCronTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 9 * * Mon-Fri           | 0 9 * * 1-5",
        "*/1 * * * *               | * * * * *",
        "5-50/15 0 * JAN,jul MON   | 5-50/15 0 * 1,7 1",
        "0 */2 */3 */2 *           | 0 */2 */3 */2 *",
        "0,30 8-17/2 1,15 * *      | 0,30 8-17/2 1,15 * *",
        "0 9 * * SAT,SUN           | 0 9 * * 6,0",
      })
  void namesBecomeNumbersAndFieldsKeepTheirMeaning(String neutral, String expected) {
    assertThat(UnixCron.of(CronExpression.parse(neutral))).isEqualTo(expected);
  }
}
