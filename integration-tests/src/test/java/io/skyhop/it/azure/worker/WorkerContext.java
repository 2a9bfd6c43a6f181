package io.skyhop.it.azure.worker;

import com.microsoft.azure.functions.ExecutionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The execution context the worker injects; its logger keeps the lines the host would get. */
final class WorkerContext implements ExecutionContext {
  private final String functionName;
  private final String invocationId;
  private final Logger logger;
  private final List<String> lines = new ArrayList<>();

  WorkerContext(String functionName, String invocationId) {
    this.functionName = functionName;
    this.invocationId = invocationId;
    this.logger = Logger.getAnonymousLogger();
    logger.setUseParentHandlers(false);
    logger.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(record.getLevel() + " " + record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
  }

  @Override
  public Logger getLogger() {
    return logger;
  }

  @Override
  public String getInvocationId() {
    return invocationId;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  List<String> lines() {
    return lines;
  }
}
