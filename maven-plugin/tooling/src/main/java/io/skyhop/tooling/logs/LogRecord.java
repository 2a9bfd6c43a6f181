package io.skyhop.tooling.logs;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One log record in the neutral shape {@code skyhop:logs} prints, whatever the target: when, which
 * Skyhop function, which invocation, how severe, what.
 *
 * @param time when the record was written (kept to the millisecond, the precision every provider
 *     keeps)
 * @param function the Skyhop function name (not the provider's physical name)
 * @param requestId the invocation's id ({@code -} when the provider has none for the line)
 * @param level {@code DEBUG}, {@code INFO}, {@code WARN} or {@code ERROR}
 * @param message the text (may span lines: a stack trace stays in its record)
 * @param id the provider's id of the record, to read each record once while following
 */
public record LogRecord(
    Instant time, String function, String requestId, String level, String message, String id) {
  /** Normalises the time to milliseconds and fills blanks. */
  public LogRecord {
    time = time.truncatedTo(ChronoUnit.MILLIS);
    requestId = requestId == null || requestId.isBlank() ? "-" : requestId;
    level = level == null || level.isBlank() ? "INFO" : level;
    message = message == null ? "" : stripNewline(message);
  }

  /** {@code <time> <function> <request id> <LEVEL> <message>}, one line per record. */
  public String text() {
    return time + " " + function + " " + requestId + " " + level + " " + message;
  }

  /** The record as one JSON object (without the provider's id). */
  public String json() {
    JsonObject o = new JsonObject();
    o.addProperty("time", time.toString());
    o.addProperty("function", function);
    o.addProperty("requestId", requestId);
    o.addProperty("level", level);
    o.addProperty("message", message);
    return o.toString();
  }

  private static String stripNewline(String message) {
    int end = message.length();
    while (end > 0 && (message.charAt(end - 1) == '\n' || message.charAt(end - 1) == '\r')) {
      end--;
    }
    return message.substring(0, end);
  }
}
