package io.skyhop.runtime.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HousekeepingTest {
  @TempDir Path tmp;

  private ScheduledExecutorService executor;
  private ByteArrayOutputStream console;
  private RuntimeLog log;

  @BeforeEach
  void setUp() throws Exception {
    executor = Executors.newScheduledThreadPool(2);
    console = new ByteArrayOutputStream();
    log = RuntimeLog.open(new PrintStream(console, true), tmp.resolve("r.log"));
  }

  @AfterEach
  void tearDown() throws Exception {
    executor.shutdownNow();
    log.close();
  }

  @Test
  void aTaskThatThrowsEvenAnErrorRunsAgainAndCountsAsAFault() throws Exception {
    Housekeeping housekeeping = new Housekeeping(executor, log, System::nanoTime);
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger exceptions = new AtomicInteger();
    housekeeping.every(
        "oom",
        0,
        5,
        () -> {
          errors.incrementAndGet();
          throw new OutOfMemoryError("Java heap space");
        });
    housekeeping.every(
        "bug",
        0,
        5,
        () -> {
          exceptions.incrementAndGet();
          throw new IllegalStateException("a bug");
        });

    await(() -> errors.get() >= 3 && exceptions.get() >= 3);
    assertThat(housekeeping.faults()).isGreaterThanOrEqualTo(6);
    assertThat(housekeeping.stalled()).isEmpty();
    log.flush();
    assertThat(console.toString())
        .contains("Housekeeping task 'oom' failed; it runs again: java.lang.OutOfMemoryError")
        .contains("Housekeeping task 'bug' failed; it runs again: java.lang.IllegalStateException");
  }

  @Test
  void aTaskThatHangsIsReportedStalledUntilItFinishes() throws Exception {
    AtomicLong now = new AtomicLong();
    Housekeeping housekeeping = new Housekeeping(executor, log, now::get);
    CountDownLatch hang = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    AtomicInteger deadlines = new AtomicInteger();
    housekeeping.every(
        "schedules",
        0,
        500,
        () -> {
          entered.countDown();
          try {
            hang.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    housekeeping.every("deadlines", 0, 5, deadlines::incrementAndGet);
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    now.addAndGet(TimeUnit.SECONDS.toNanos(4));
    await(() -> deadlines.get() > 3);
    assertThat(housekeeping.stalled()).as("20 periods of 500 ms not passed").isEmpty();
    now.addAndGet(TimeUnit.SECONDS.toNanos(7));
    int before = deadlines.get();
    await(() -> deadlines.get() > before + 3);
    assertThat(housekeeping.stalled()).containsExactly("schedules");

    hang.countDown();
    await(() -> housekeeping.stalled().isEmpty());
    assertThat(housekeeping.stalled()).isEmpty();
  }

  private static void await(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(done.getAsBoolean()).isTrue();
  }
}
