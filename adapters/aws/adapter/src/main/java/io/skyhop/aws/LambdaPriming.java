package io.skyhop.aws;

import io.skyhop.core.FunctionFailedException;
import io.skyhop.core.FunctionRuntime;
import java.util.Map;

/**
 * When an execution environment runs the function's {@code @Prime} and {@code @AfterRestore}
 * methods on Lambda. Without SnapStart: {@code @Prime} at init, once. With SnapStart ({@value
 * #INIT_TYPE} = {@code snap-start}, set by Lambda while it initialises the version it snapshots):
 * {@link SnapStartHooks}, a CRaC resource. Only then is a class of {@code org.crac} loaded, so an
 * on-demand cold start pays nothing for it.
 */
final class LambdaPriming {
  /** The variable Lambda sets to {@code snap-start} while it initialises a SnapStart version. */
  static final String INIT_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

  private LambdaPriming() {}

  /**
   * Primes now, or registers the checkpoint hooks under SnapStart.
   *
   * @return the registered hooks, which the caller keeps (CRaC contexts may hold resources weakly),
   *     or null when it primed now
   * @throws FunctionFailedException when the constructor or the {@code @Prime} method throws
   */
  static Object start(FunctionRuntime runtime, String function, Map<String, String> env)
      throws FunctionFailedException {
    if ("snap-start".equals(env.get(INIT_TYPE))) {
      return SnapStartHooks.register(runtime, function);
    }
    runtime.prime(function);
    return null;
  }
}
