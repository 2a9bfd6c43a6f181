package io.skyhop.api.cron;

/**
 * The five fields of a {@link CronExpression}, in the order they are written, with the range of
 * values each accepts.
 *
 * <p>Part of the neutral, read-only view of a parsed expression ({@link
 * CronExpression#field(CronField)}, {@link CronExpression#ranges(CronField)}); provider dialects
 * (EventBridge, NCRONTAB, Cloud Scheduler) are built from it by each provider's tooling, not here.
 */
public enum CronField {
  /** Minute of the hour, 0-59. */
  MINUTE("minute", 0, 59),
  /** Hour of the day, 0-23. */
  HOUR("hour", 0, 23),
  /** Day of the month, 1-31. */
  DAY_OF_MONTH("day-of-month", 1, 31),
  /** Month of the year, 1-12 (JAN-DEC). */
  MONTH("month", 1, 12),
  /** Day of the week, 0-6 with 0 = Sunday (SUN-SAT). */
  DAY_OF_WEEK("day-of-week", 0, 6);

  private final String label;
  private final int min;
  private final int max;

  CronField(String label, int min, int max) {
    this.label = label;
    this.min = min;
    this.max = max;
  }

  /**
   * Returns the field's name as it appears in error messages, e.g. {@code day-of-month}.
   *
   * @return the field's name
   */
  public String label() {
    return label;
  }

  /**
   * Returns the smallest value the field accepts.
   *
   * @return the minimum value
   */
  public int min() {
    return min;
  }

  /**
   * Returns the largest value the field accepts.
   *
   * @return the maximum value
   */
  public int max() {
    return max;
  }
}
