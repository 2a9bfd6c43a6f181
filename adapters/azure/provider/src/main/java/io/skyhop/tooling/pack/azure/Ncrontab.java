package io.skyhop.tooling.pack.azure;

import io.skyhop.api.cron.CronExpression;
import io.skyhop.tooling.pack.UnixCron;

/**
 * The Azure Functions timer dialect of a {@link CronExpression}: a 6-field NCRONTAB expression,
 * {@code 0} seconds followed by the normalised 5 unix fields, e.g. {@code 0 30 9 * * 1-5}.
 */
public final class Ncrontab {
  private Ncrontab() {}

  /**
   * Translates a neutral expression to NCRONTAB.
   *
   * @param cron the parsed expression
   * @return the NCRONTAB expression
   */
  public static String of(CronExpression cron) {
    return "0 " + UnixCron.of(cron);
  }
}
