package io.skyhop.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Triggers a {@link Function} on a schedule. The payload parameter, if any, is a {@link
 * ScheduledEvent}.
 *
 * <p>The cron expression is 5-field unix cron ({@code minute hour day-of-month month day-of-week},
 * day-of-week 0–6 with 0 = Sunday) using {@code * , - /}, numbers and three-letter names; at most
 * one of the two day fields may be restricted. Expressions some target cannot represent are compile
 * errors.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface ScheduleTrigger {
  /** The 5-field cron expression, e.g. {@code "0 3 * * *"} for 03:00 daily. */
  String cron();

  /** IANA time zone name the expression is evaluated in. */
  String timezone() default "UTC";
}
