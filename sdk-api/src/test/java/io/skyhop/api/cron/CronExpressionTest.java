package io.skyhop.api.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static ZonedDateTime at(String text) {
    return ZonedDateTime.parse(text);
  }

  private static List<ZonedDateTime> fires(String cron, ZonedDateTime after, int count) {
    CronExpression expression = CronExpression.parse(cron);
    List<ZonedDateTime> out = new ArrayList<>();
    ZonedDateTime t = after;
    for (int i = 0; i < count; i++) {
      t = expression.next(t);
      out.add(t);
    }
    return out;
  }

  // ---- the neutral view the providers' dialects are built from (dialect tests live with each
  // provider: EventBridgeCronTest, NcrontabTest, CloudSchedulerCronTest) ----

  @Test
  void viewExposesFieldsRangesAndSelectedValues() {
    CronExpression cron = CronExpression.parse("5-50/15 */2 * JAN,jul Mon-Fri");
    assertThat(cron.field(CronField.MINUTE)).isEqualTo("5-50/15");
    assertThat(cron.field(CronField.DAY_OF_MONTH)).isEqualTo("*");
    assertThat(cron.field(CronField.DAY_OF_WEEK)).isEqualTo("Mon-Fri");
    assertThat(cron.ranges(CronField.MINUTE)).containsExactly(new CronRange(5, 50, 15, false));
    assertThat(cron.ranges(CronField.HOUR)).containsExactly(new CronRange(0, 23, 2, true));
    assertThat(cron.ranges(CronField.MONTH))
        .containsExactly(new CronRange(1, 1, 1, false), new CronRange(7, 7, 1, false));
    assertThat(cron.ranges(CronField.DAY_OF_WEEK)).containsExactly(new CronRange(1, 5, 1, false));
    assertThat(cron.selects(CronField.DAY_OF_WEEK, 0)).isFalse();
    assertThat(cron.selects(CronField.DAY_OF_WEEK, 5)).isTrue();
    assertThat(cron.selects(CronField.MINUTE, 35)).isTrue();
    assertThat(cron.selects(CronField.MINUTE, 36)).isFalse();
    assertThat(cron.selects(CronField.MONTH, 13)).isFalse();
    assertThatThrownBy(() -> cron.ranges(CronField.MINUTE).add(new CronRange(0, 0, 1, false)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void fieldsKnowTheirRanges() {
    assertThat(CronField.values())
        .extracting(f -> f.label() + " " + f.min() + "-" + f.max())
        .containsExactly(
            "minute 0-59", "hour 0-23", "day-of-month 1-31", "month 1-12", "day-of-week 0-6");
  }

  @Test
  void expressionIsTrimmedWithSingleSpaces() {
    CronExpression cron = CronExpression.parse("  0   3 *\t*  mon ");
    assertThat(cron.expression()).isEqualTo("0 3 * * mon");
    assertThat(cron).hasToString("0 3 * * mon").isEqualTo(CronExpression.parse("0 3 * * mon"));
    assertThat(cron.ranges(CronField.DAY_OF_WEEK)).containsExactly(new CronRange(1, 1, 1, false));
  }

  // ---- rejections: the whole message ----

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "0 3 15 * 1 | day-of-month and day-of-week are both restricted; AWS EventBridge cannot"
            + " represent that and Google/Azure disagree on whether it means AND or OR. Restrict"
            + " only one of them and use '*' for the other.",
        "0 0 L * * | 'L' (last) in day-of-month is not supported by Google Cloud Scheduler or"
            + " Azure. Use explicit values, and check for the last day inside the function if"
            + " needed.",
        "0 0 * * 5L | 'L' (last) in day-of-week is not supported by Google Cloud Scheduler or"
            + " Azure. Use explicit values, and check for the last day inside the function if"
            + " needed.",
        "0 0 15W * * | 'W' (nearest weekday) in day-of-month is not supported by Google Cloud"
            + " Scheduler or Azure. Use explicit days of the month, or restrict day-of-week"
            + " instead (e.g. 'MON-FRI').",
        "0 0 * * 1#2 | '#' (nth weekday of the month) in day-of-week is not supported by Google"
            + " Cloud Scheduler or Azure. Schedule on the weekday (e.g. 'MON') and check the week"
            + " of the month inside the function.",
        "0 0 ? * MON | '?' in day-of-month is not supported. Use '*' for the unrestricted day"
            + " field; the AWS EventBridge translation adds '?' itself.",
        "@daily | macros such as '@daily' are not supported. Write the 5 fields instead:"
            + " '0 0 * * *'.",
        "@reboot | macros such as '@reboot' are not supported. Write exactly 5 fields: minute hour"
            + " day-of-month month day-of-week; schedules always fire at second 0.",
        "0 0 3 * * * | it has 6 fields; seconds and year fields are not supported. Write exactly 5"
            + " fields: minute hour day-of-month month day-of-week; schedules always fire at"
            + " second 0.",
        "0 3 * * | it has 4 fields. Write exactly 5 fields: minute hour day-of-month month"
            + " day-of-week; schedules always fire at second 0.",
        "0 0 * * 7 | day-of-week 7 is not allowed (day-of-week is 0-6, 0 = Sunday). Use 0 or SUN"
            + " for Sunday.",
        "60 * * * * | minute 60 is out of range 0-59. Use a value between 0 and 59.",
        "0 24 * * * | hour 24 is out of range 0-23. Use a value between 0 and 23.",
        "0 0 0 * * | day-of-month 0 is out of range 1-31. Use a value between 1 and 31.",
        "0 0 32 * * | day-of-month 32 is out of range 1-31. Use a value between 1 and 31.",
        "0 0 * 13 * | month 13 is out of range 1-12. Use a value between 1 and 12.",
        "0 0 * 0 * | month 0 is out of range 1-12. Use a value between 1 and 12.",
        "0 0 * * 8 | day-of-week 8 is out of range 0-6. Use a value between 0 and 6.",
        "0 0 * * 5-1 | range 5-1 in day-of-week is reversed. Write the lower value first; for a"
            + " range that wraps around use a list, e.g. '5-6,0-1'.",
        "0 0 * * FRI-MON | range FRI-MON in day-of-week is reversed. Write the lower value first;"
            + " for a range that wraps around use a list, e.g. '5-6,0-1'.",
        "0 0 * NOV-FEB * | range NOV-FEB in month is reversed. Write the lower value first; for a"
            + " range that wraps around use a list, e.g. '11-12,1-2'.",
        "50-10 * * * * | range 50-10 in minute is reversed. Write the lower value first; for a"
            + " range that wraps around use a list, e.g. '50-59,0-10'.",
        "*/0 * * * * | step 0 in minute is not allowed. Use a step of at least 1, e.g. '*/5'.",
        "0 1-10/0 * * * | step 0 in hour is not allowed. Use a step of at least 1, e.g. '*/5'.",
        "*/60 * * * * | step 60 in minute is larger than the field's range 0-59. Use a step"
            + " between 1 and 59, or a single value.",
        "5/15 * * * * | '5/15' in minute has a step but no range. Write '5-59/15' or '*/15'; a"
            + " step needs '*' or a range before '/'.",
        "0 0 30 2 * | it never fires: day-of-month '30' does not occur in month '2'. Choose days"
            + " that exist in the selected months (February has 29 days in leap years; April,"
            + " June, September and November have 30).",
        "0 0 * JANUARY * | 'JANUARY' in month is not a number or a month name (JAN-DEC). Use only"
            + " numbers, 3-letter names (JAN-DEC for month, SUN-SAT for day-of-week) and the"
            + " characters '*', ',', '-' and '/'.",
        "0 0 * * MON-X | 'X' in day-of-week is not a number or a day name (SUN-SAT). Use only"
            + " numbers, 3-letter names (JAN-DEC for month, SUN-SAT for day-of-week) and the"
            + " characters '*', ',', '-' and '/'.",
        "0 MON * * * | 'MON' in hour is not a number. Use only numbers, 3-letter names (JAN-DEC"
            + " for month, SUN-SAT for day-of-week) and the characters '*', ',', '-' and '/'.",
        "1,,2 * * * * | '1,,2' in minute has an empty value. Use only numbers, 3-letter names"
            + " (JAN-DEC for month, SUN-SAT for day-of-week) and the characters '*', ',', '-'"
            + " and '/'.",
      })
  void rejects(String expression, String expectedTail) {
    assertThatThrownBy(() -> CronExpression.parse(expression))
        .isInstanceOf(InvalidCronException.class)
        .hasMessage("Invalid cron expression '" + expression + "': " + expectedTail);
  }

  @Test
  void exceptionExposesExpressionReasonAndFix() {
    assertThatThrownBy(() -> CronExpression.parse("  0 3 15  * 1 "))
        .isInstanceOfSatisfying(
            InvalidCronException.class,
            e -> {
              assertThat(e.expression()).isEqualTo("0 3 15 * 1");
              assertThat(e.reason()).startsWith("day-of-month and day-of-week are both restricted");
              assertThat(e.fix()).isEqualTo("Restrict only one of them and use '*' for the other.");
              assertThat(e).isInstanceOf(IllegalArgumentException.class);
            });
    assertThatThrownBy(() -> CronExpression.parse("   "))
        .hasMessage(
            "Invalid cron expression '': it is empty. Write exactly 5 fields: minute hour"
                + " day-of-month month day-of-week; schedules always fire at second 0.");
  }

  @Test
  void acceptsOneRestrictedDayFieldAndLeapDay() {
    assertThat(CronExpression.parse("0 0 29 2 *").ranges(CronField.DAY_OF_MONTH))
        .containsExactly(new CronRange(29, 29, 1, false));
    assertThat(CronExpression.parse("0 0 31 1-3 *").expression()).isEqualTo("0 0 31 1-3 *");
    assertThat(CronExpression.parse("0 0 */2 * *").ranges(CronField.DAY_OF_MONTH))
        .containsExactly(new CronRange(1, 31, 2, true));
  }

  // ---- next() ----

  @Test
  void nextAcrossMonthEnds() {
    assertThat(fires("0 0 1 * *", at("2026-01-31T12:00Z"), 2))
        .containsExactly(at("2026-02-01T00:00Z"), at("2026-03-01T00:00Z"));
    assertThat(fires("0 12 31 * *", at("2026-01-31T12:00Z"), 2))
        .containsExactly(at("2026-03-31T12:00Z"), at("2026-05-31T12:00Z"));
    assertThat(fires("59 23 * * *", at("2026-12-31T23:59Z"), 1))
        .containsExactly(at("2027-01-01T23:59Z"));
  }

  @Test
  void nextOnLeapDays() {
    assertThat(fires("0 0 29 2 *", at("2026-01-01T00:00Z"), 3))
        .containsExactly(at("2028-02-29T00:00Z"), at("2032-02-29T00:00Z"), at("2036-02-29T00:00Z"));
    // 2100 is not a leap year: the longest gap, 8 years.
    assertThat(fires("0 0 29 2 *", at("2096-02-29T00:00Z"), 1))
        .containsExactly(at("2104-02-29T00:00Z"));
  }

  @Test
  void nextWithDayOfWeekNamesAndRanges() {
    // 2026-03-13 is a Friday.
    assertThat(fires("0 9 * * MON-FRI", at("2026-03-13T10:00Z"), 3))
        .containsExactly(at("2026-03-16T09:00Z"), at("2026-03-17T09:00Z"), at("2026-03-18T09:00Z"));
    assertThat(fires("30 8 * * sat,SUN", at("2026-03-13T10:00Z"), 3))
        .containsExactly(at("2026-03-14T08:30Z"), at("2026-03-15T08:30Z"), at("2026-03-21T08:30Z"));
    assertThat(fires("0 0 * * 0", at("2026-03-13T10:00Z"), 1))
        .containsExactly(at("2026-03-15T00:00Z"));
    assertThat(fires("0 6 * JUN-AUG 1", at("2026-03-13T10:00Z"), 1))
        .containsExactly(at("2026-06-01T06:00Z"));
  }

  @Test
  void nextWithStepsAndLists() {
    assertThat(fires("5-50/15 * * * *", at("2026-03-13T10:00Z"), 5))
        .containsExactly(
            at("2026-03-13T10:05Z"),
            at("2026-03-13T10:20Z"),
            at("2026-03-13T10:35Z"),
            at("2026-03-13T10:50Z"),
            at("2026-03-13T11:05Z"));
    assertThat(fires("0 8,12,18 * * *", at("2026-03-13T12:00Z"), 3))
        .containsExactly(at("2026-03-13T18:00Z"), at("2026-03-14T08:00Z"), at("2026-03-14T12:00Z"));
    assertThat(fires("*/10 * * * *", at("2026-03-13T10:00:30Z"), 2))
        .containsExactly(at("2026-03-13T10:10Z"), at("2026-03-13T10:20Z"));
    assertThat(fires("0 0 */10 * *", at("2026-01-25T00:00Z"), 3))
        .containsExactly(at("2026-01-31T00:00Z"), at("2026-02-01T00:00Z"), at("2026-02-11T00:00Z"));
  }

  @Test
  void nextIsStrictlyAfterAndKeepsTheZone() {
    ZonedDateTime after = at("2026-03-13T09:00+01:00[Europe/Berlin]");
    ZonedDateTime next = CronExpression.parse("0 9 * * *").next(after);
    assertThat(next).isEqualTo(at("2026-03-14T09:00+01:00[Europe/Berlin]"));
    assertThat(next.getZone()).isEqualTo(BERLIN);
    assertThat(CronExpression.parse("0 9 * * *").next(at("2026-03-13T08:59:59.999Z")))
        .isEqualTo(at("2026-03-13T09:00Z"));
  }

  @Test
  void springForwardFixedTimeFiresAtTheEndOfTheGap() {
    // Europe/Berlin 2026-03-29: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist that day.
    assertThat(fires("30 2 * * *", at("2026-03-28T02:30+01:00[Europe/Berlin]"), 3))
        .containsExactly(
            at("2026-03-29T03:00+02:00[Europe/Berlin]"),
            at("2026-03-30T02:30+02:00[Europe/Berlin]"),
            at("2026-03-31T02:30+02:00[Europe/Berlin]"));
    // Several fixed times inside one gap fire once.
    assertThat(fires("0,15,45 2 * * *", at("2026-03-29T01:00+01:00[Europe/Berlin]"), 2))
        .containsExactly(
            at("2026-03-29T03:00+02:00[Europe/Berlin]"),
            at("2026-03-30T02:00+02:00[Europe/Berlin]"));
  }

  @Test
  void springForwardWildcardJobsSkipTheGap() {
    assertThat(fires("*/15 * * * *", at("2026-03-29T01:45+01:00[Europe/Berlin]"), 2))
        .containsExactly(
            at("2026-03-29T03:00+02:00[Europe/Berlin]"),
            at("2026-03-29T03:15+02:00[Europe/Berlin]"));
    assertThat(fires("30 * * * *", at("2026-03-29T01:30+01:00[Europe/Berlin]"), 1))
        .containsExactly(at("2026-03-29T03:30+02:00[Europe/Berlin]"));
    assertThat(fires("*/20 2 * * *", at("2026-03-29T00:00+01:00[Europe/Berlin]"), 1))
        .containsExactly(at("2026-03-30T02:00+02:00[Europe/Berlin]"));
  }

  @Test
  void fallBackFiresOnceAtTheEarlierOffset() {
    // Europe/Berlin 2026-10-25: 03:00 CEST falls back to 02:00 CET; 02:00-02:59 occur twice.
    assertThat(fires("30 2 * * *", at("2026-10-25T00:00+02:00[Europe/Berlin]"), 2))
        .containsExactly(
            at("2026-10-25T02:30+02:00[Europe/Berlin]"),
            at("2026-10-26T02:30+01:00[Europe/Berlin]"));
    assertThat(fires("*/30 * * * *", at("2026-10-25T02:00+02:00[Europe/Berlin]"), 3))
        .containsExactly(
            at("2026-10-25T02:30+02:00[Europe/Berlin]"),
            at("2026-10-25T03:00+01:00[Europe/Berlin]"),
            at("2026-10-25T03:30+01:00[Europe/Berlin]"));
    // Starting inside the second pass does not fire the ambiguous time again.
    assertThat(fires("30 2 * * *", at("2026-10-25T02:15+01:00[Europe/Berlin]"), 1))
        .containsExactly(at("2026-10-26T02:30+01:00[Europe/Berlin]"));
  }

  @Test
  void nextNeverReturnsTheSameInstantTwice() {
    for (String cron :
        List.of("* * * * *", "30 2 * * *", "0,30 1-3 * * *", "*/7 */5 * * *", "0 2 * 3,10 0")) {
      ZonedDateTime t = at("2026-03-28T00:00+01:00[Europe/Berlin]");
      CronExpression expression = CronExpression.parse(cron);
      Set<java.time.Instant> seen = new HashSet<>();
      int steps = cron.startsWith("*") ? 3000 : 400;
      for (int i = 0; i < steps; i++) {
        ZonedDateTime n = expression.next(t);
        assertThat(n.toInstant()).as(cron + " after " + t).isAfter(t.toInstant());
        assertThat(seen.add(n.toInstant())).as(cron + " repeats " + n).isTrue();
        assertThat(n.getSecond()).isZero();
        t = n;
      }
    }
  }
}
