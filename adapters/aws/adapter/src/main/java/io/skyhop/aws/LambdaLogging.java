package io.skyhop.aws;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import io.skyhop.api.Logger;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The neutral {@link Logger} over Lambda's logger: one call is one log event in the function's log
 * stream (a stack trace stays in one event), with Lambda's log level where Skyhop has one.
 */
final class LambdaLogging implements Logger {
  private final LambdaLogger lambda;

  LambdaLogging(LambdaLogger lambda) {
    this.lambda = lambda;
  }

  @Override
  public void log(String message) {
    lambda.log(line(message));
  }

  @Override
  public void info(String message) {
    lambda.log(line(message), LogLevel.INFO);
  }

  @Override
  public void warn(String message) {
    lambda.log(line(message), LogLevel.WARN);
  }

  @Override
  public void error(String message, Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    lambda.log(line(message + System.lineSeparator() + trace), LogLevel.ERROR);
  }

  /** Lambda's text sink writes messages as given: end each with a newline, as log layouts do. */
  private static String line(String message) {
    return message.endsWith("\n") ? message : message + "\n";
  }
}
