package io.skyhop.core.functions;

import io.skyhop.api.Function;
import io.skyhop.api.HttpTrigger;
import io.skyhop.api.QueueTrigger;
import java.util.UUID;

/** Two functions of one class: both must see the same instance, reused across invocations. */
public class Counter {
  private final String instanceId = UUID.randomUUID().toString();
  private int calls;

  @Function
  @HttpTrigger(path = "/counter")
  public synchronized String count() {
    calls++;
    return instanceId + " " + calls;
  }

  @Function
  @QueueTrigger(queue = "counter")
  public synchronized String countMessage(String ignored) {
    calls++;
    return instanceId + " " + calls;
  }
}
