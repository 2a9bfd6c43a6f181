/**
 * The portable cron model: parsing and validating 5-field unix cron expressions, computing the next
 * fire time, and translating to the AWS EventBridge, Azure NCRONTAB and Google Cloud Scheduler
 * dialects.
 *
 * <p>Used by the annotation processor (compile-time validation of {@code @ScheduleTrigger}), the
 * in-house runtime (next fire time) and the deployers (translation). See {@link
 * io.skyhop.api.cron.CronExpression} for the accepted syntax and {@link
 * io.skyhop.api.cron.InvalidCronException} for how rejections are reported.
 */
package io.skyhop.api.cron;
