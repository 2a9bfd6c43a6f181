package ${package};

import io.skyhop.api.Context;
import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpTrigger;
import io.skyhop.api.ScheduleTrigger;
import io.skyhop.api.ScheduledEvent;

/** Your functions: each runs unchanged on AWS Lambda, Azure Functions, Google Cloud and Skyhop. */
public class Functions {
  /** The JSON answer of {@link #hello}. */
  public record Greeting(String message) {}

  /** {@code GET /hello?name=Ada} answers {@code {"message":"Hello, Ada!"}}. */
  @Function(memoryMb = 256, timeoutSeconds = 10)
  @HttpTrigger(path = "/hello", methods = {HttpMethod.GET})
  public Greeting hello(HttpRequest request) {
    return new Greeting("Hello, " + request.queryParam("name").orElse("world") + "!");
  }

  /** Runs every day at 03:00 UTC. */
  @Function
  @ScheduleTrigger(cron = "0 3 * * *")
  public void nightly(ScheduledEvent event, Context context) {
    context.logger().info("nightly run due at " + event.scheduledTime());
  }
}
