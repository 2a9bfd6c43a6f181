package io.skyhop.tooling.logs;

import java.util.List;

/** Where one target keeps its functions' log records, read through the provider's own API. */
public interface LogSource extends AutoCloseable {
  /**
   * The records since {@code query.since()}, oldest first, as many as the provider returns for one
   * look (every page of it).
   *
   * @throws LogsException when the provider refuses (missing permission) or fails, naming the call
   *     and the fix
   */
  List<LogRecord> read(LogQuery query) throws Exception;

  /**
   * Why nothing matched: the window saw no invocation, or the provider has not delivered their logs
   * yet, or the functions were never deployed. Called only when {@link #read} found nothing.
   */
  String silence(LogQuery query) throws Exception;

  /**
   * How this source follows: {@code polls <API> every N s}, or the provider's streaming call. Said
   * once when a follow starts.
   */
  String followedBy();

  @Override
  default void close() throws Exception {}
}
