package io.skyhop.runtime.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.api.ScheduledEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  /** A clock the test moves. */
  static final class TestClock extends Clock {
    Instant now;

    TestClock(String instant) {
      now = Instant.parse(instant);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      TestClock outer = this;
      return new Clock() {
        @Override
        public ZoneId getZone() {
          return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
          return outer.withZone(z);
        }

        @Override
        public Instant instant() {
          return outer.now;
        }
      };
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final TestClock clock = new TestClock("2026-11-26T02:59:00Z");
  private final List<Scheduler.Schedule> deployed = new ArrayList<>();
  private final List<ScheduledEvent> fired = new ArrayList<>();
  private final Scheduler scheduler =
      new Scheduler(clock, () -> List.copyOf(deployed), (s, e) -> fired.add(e));

  @Test
  void firesOnceAtTheDueTimeInTheFunctionsZone() {
    deployed.add(new Scheduler.Schedule("orders", "nightly", "0 4 * * *", "Europe/Paris"));
    scheduler.tick();
    clock.now = Instant.parse("2026-11-26T02:59:59Z");
    scheduler.tick();
    assertThat(fired).isEmpty();
    clock.now = Instant.parse("2026-11-26T03:00:00.300Z");
    scheduler.tick();
    clock.now = Instant.parse("2026-11-26T03:00:00.800Z");
    scheduler.tick();
    assertThat(fired)
        .extracting(e -> e.scheduledTime().toString())
        .containsExactly("2026-11-26T03:00:00Z");
    assertThat(fired.get(0).timezone()).isEqualTo("Europe/Paris");
  }

  @Test
  void runsMissedWhileDownAreNotReplayedAndLateTicksDoNotBurst() {
    clock.now = Instant.parse("2026-11-26T10:00:30Z");
    deployed.add(new Scheduler.Schedule("a", "every-minute", "* * * * *", "UTC"));
    scheduler.tick();
    assertThat(fired).isEmpty();
    clock.now = Instant.parse("2026-11-26T10:07:10Z");
    scheduler.tick();
    scheduler.tick();
    assertThat(fired)
        .extracting(e -> e.scheduledTime().toString())
        .containsExactly("2026-11-26T10:01:00Z");
    clock.now = Instant.parse("2026-11-26T10:08:00Z");
    scheduler.tick();
    assertThat(fired).hasSize(2);
  }

  @Test
  void aRemovedScheduleStopsFiring() {
    deployed.add(new Scheduler.Schedule("a", "f", "* * * * *", "UTC"));
    scheduler.tick();
    deployed.clear();
    clock.now = Instant.parse("2026-11-26T03:10:00Z");
    scheduler.tick();
    assertThat(fired).isEmpty();
  }
}
