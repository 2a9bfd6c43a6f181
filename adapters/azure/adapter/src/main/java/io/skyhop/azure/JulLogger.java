package io.skyhop.azure;

import io.skyhop.api.Logger;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Level;

/** The neutral logger over the invocation's {@code java.util.logging} logger (the host's log). */
final class JulLogger implements Logger {
  private final java.util.logging.Logger logger;

  JulLogger(java.util.logging.Logger logger) {
    this.logger = logger;
  }

  @Override
  public void log(String message) {
    logger.info(message);
  }

  @Override
  public void info(String message) {
    logger.info(message);
  }

  @Override
  public void warn(String message) {
    logger.warning(message);
  }

  /** Writes the trace into the message: the worker forwards the message text only. */
  @Override
  public void error(String message, Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    logger.log(Level.SEVERE, message + System.lineSeparator() + trace);
  }
}
