package io.skyhop.gcp;

import io.skyhop.api.HttpRequest;
import io.skyhop.api.ScheduledEvent;
import io.skyhop.core.Trigger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A schedule run as Cloud Scheduler delivers it: an HTTP request (POST by the Skyhop deployer) with
 * {@code User-Agent: Google-Cloud-Scheduler}, {@code X-CloudScheduler: true}, the job name and the
 * time the run was due ({@code X-CloudScheduler-ScheduleTime}, RFC 3339).
 *
 * @param fromScheduler whether Cloud Scheduler's headers are present (otherwise a manual run)
 * @param jobName the job, when the scheduler names it
 * @param scheduleTime when the run was due, when the scheduler says
 */
record SchedulerCall(
    boolean fromScheduler, Optional<String> jobName, Optional<Instant> scheduleTime) {
  static final String USER_AGENT = "Google-Cloud-Scheduler";
  static final String SCHEDULER_HEADER = "X-CloudScheduler";
  static final String JOB_HEADER = "X-CloudScheduler-JobName";
  static final String TIME_HEADER = "X-CloudScheduler-ScheduleTime";

  /**
   * Recognises a scheduler call.
   *
   * @throws IllegalArgumentException when the schedule time header is not an RFC 3339 time
   */
  static SchedulerCall of(HttpRequest request) {
    boolean fromScheduler =
        request.header("User-Agent").map(ua -> ua.startsWith(USER_AGENT)).orElse(false)
            || request.header(SCHEDULER_HEADER).map("true"::equalsIgnoreCase).orElse(false);
    Optional<Instant> time = request.header(TIME_HEADER).map(SchedulerCall::parse);
    return new SchedulerCall(fromScheduler, request.header(JOB_HEADER), time);
  }

  private static Instant parse(String value) {
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          TIME_HEADER + " '" + value + "' is not an RFC 3339 time such as 2026-01-31T03:00:00Z");
    }
  }

  /** The neutral event: the due time from the scheduler, else {@code now}. */
  ScheduledEvent event(Trigger.Schedule schedule, Instant now) {
    return new ScheduledEvent(scheduleTime.orElse(now), schedule.cron(), schedule.timezone());
  }

  /** How the run is described in the log. */
  String describe() {
    return fromScheduler
        ? "Cloud Scheduler run" + jobName.map(j -> " of " + j).orElse("")
        : "manual run (no Cloud Scheduler headers)";
  }
}
