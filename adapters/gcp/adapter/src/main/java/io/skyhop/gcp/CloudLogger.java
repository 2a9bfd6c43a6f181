package io.skyhop.gcp;

import com.google.gson.JsonObject;
import io.skyhop.api.Logger;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Writes one structured JSON line per entry to standard output, the form Cloud Logging reads on
 * Cloud Functions 2nd gen: {@code severity} and {@code message} (stack traces stay in the entry),
 * plus the Skyhop function name and request id.
 */
final class CloudLogger implements Logger {
  private final PrintStream out;
  private final String function;
  private final String requestId;

  CloudLogger(PrintStream out, String function, String requestId) {
    this.out = out;
    this.function = function;
    this.requestId = requestId;
  }

  @Override
  public void log(String message) {
    write("DEFAULT", message);
  }

  @Override
  public void info(String message) {
    write("INFO", message);
  }

  @Override
  public void warn(String message) {
    write("WARNING", message);
  }

  @Override
  public void error(String message, Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    write("ERROR", message + System.lineSeparator() + trace);
  }

  private void write(String severity, String message) {
    JsonObject entry = new JsonObject();
    entry.addProperty("severity", severity);
    entry.addProperty("message", message);
    entry.addProperty("skyhopFunction", function);
    entry.addProperty("requestId", requestId);
    out.println(entry);
  }
}
