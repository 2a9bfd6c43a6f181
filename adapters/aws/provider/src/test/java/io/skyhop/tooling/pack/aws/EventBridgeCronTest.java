package io.skyhop.tooling.pack.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.api.cron.CronExpression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The EventBridge dialect: wire-formats.md section 8.3 "Worked examples", then further cases. */
class EventBridgeCronTest {

  private static String eventBridge(String cron) {
    return EventBridgeCron.of(CronExpression.parse(cron));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 6 * * *                 | cron(0 6 * * ? *)",
        "0 18 * * 1-5              | cron(0 18 ? * MON-FRI *)",
        "*/10 * * * *              | cron(0/10 * * * ? *)",
        "0 8 1 * *                 | cron(0 8 1 * ? *)",
        "0 0 * * 0                 | cron(0 0 ? * SUN *)",
      })
  void workedExamples(String neutral, String expected) {
    assertThat(eventBridge(neutral)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 */2 */3 */2 *           | cron(0 0/2 1/3 1/2 ? *)",
        "5-50/15 0 * JAN,jul MON   | cron(5/15 0 ? 1,7 MON *)",
        "10-40/15 9-17 * * *       | cron(10,25,40 9-17 * * ? *)",
        "0 9 * * SAT,SUN           | cron(0 9 ? * SUN,SAT *)",
        "0 9 * * */2               | cron(0 9 ? * SUN,TUE,THU,SAT *)",
        "0 9 * * 1,2,3,5           | cron(0 9 ? * MON-WED,FRI *)",
        "0 9 * * Mon-Fri           | cron(0 9 ? * MON-FRI *)",
        "0 0 1,15 * *              | cron(0 0 1,15 * ? *)",
        "*/1 * * * *               | cron(* * * * ? *)",
      })
  void moreTranslations(String neutral, String expected) {
    assertThat(eventBridge(neutral)).isEqualTo(expected);
  }

  @Test
  void oneRestrictedDayFieldAndLeapDay() {
    assertThat(eventBridge("0 0 29 2 *")).isEqualTo("cron(0 0 29 2 ? *)");
    assertThat(eventBridge("0 0 */2 * *")).isEqualTo("cron(0 0 1/2 * ? *)");
  }
}
