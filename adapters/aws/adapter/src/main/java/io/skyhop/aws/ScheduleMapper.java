package io.skyhop.aws;

import com.google.gson.JsonObject;
import io.skyhop.api.Context;
import io.skyhop.api.ScheduledEvent;
import io.skyhop.core.BoundFunction;
import io.skyhop.core.FunctionFailedException;
import io.skyhop.core.Json;
import io.skyhop.core.Trigger;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * EventBridge scheduled events ({@code detail-type: Scheduled Event}): {@code time} is when the run
 * was due. A failure fails the invocation, which Lambda retries (asynchronous invocation). The
 * answer is the function's result as JSON.
 */
final class ScheduleMapper {
  private final BoundFunction function;
  private final Trigger.Schedule trigger;
  private final Json json;

  ScheduleMapper(BoundFunction function, Json json) {
    this.function = function;
    this.trigger = (Trigger.Schedule) function.def().trigger();
    this.json = json;
  }

  byte[] invoke(JsonObject event, Context context) throws FunctionFailedException {
    return json.write(function.invokeEvent(scheduledEvent(event), context));
  }

  ScheduledEvent scheduledEvent(JsonObject event) {
    String time = JsonFields.string(event, "time");
    try {
      return new ScheduledEvent(Instant.parse(time), trigger.cron(), trigger.timezone());
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException(
          "The EventBridge scheduled event has time '"
              + time
              + "', not an ISO-8601 instant such as 2024-05-01T06:00:00Z",
          e);
    }
  }
}
