package io.skyhop.api;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Writes to the target's log stream (CloudWatch, Application Insights, Cloud Logging…). */
@FunctionalInterface
public interface Logger {
  /** Writes one log entry. */
  void log(String message);

  /** Writes an informational entry. */
  default void info(String message) {
    log("INFO " + message);
  }

  /** Writes a warning. */
  default void warn(String message) {
    log("WARN " + message);
  }

  /** Writes an error with its stack trace. */
  default void error(String message, Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    log("ERROR " + message + System.lineSeparator() + trace);
  }
}
