package com.example.deadline;

import io.skyhop.api.Context;
import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpTrigger;

/** Reports what the context says about the invocation. */
public class Deadline {
  /** The context as seen by the function. */
  public record Seen(String requestId, String functionName, String target, long remainingMs) {}

  /** {@code GET /deadline}: the remaining time, request id and names, also logged. */
  @Function(timeoutSeconds = 15)
  @HttpTrigger(
      path = "/deadline",
      methods = {HttpMethod.GET})
  public Seen remaining(HttpRequest request, Context context) {
    long remaining = context.remainingTime().toMillis();
    context.logger().info("remaining " + remaining + " ms in " + context.requestId());
    return new Seen(context.requestId(), context.functionName(), context.target(), remaining);
  }
}
