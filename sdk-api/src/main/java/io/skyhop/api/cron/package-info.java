/**
 * The portable cron model: parsing and validating 5-field unix cron expressions, computing the next
 * fire time, and a neutral read-only view of the parsed fields ({@link
 * io.skyhop.api.cron.CronField}, {@link io.skyhop.api.cron.CronRange}).
 *
 * <p>Used by the annotation processor (compile-time validation of {@code @ScheduleTrigger}), the
 * in-house runtime and the test kit (next fire time) and the providers' tooling, which builds each
 * provider's dialect (AWS EventBridge, Azure NCRONTAB, Google Cloud Scheduler) from the view. See
 * {@link io.skyhop.api.cron.CronExpression} for the accepted syntax and {@link
 * io.skyhop.api.cron.InvalidCronException} for how rejections are reported.
 */
package io.skyhop.api.cron;
