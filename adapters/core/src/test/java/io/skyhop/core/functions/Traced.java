package io.skyhop.core.functions;

import io.skyhop.api.Context;
import io.skyhop.api.Function;
import io.skyhop.api.HttpTrigger;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.QueueTrigger;

/** Functions that answer with the trace their context exposes. */
public class Traced {
  @Function(name = "traced-http")
  @HttpTrigger(path = "/traced")
  public String http(Context context) {
    return context.traceId().orElse("none") + " " + context.traceparent().orElse("none");
  }

  @Function(name = "traced-queue")
  @QueueTrigger(queue = "traced")
  public void queue(QueueMessage message, Context context) {
    context
        .logger()
        .info(context.traceId().orElse("none") + " " + context.traceparent().orElse("none"));
  }
}
