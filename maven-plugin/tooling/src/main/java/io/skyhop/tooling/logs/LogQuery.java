package io.skyhop.tooling.logs;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code skyhop:logs} asks a target for.
 *
 * @param functions the Skyhop functions whose records to read (never empty)
 * @param since the earliest record time
 * @param filter text a record's message must contain (case-insensitive), if set
 */
public record LogQuery(List<String> functions, Instant since, Optional<String> filter) {
  /** Copies the list. */
  public LogQuery {
    functions = List.copyOf(functions);
  }

  /** The same query from a later time (a follow's next poll). */
  public LogQuery from(Instant time) {
    return new LogQuery(functions, time, filter);
  }

  /**
   * Whether a record answers the query. Sources narrow on the provider's side where its API can;
   * this check makes the result the same on every target.
   */
  public boolean matches(LogRecord record) {
    return functions.contains(record.function())
        && !record.time().isBefore(since)
        && filter
            .map(
                f -> record.message().toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT)))
            .orElse(true);
  }
}
