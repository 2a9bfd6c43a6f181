package io.skyhop.api;

import java.time.Instant;
import java.util.Objects;

/** The event a {@link ScheduleTrigger} function receives. */
public final class ScheduledEvent {
  private final Instant scheduledTime;
  private final String cron;
  private final String timezone;

  /**
   * An event.
   *
   * @param scheduledTime when the run was due (the target's time, not the start of the call)
   * @param cron the trigger's 5-field cron expression
   * @param timezone the IANA time zone the expression is evaluated in
   */
  public ScheduledEvent(Instant scheduledTime, String cron, String timezone) {
    this.scheduledTime = Objects.requireNonNull(scheduledTime, "scheduledTime");
    this.cron = Objects.requireNonNull(cron, "cron");
    this.timezone = Objects.requireNonNull(timezone, "timezone");
  }

  /** When the run was due. */
  public Instant scheduledTime() {
    return scheduledTime;
  }

  /** The trigger's cron expression. */
  public String cron() {
    return cron;
  }

  /** The IANA time zone of the expression. */
  public String timezone() {
    return timezone;
  }

  @Override
  public String toString() {
    return "ScheduledEvent[" + scheduledTime + ", " + cron + " " + timezone + "]";
  }
}
