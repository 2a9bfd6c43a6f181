package io.skyhop.tooling.pack.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.api.cron.CronExpression;
import io.skyhop.core.Trigger;
import io.skyhop.tooling.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The timer schedules of function.json: wire-formats.md section 8.3, NCRONTAB column. */
class NcrontabTest {
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Daily 06:00 UTC    | 0 6 * * *    | 0 0 6 * * *",
        "Weekdays 18:00     | 0 18 * * 1-5 | 0 0 18 * * 1-5",
        "Every 10 min       | */10 * * * * | 0 */10 * * * *",
        "1st of month 08:00 | 0 8 1 * *    | 0 0 8 1 * *",
        "Sundays 00:00      | 0 0 * * 0    | 0 0 0 * * 0",
      })
  void workedExamples(String intent, String cron, String ncrontab) {
    assertThat(FunctionJson.schedule("f", new Trigger.Schedule(cron, "UTC"))).isEqualTo(ncrontab);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "30 9 * * MON-FRI   | 0 30 9 * * 1-5",
        "0 3 * * *          | 0 0 3 * * *",
        "0 0 1 JAN,jul *    | 0 0 0 1 1,7 *",
        "0,30 8-17/2 * * *  | 0 0,30 8-17/2 * * *",
      })
  void namesBecomeNumbersAndFieldsKeepTheirMeaning(String cron, String ncrontab) {
    assertThat(FunctionJson.schedule("f", new Trigger.Schedule(cron, "UTC"))).isEqualTo(ncrontab);
  }

  @Test
  void zonesFixedAtUtcAreUtc() {
    assertThat(FunctionJson.schedule("f", new Trigger.Schedule("0 6 * * *", "Etc/UTC")))
        .isEqualTo("0 0 6 * * *");
  }

  @Test
  void otherZonesCannotBeRepresented() {
    assertThatThrownBy(
            () ->
                FunctionJson.schedule("report", new Trigger.Schedule("0 6 * * *", "Europe/Paris")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "@ScheduleTrigger(timezone) = 'Europe/Paris' of function 'report' cannot be"
                + " represented on Azure Functions: timer triggers run in UTC (WEBSITE_TIME_ZONE is"
                + " one setting for the whole app and is not available on Linux Consumption"
                + " plans). Fix: write the cron in UTC and leave timezone at its default, or"
                + " remove azure from skyhop.targets");
  }

  // ---- the dialect itself (moved from sdk-api's CronExpressionTest) ----

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 6 * * *                 | 0 0 6 * * *",
        "0 18 * * 1-5              | 0 0 18 * * 1-5",
        "*/10 * * * *              | 0 */10 * * * *",
        "0 8 1 * *                 | 0 0 8 1 * *",
        "0 0 * * 0                 | 0 0 0 * * 0",
      })
  void dialectWorkedExamples(String neutral, String expected) {
    assertThat(Ncrontab.of(CronExpression.parse(neutral))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 */2 */3 */2 *           | 0 0 */2 */3 */2 *",
        "5-50/15 0 * JAN,jul MON   | 0 5-50/15 0 * 1,7 1",
        "10-40/15 9-17 * * *       | 0 10-40/15 9-17 * * *",
        "0 9 * * SAT,SUN           | 0 0 9 * * 6,0",
        "0 9 * * */2               | 0 0 9 * * */2",
        "0 9 * * 1,2,3,5           | 0 0 9 * * 1,2,3,5",
        "0 9 * * Mon-Fri           | 0 0 9 * * 1-5",
        "0 0 1,15 * *              | 0 0 0 1,15 * *",
        "*/1 * * * *               | 0 * * * * *",
      })
  void dialectMoreTranslations(String neutral, String expected) {
    assertThat(Ncrontab.of(CronExpression.parse(neutral))).isEqualTo(expected);
  }
}
