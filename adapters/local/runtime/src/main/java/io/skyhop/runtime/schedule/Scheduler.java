package io.skyhop.runtime.schedule;

import io.skyhop.api.ScheduledEvent;
import io.skyhop.api.cron.CronExpression;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Fires schedule triggers. Each tick looks at the deployed schedules: a schedule seen for the first
 * time (a deploy, a runtime start) is due at its next time after now, so runs missed while the
 * runtime was down are not replayed; a due schedule fires once and is next due at its first time
 * after now, so a run is never doubled and a late tick does not fire a burst.
 */
public final class Scheduler {
  private final Clock clock;
  private final Supplier<List<Schedule>> schedules;
  private final BiConsumer<Schedule, ScheduledEvent> fire;
  private final Map<Schedule, ZonedDateTime> due = new HashMap<>();

  /**
   * A schedule of a deployed function.
   *
   * @param app the app
   * @param function the function
   * @param cron the 5-field expression
   * @param timezone the IANA zone it is evaluated in
   */
  public record Schedule(String app, String function, String cron, String timezone) {}

  /**
   * A scheduler.
   *
   * @param schedules the schedules deployed now
   * @param fire called for each run (must not block)
   */
  public Scheduler(
      Clock clock, Supplier<List<Schedule>> schedules, BiConsumer<Schedule, ScheduledEvent> fire) {
    this.clock = clock;
    this.schedules = schedules;
    this.fire = fire;
  }

  /** Fires what is due now. */
  public synchronized void tick() {
    Set<Schedule> seen = new HashSet<>();
    for (Schedule s : schedules.get()) {
      seen.add(s);
      ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneId.of(s.timezone())));
      CronExpression cron = CronExpression.parse(s.cron());
      ZonedDateTime next = due.get(s);
      if (next == null) {
        due.put(s, cron.next(now));
      } else if (!now.isBefore(next)) {
        fire.accept(s, new ScheduledEvent(next.toInstant(), s.cron(), s.timezone()));
        due.put(s, cron.next(now));
      }
    }
    due.keySet().retainAll(seen);
  }

  /** When a schedule is next due, if it is known. */
  public synchronized ZonedDateTime nextDue(Schedule schedule) {
    return due.get(schedule);
  }
}
