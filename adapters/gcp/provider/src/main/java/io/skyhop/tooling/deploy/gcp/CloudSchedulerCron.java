package io.skyhop.tooling.deploy.gcp;

import io.skyhop.api.cron.CronExpression;
import io.skyhop.tooling.pack.UnixCron;

/**
 * The Google Cloud Scheduler dialect of a {@link CronExpression}: the 5 unix fields unchanged in
 * meaning, normalised (names become numbers, {@code *}{@code /1} becomes {@code *}); the time zone
 * travels separately, as the job's {@code timeZone}.
 */
public final class CloudSchedulerCron {
  private CloudSchedulerCron() {}

  /**
   * Translates a neutral expression to Cloud Scheduler.
   *
   * @param cron the parsed expression
   * @return the 5-field unix cron expression
   */
  public static String of(CronExpression cron) {
    return UnixCron.of(cron);
  }
}
