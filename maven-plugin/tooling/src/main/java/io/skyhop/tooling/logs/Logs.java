package io.skyhop.tooling.logs;

import io.skyhop.tooling.BuildListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * {@code skyhop:logs}: prints the records of one target in the neutral shape, once or following.
 * When nothing matches it says why ({@link LogSource#silence}); a follow polls the source and
 * prints each record once, looking back {@link #LATE} for records the provider delivers late.
 */
public final class Logs {
  /** How far behind the newest record a follow looks again for records delivered late. */
  static final Duration LATE = Duration.ofSeconds(60);

  private final Clock clock;
  private final BuildListener listener;
  private final Consumer<String> out;

  /**
   * @param listener where explanations go
   * @param out where each record's line goes
   */
  public Logs(Clock clock, BuildListener listener, Consumer<String> out) {
    this.clock = clock;
    this.listener = listener;
    this.out = out;
  }

  /**
   * Prints the matching records; with {@code settings.follow()} keeps printing new ones until
   * {@code stop} says so or the thread is interrupted.
   *
   * @return how many records were printed
   */
  public int run(LogSource source, LogSettings settings, BooleanSupplier stop) throws Exception {
    LogQuery query =
        new LogQuery(
            settings.functions(), settings.since().from(clock.instant()), settings.filter());
    Map<String, Instant> seen = new HashMap<>();
    int printed = print(source.read(query), query, settings, seen);
    if (printed == 0) {
      listener.info(
          "No log lines for "
              + String.join(", ", settings.functions())
              + settings.filter().map(f -> " containing '" + f + "'").orElse("")
              + " since "
              + query.since()
              + ": "
              + source.silence(query));
    }
    if (!settings.follow()) {
      return printed;
    }
    listener.info("Following (" + source.followedBy() + "); stop with Ctrl-C");
    Instant newest = seen.values().stream().max(Comparator.naturalOrder()).orElse(query.since());
    while (!stop.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(settings.poll().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      Instant from =
          newest.minus(LATE).isBefore(query.since()) ? query.since() : newest.minus(LATE);
      printed += print(source.read(query.from(from)), query, settings, seen);
      newest = seen.values().stream().max(Comparator.naturalOrder()).orElse(newest);
      Instant forget = newest.minus(LATE.multipliedBy(2));
      seen.values().removeIf(t -> t.isBefore(forget));
    }
    return printed;
  }

  private int print(
      List<LogRecord> records, LogQuery query, LogSettings settings, Map<String, Instant> seen) {
    List<LogRecord> fresh = new ArrayList<>();
    for (LogRecord r : records) {
      if (query.matches(r) && seen.putIfAbsent(r.id(), r.time()) == null) {
        fresh.add(r);
      }
    }
    fresh.sort(Comparator.comparing(LogRecord::time));
    fresh.forEach(r -> out.accept(settings.json() ? r.json() : r.text()));
    return fresh.size();
  }
}
