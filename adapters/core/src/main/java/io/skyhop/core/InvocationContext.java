package io.skyhop.core;

import io.skyhop.api.Context;
import io.skyhop.api.Logger;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The neutral {@link Context} the adapters build for each invocation.
 *
 * @param requestId the invocation id
 * @param functionName the function name
 * @param target the target id
 * @param deadlineMillis the absolute deadline, epoch milliseconds
 * @param logger the target's log stream
 * @param env the function's environment
 * @param clock the current time (a {@link Clock}: it is in the JDK's class-data archive, which
 *     keeps it off the cold-start path's class loading)
 */
public record InvocationContext(
    String requestId,
    String functionName,
    String target,
    long deadlineMillis,
    Logger logger,
    Map<String, String> env,
    Clock clock)
    implements Context {

  /** A context on the system clock. */
  public static InvocationContext of(
      String requestId,
      String functionName,
      String target,
      long deadlineMillis,
      Logger logger,
      Map<String, String> env) {
    return new InvocationContext(
        requestId, functionName, target, deadlineMillis, logger, env, Clock.systemUTC());
  }

  @Override
  public Duration remainingTime() {
    return Duration.ofMillis(Math.max(0, deadlineMillis - clock.millis()));
  }

  @Override
  public Optional<String> env(String name) {
    return Optional.ofNullable(env.get(name));
  }
}
