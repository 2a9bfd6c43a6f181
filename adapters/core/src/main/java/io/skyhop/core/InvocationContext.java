package io.skyhop.core;

import io.skyhop.api.Context;
import io.skyhop.api.Logger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The neutral {@link Context} the adapters build for each invocation.
 *
 * @param requestId the invocation id
 * @param functionName the function name
 * @param target the target id
 * @param deadlineMillis the absolute deadline, epoch milliseconds
 * @param logger the target's log stream
 * @param env the function's environment
 * @param clock the current time, epoch milliseconds
 */
public record InvocationContext(
    String requestId,
    String functionName,
    String target,
    long deadlineMillis,
    Logger logger,
    Map<String, String> env,
    LongSupplier clock)
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
        requestId, functionName, target, deadlineMillis, logger, env, SystemClock.INSTANCE);
  }

  @Override
  public Duration remainingTime() {
    return Duration.ofMillis(Math.max(0, deadlineMillis - clock.getAsLong()));
  }

  @Override
  public Optional<String> env(String name) {
    return Optional.ofNullable(env.get(name));
  }

  /** The system clock, as a class rather than a method reference (no lambda bootstrap at start). */
  private enum SystemClock implements LongSupplier {
    INSTANCE;

    @Override
    public long getAsLong() {
      return System.currentTimeMillis();
    }
  }
}
