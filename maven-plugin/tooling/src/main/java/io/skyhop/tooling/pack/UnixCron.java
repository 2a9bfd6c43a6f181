package io.skyhop.tooling.pack;

import io.skyhop.api.cron.CronExpression;
import io.skyhop.api.cron.CronField;
import io.skyhop.api.cron.CronRange;
import java.util.StringJoiner;

/**
 * The normalised 5-field unix form of a {@link CronExpression}: the fields unchanged in meaning,
 * names turned into numbers and {@code *}{@code /1} into {@code *}, e.g. {@code 0 9 * * 1-5} for
 * {@code 0 9 * * Mon-Fri}.
 *
 * <p>Provider-neutral: the providers whose dialect is unix cron build on it (Google Cloud Scheduler
 * as is, Azure NCRONTAB with a leading seconds field).
 */
public final class UnixCron {
  private UnixCron() {}

  /**
   * Renders the expression in normalised unix form.
   *
   * @param cron the parsed expression
   * @return the 5 fields separated by single spaces
   */
  public static String of(CronExpression cron) {
    StringJoiner out = new StringJoiner(" ");
    for (CronField field : CronField.values()) {
      StringJoiner items = new StringJoiner(",");
      for (CronRange r : cron.ranges(field)) {
        if (r.wildcard()) {
          items.add(r.step() == 1 ? "*" : "*/" + r.step());
        } else if (r.from() == r.to()) {
          items.add("" + r.from());
        } else {
          items.add(r.from() + "-" + r.to() + (r.step() == 1 ? "" : "/" + r.step()));
        }
      }
      out.add(items.toString());
    }
    return out.toString();
  }
}
