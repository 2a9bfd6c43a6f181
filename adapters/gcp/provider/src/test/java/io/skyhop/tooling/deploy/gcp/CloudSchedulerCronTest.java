package io.skyhop.tooling.deploy.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.api.cron.CronExpression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Cloud Scheduler dialect: wire-formats.md section 8.3 "Worked examples", then further cases.
 */
class CloudSchedulerCronTest {

  private static String scheduler(String cron) {
    return CloudSchedulerCron.of(CronExpression.parse(cron));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 6 * * *                 | 0 6 * * *",
        "0 18 * * 1-5              | 0 18 * * 1-5",
        "*/10 * * * *              | */10 * * * *",
        "0 8 1 * *                 | 0 8 1 * *",
        "0 0 * * 0                 | 0 0 * * 0",
      })
  void workedExamples(String neutral, String expected) {
    assertThat(scheduler(neutral)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 */2 */3 */2 *           | 0 */2 */3 */2 *",
        "5-50/15 0 * JAN,jul MON   | 5-50/15 0 * 1,7 1",
        "10-40/15 9-17 * * *       | 10-40/15 9-17 * * *",
        "0 9 * * SAT,SUN           | 0 9 * * 6,0",
        "0 9 * * */2               | 0 9 * * */2",
        "0 9 * * 1,2,3,5           | 0 9 * * 1,2,3,5",
        "0 9 * * Mon-Fri           | 0 9 * * 1-5",
        "0 0 1,15 * *              | 0 0 1,15 * *",
        "*/1 * * * *               | * * * * *",
      })
  void moreTranslations(String neutral, String expected) {
    assertThat(scheduler(neutral)).isEqualTo(expected);
  }

  @Test
  void normalisedWhitespaceAndNames() {
    assertThat(scheduler("  0   3 *\t*  mon ")).isEqualTo("0 3 * * 1");
  }
}
