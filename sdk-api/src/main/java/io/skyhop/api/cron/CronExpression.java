package io.skyhop.api.cron;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A validated, portable 5-field unix cron expression: {@code minute hour day-of-month month
 * day-of-week}.
 *
 * <p>Accepted syntax: minute 0-59, hour 0-23, day-of-month 1-31, month 1-12 or {@code JAN}-{@code
 * DEC}, day-of-week 0-6 (0 = Sunday) or {@code SUN}-{@code SAT} (names are case-insensitive); each
 * field is {@code *} or a comma-separated list of values, ranges {@code a-b} and steps {@code
 * *}{@code /n} or {@code a-b/n}. At most one of the two day fields may be restricted: the other
 * must be {@code *}. Everything else ({@code L}, {@code W}, {@code #}, {@code ?}, macros such as
 * {@code @daily}, a seconds or year field, day-of-week 7, out-of-range values, reversed ranges,
 * steps of 0, days that never occur in the selected months) is rejected with an {@link
 * InvalidCronException} naming the problem and the fix, so every accepted expression translates
 * exactly to AWS EventBridge, Azure NCRONTAB and Google Cloud Scheduler.
 *
 * <p>This type is cloud-neutral: it parses, validates and computes fire times. Each provider's
 * tooling translates to its own dialect from the read-only view {@link #field(CronField)}, {@link
 * #ranges(CronField)} and {@link #selects(CronField, int)}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CronExpression {
  private static final int MINUTE = 0;
  private static final int HOUR = 1;
  private static final int DOM = 2;
  private static final int MONTH = 3;
  private static final int DOW = 4;
  private static final CronField[] FIELDS = CronField.values();
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  private static final String FIVE_FIELDS =
      "Write exactly 5 fields: minute hour day-of-month month day-of-week; schedules always fire"
          + " at second 0.";
  private static final String SYNTAX_FIX =
      "Use only numbers, 3-letter names (JAN-DEC for month, SUN-SAT for day-of-week) and the"
          + " characters '*', ',', '-' and '/'.";

  /** Enough days to reach the next February 29 from anywhere (up to 8 years, e.g. 2096-2104). */
  private static final int MAX_DAYS = 366 * 9;

  private final String expression;
  private final String[] fields;
  private final List<List<CronRange>> parts;
  private final long[] masks;

  private CronExpression(
      String expression, String[] fields, List<List<CronRange>> parts, long[] masks) {
    this.expression = expression;
    this.fields = fields;
    this.parts = parts;
    this.masks = masks;
  }

  /**
   * Parses and validates a 5-field cron expression.
   *
   * @param expression the expression, e.g. {@code "0 18 * * MON-FRI"}; surrounding and repeated
   *     whitespace is ignored
   * @return the parsed expression
   * @throws InvalidCronException if the expression is not valid portable cron; the message names
   *     the problem and the fix
   * @throws NullPointerException if {@code expression} is null
   */
  public static CronExpression parse(String expression) {
    Objects.requireNonNull(expression, "expression");
    String expr = expression.trim().replaceAll("\\s+", " ");
    if (expr.isEmpty()) {
      throw new InvalidCronException(expr, "it is empty", FIVE_FIELDS);
    }
    if (expr.startsWith("@")) {
      String macro = expr.split(" ")[0];
      String equivalent =
          switch (macro.toLowerCase(Locale.ROOT)) {
            case "@yearly", "@annually" -> "0 0 1 1 *";
            case "@monthly" -> "0 0 1 * *";
            case "@weekly" -> "0 0 * * 0";
            case "@daily", "@midnight" -> "0 0 * * *";
            case "@hourly" -> "0 * * * *";
            default -> null;
          };
      throw new InvalidCronException(
          expr,
          "macros such as '" + macro + "' are not supported",
          equivalent == null ? FIVE_FIELDS : "Write the 5 fields instead: '" + equivalent + "'.");
    }
    String[] fields = expr.split(" ");
    if (fields.length != 5) {
      String reason = "it has " + fields.length + " fields";
      if (fields.length == 6 || fields.length == 7) {
        reason += "; seconds and year fields are not supported";
      }
      throw new InvalidCronException(expr, reason, FIVE_FIELDS);
    }
    List<List<CronRange>> parts = new ArrayList<>();
    long[] masks = new long[5];
    for (int i = 0; i < 5; i++) {
      parts.add(List.copyOf(parseField(expr, i, fields[i])));
      for (CronRange p : parts.get(i)) {
        for (int v = p.from(); v <= p.to(); v += p.step()) {
          masks[i] |= 1L << v;
        }
      }
    }
    if (!fields[DOM].equals("*") && !fields[DOW].equals("*")) {
      throw new InvalidCronException(
          expr,
          "day-of-month and day-of-week are both restricted; AWS EventBridge cannot represent that"
              + " and Google/Azure disagree on whether it means AND or OR",
          "Restrict only one of them and use '*' for the other.");
    }
    boolean occurs = false;
    for (int m = 1; m <= 12; m++) {
      long days = masks[DOM] & ((1L << (Month.of(m).maxLength() + 1)) - 1);
      occurs |= (masks[MONTH] & (1L << m)) != 0 && days != 0;
    }
    if (!occurs) {
      throw new InvalidCronException(
          expr,
          "it never fires: day-of-month '"
              + fields[DOM]
              + "' does not occur in month '"
              + fields[MONTH]
              + "'",
          "Choose days that exist in the selected months (February has 29 days in leap years;"
              + " April, June, September and November have 30).");
    }
    return new CronExpression(expr, fields, parts, masks);
  }

  private static List<CronRange> parseField(String expr, int i, String field) {
    String name = FIELDS[i].label();
    if (field.contains("?")) {
      throw new InvalidCronException(
          expr,
          "'?' in " + name + " is not supported",
          "Use '*' for the unrestricted day field; the AWS EventBridge translation adds '?'"
              + " itself.");
    }
    if (field.contains("#")) {
      throw new InvalidCronException(
          expr,
          "'#' (nth weekday of the month) in "
              + name
              + " is not supported by Google Cloud Scheduler or Azure",
          "Schedule on the weekday (e.g. 'MON') and check the week of the month inside the"
              + " function.");
    }
    List<CronRange> out = new ArrayList<>();
    for (String item : field.split(",", -1)) {
      if (item.isEmpty()) {
        throw new InvalidCronException(
            expr, "'" + field + "' in " + name + " has an empty value", SYNTAX_FIX);
      }
      String[] slash = item.split("/", -1);
      String[] bounds = slash[0].split("-", -1);
      if (slash.length > 2 || bounds.length > 2) {
        throw new InvalidCronException(
            expr, "'" + item + "' in " + name + " is malformed", SYNTAX_FIX);
      }
      int step = 1;
      if (slash.length == 2) {
        if (slash[1].isEmpty() || !slash[1].chars().allMatch(c -> c >= '0' && c <= '9')) {
          throw new InvalidCronException(
              expr, "step '" + slash[1] + "' in " + name + " is not a number", SYNTAX_FIX);
        }
        step = slash[1].length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(slash[1]);
        if (step == 0) {
          throw new InvalidCronException(
              expr,
              "step 0 in " + name + " is not allowed",
              "Use a step of at least 1, e.g. '*/5'.");
        }
        int span = FIELDS[i].max() - FIELDS[i].min();
        if (step > span) {
          throw new InvalidCronException(
              expr,
              "step "
                  + slash[1]
                  + " in "
                  + name
                  + " is larger than the field's range "
                  + FIELDS[i].min()
                  + "-"
                  + FIELDS[i].max(),
              "Use a step between 1 and " + span + ", or a single value.");
        }
      }
      if (slash[0].equals("*")) {
        out.add(new CronRange(FIELDS[i].min(), FIELDS[i].max(), step, true));
        continue;
      }
      int lo = value(expr, i, item, bounds[0]);
      int hi = bounds.length == 2 ? value(expr, i, item, bounds[1]) : lo;
      if (bounds.length == 1 && slash.length == 2) {
        throw new InvalidCronException(
            expr,
            "'" + item + "' in " + name + " has a step but no range",
            "Write '"
                + lo
                + "-"
                + FIELDS[i].max()
                + "/"
                + step
                + "' or '*/"
                + step
                + "'; a step needs '*' or a range before '/'.");
      }
      if (hi < lo) {
        String wrap =
            (lo == FIELDS[i].max() ? "" + lo : lo + "-" + FIELDS[i].max())
                + ","
                + (hi == FIELDS[i].min() ? "" + hi : FIELDS[i].min() + "-" + hi);
        throw new InvalidCronException(
            expr,
            "range " + slash[0] + " in " + name + " is reversed",
            "Write the lower value first; for a range that wraps around use a list, e.g. '"
                + wrap
                + "'.");
      }
      out.add(new CronRange(lo, hi, step, false));
    }
    return out;
  }

  private static int value(String expr, int i, String item, String atom) {
    String name = FIELDS[i].label();
    if (atom.isEmpty()) {
      throw new InvalidCronException(
          expr, "'" + item + "' in " + name + " has an empty value", SYNTAX_FIX);
    }
    if (atom.chars().allMatch(c -> c >= '0' && c <= '9')) {
      int v = atom.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(atom);
      if (i == DOW && v == 7) {
        throw new InvalidCronException(
            expr,
            "day-of-week 7 is not allowed (day-of-week is 0-6, 0 = Sunday)",
            "Use 0 or SUN for Sunday.");
      }
      if (v < FIELDS[i].min() || v > FIELDS[i].max()) {
        throw new InvalidCronException(
            expr,
            name + " " + atom + " is out of range " + FIELDS[i].min() + "-" + FIELDS[i].max(),
            "Use a value between " + FIELDS[i].min() + " and " + FIELDS[i].max() + ".");
      }
      return v;
    }
    String up = atom.toUpperCase(Locale.ROOT);
    List<String> names = i == MONTH ? MONTHS : i == DOW ? DAYS : List.of();
    if (names.contains(up)) {
      return names.indexOf(up) + FIELDS[i].min();
    }
    if (up.matches("[0-9]*L|LW")) {
      throw new InvalidCronException(
          expr,
          "'L' (last) in " + name + " is not supported by Google Cloud Scheduler or Azure",
          "Use explicit values, and check for the last day inside the function if needed.");
    }
    if (up.matches("[0-9]+W")) {
      throw new InvalidCronException(
          expr,
          "'W' (nearest weekday) in "
              + name
              + " is not supported by Google Cloud Scheduler or"
              + " Azure",
          "Use explicit days of the month, or restrict day-of-week instead (e.g. 'MON-FRI').");
    }
    String expected =
        i == MONTH ? " or a month name (JAN-DEC)" : i == DOW ? " or a day name (SUN-SAT)" : "";
    throw new InvalidCronException(
        expr, "'" + atom + "' in " + name + " is not a number" + expected, SYNTAX_FIX);
  }

  /**
   * Returns the expression as given, trimmed and with single spaces between the fields.
   *
   * @return the normalised source text
   */
  public String expression() {
    return expression;
  }

  /**
   * Returns the next fire time strictly after {@code after}, computed in {@code after}'s zone.
   *
   * <p>Daylight-saving transitions follow Vixie cron (the classic Linux cron daemon):
   *
   * <ul>
   *   <li>Spring forward (a wall time that does not exist that day): a job whose minute and hour
   *       fields are both fixed (neither starts with {@code *}) fires once at the first valid
   *       instant after the gap, e.g. {@code 30 2 * * *} fires at 03:00 CEST on 2026-03-29 in
   *       Europe/Berlin; several such times inside one gap fire once. A job with a wildcard minute
   *       or hour field ({@code *}, {@code *}/n) skips the non-existent times and simply continues
   *       at its next valid wall time.
   *   <li>Fall back (an ambiguous wall time occurring twice): the earlier offset is used, so the
   *       time fires once, in the first pass.
   * </ul>
   *
   * <p>Consecutive calls ({@code t = next(t)}) never return the same instant twice.
   *
   * @param after the instant to start from, exclusive; its zone is the schedule's time zone
   * @return the next fire time, in {@code after}'s zone, at second 0
   * @throws NullPointerException if {@code after} is null
   */
  public ZonedDateTime next(ZonedDateTime after) {
    Objects.requireNonNull(after, "after");
    ZoneId zone = after.getZone();
    ZoneRules rules = zone.getRules();
    boolean wildcard = fields[MINUTE].startsWith("*") || fields[HOUR].startsWith("*");
    LocalDate day = after.toLocalDate();
    for (int n = 0; n < MAX_DAYS; n++, day = day.plusDays(1)) {
      if (!has(MONTH, day.getMonthValue())
          || !has(DOM, day.getDayOfMonth())
          || !has(DOW, day.getDayOfWeek().getValue() % 7)) {
        continue;
      }
      for (long h = masks[HOUR]; h != 0; h &= h - 1) {
        int hour = Long.numberOfTrailingZeros(h);
        if (n == 0 && hour < after.getHour()) {
          continue; // local time to instant is monotonic, so these are all before `after`
        }
        for (long m = masks[MINUTE]; m != 0; m &= m - 1) {
          LocalDateTime local = day.atTime(hour, Long.numberOfTrailingZeros(m));
          ZonedDateTime t;
          if (!rules.getValidOffsets(local).isEmpty()) {
            t = ZonedDateTime.ofLocal(local, zone, null); // overlap: earlier offset
          } else if (wildcard) {
            continue;
          } else {
            t = ZonedDateTime.ofInstant(rules.getTransition(local).getInstant(), zone);
          }
          if (t.toInstant().isAfter(after.toInstant())) {
            return t;
          }
        }
      }
    }
    throw new IllegalStateException("No fire time for '" + expression + "' after " + after);
  }

  private boolean has(int field, int value) {
    return (masks[field] & (1L << value)) != 0;
  }

  /**
   * Returns one field as written, after whitespace normalisation, e.g. {@code MON-FRI} or {@code
   * *}.
   *
   * <p>Part of the neutral, read-only view that provider dialects are built from: a field whose
   * text is exactly {@code *} is unrestricted.
   *
   * @param field the field
   * @return the field's source text
   * @throws NullPointerException if {@code field} is null
   */
  public String field(CronField field) {
    return fields[field.ordinal()];
  }

  /**
   * Returns the comma-separated elements of one field, in the order written, names turned into
   * numbers.
   *
   * <p>Part of the neutral, read-only view that provider dialects are built from.
   *
   * @param field the field
   * @return the field's elements; never empty, unmodifiable
   * @throws NullPointerException if {@code field} is null
   */
  public List<CronRange> ranges(CronField field) {
    return parts.get(field.ordinal());
  }

  /**
   * Returns whether the expression selects {@code value} in {@code field}.
   *
   * @param field the field
   * @param value the value, e.g. 0 (Sunday) for {@link CronField#DAY_OF_WEEK}
   * @return whether the value is selected; false for values outside the field's range
   * @throws NullPointerException if {@code field} is null
   */
  public boolean selects(CronField field, int value) {
    return value >= field.min() && value <= field.max() && has(field.ordinal(), value);
  }

  /**
   * Two expressions are equal when their {@linkplain #expression() normalised text} is equal.
   *
   * @param o the other object
   * @return whether {@code o} is a {@code CronExpression} with the same text
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof CronExpression other && expression.equals(other.expression);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash of the normalised text
   */
  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  /**
   * Returns the {@linkplain #expression() normalised expression}.
   *
   * @return the expression text
   */
  @Override
  public String toString() {
    return expression;
  }
}
