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
 * @param secrets the secrets the function declares and where their values come from
 */
public record InvocationContext(
    String requestId,
    String functionName,
    String target,
    long deadlineMillis,
    Logger logger,
    Map<String, String> env,
    Clock clock,
    Secrets secrets)
    implements Context {

  /** A context whose target provides no secrets. */
  public InvocationContext(
      String requestId,
      String functionName,
      String target,
      long deadlineMillis,
      Logger logger,
      Map<String, String> env,
      Clock clock) {
    this(
        requestId,
        functionName,
        target,
        deadlineMillis,
        logger,
        env,
        clock,
        Secrets.none(functionName));
  }

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

  /** A context on the system clock, with the function's secrets. */
  public static InvocationContext of(
      String requestId,
      String functionName,
      String target,
      long deadlineMillis,
      Logger logger,
      Map<String, String> env,
      Secrets secrets) {
    return new InvocationContext(
        requestId, functionName, target, deadlineMillis, logger, env, Clock.systemUTC(), secrets);
  }

  @Override
  public String secret(String name) {
    return secrets.value(name);
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
