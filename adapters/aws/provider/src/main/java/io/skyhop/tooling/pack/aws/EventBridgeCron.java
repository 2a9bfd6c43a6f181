package io.skyhop.tooling.pack.aws;

import static io.skyhop.api.cron.CronField.DAY_OF_MONTH;
import static io.skyhop.api.cron.CronField.DAY_OF_WEEK;
import static io.skyhop.api.cron.CronField.HOUR;
import static io.skyhop.api.cron.CronField.MINUTE;
import static io.skyhop.api.cron.CronField.MONTH;

import io.skyhop.api.cron.CronExpression;
import io.skyhop.api.cron.CronField;
import io.skyhop.api.cron.CronRange;
import java.util.List;
import java.util.StringJoiner;

/**
 * The AWS EventBridge dialect of a {@link CronExpression}: a rule (or EventBridge Scheduler)
 * schedule expression such as {@code cron(0 18 ? * MON-FRI *)}, used by the SAM template and the
 * deployer.
 *
 * <p>Day-of-week is emitted as names {@code SUN}..{@code SAT} (EventBridge numbers days 1-7 from
 * Sunday); steps are emitted as {@code start/step} ({@code *}{@code /10} becomes {@code 0/10} for
 * minute and hour, {@code 1/n} for day-of-month and month), and a stepped range that {@code
 * start/step} would not reproduce exactly is expanded to a list; the unrestricted day field becomes
 * {@code ?} (if both are {@code *}: day-of-month {@code *}, day-of-week {@code ?}); the year field
 * is {@code *}.
 */
public final class EventBridgeCron {
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private EventBridgeCron() {}

  /**
   * Translates a neutral expression to EventBridge.
   *
   * @param cron the parsed expression
   * @return the EventBridge {@code cron(...)} expression
   */
  public static String of(CronExpression cron) {
    boolean anyDom = cron.field(DAY_OF_MONTH).equals("*");
    boolean anyDow = cron.field(DAY_OF_WEEK).equals("*");
    String dom = anyDom ? (anyDow ? "*" : "?") : render(cron, DAY_OF_MONTH);
    StringJoiner dow = new StringJoiner(",");
    for (int d = 0; d <= 6; d++) {
      if (cron.selects(DAY_OF_WEEK, d)) {
        int e = d;
        while (e < 6 && cron.selects(DAY_OF_WEEK, e + 1)) {
          e++;
        }
        dow.add(e == d ? DAYS.get(d) : DAYS.get(d) + "-" + DAYS.get(e));
        d = e;
      }
    }
    return "cron("
        + render(cron, MINUTE)
        + " "
        + render(cron, HOUR)
        + " "
        + dom
        + " "
        + render(cron, MONTH)
        + " "
        + (anyDow ? "?" : dow.toString())
        + " *)";
  }

  private static String render(CronExpression cron, CronField field) {
    StringJoiner out = new StringJoiner(",");
    for (CronRange r : cron.ranges(field)) {
      if (r.wildcard()) {
        out.add(r.step() == 1 ? "*" : field.min() + "/" + r.step());
      } else if (r.from() == r.to()) {
        out.add("" + r.from());
      } else if (r.step() == 1) {
        out.add(r.from() + "-" + r.to());
      } else if (r.from() + ((r.to() - r.from()) / r.step() + 1) * r.step() > field.max()) {
        out.add(r.from() + "/" + r.step()); // start/step selects exactly the same values
      } else {
        for (int v = r.from(); v <= r.to(); v += r.step()) {
          out.add("" + v);
        }
      }
    }
    return out.toString();
  }
}
