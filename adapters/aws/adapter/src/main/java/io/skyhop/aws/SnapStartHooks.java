package io.skyhop.aws;

import io.skyhop.core.FunctionFailedException;
import io.skyhop.core.FunctionRuntime;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * When an execution environment runs the function's {@code @Prime} and {@code @AfterRestore}
 * methods on Lambda. Without SnapStart: {@code @Prime} at init, once. With SnapStart ({@value
 * #INIT_TYPE} = {@code snap-start}, set by Lambda while it initialises the version it snapshots): a
 * CRaC resource registered with {@link Core#getGlobalContext()}, so {@code @Prime} runs in {@code
 * beforeCheckpoint} (its work is in the snapshot) and {@code @AfterRestore} in {@code
 * afterRestore}, once per restored environment. The Lambda runtime bridges {@code org.crac} to its
 * own checkpoint (the system property {@code org.crac.Core.Compat}).
 */
final class SnapStartHooks implements Resource {
  /** The variable Lambda sets to {@code snap-start} while it initialises a SnapStart version. */
  static final String INIT_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

  private final FunctionRuntime runtime;
  private final String function;

  private SnapStartHooks(FunctionRuntime runtime, String function) {
    this.runtime = runtime;
    this.function = function;
  }

  /**
   * Primes now, or registers the checkpoint hooks under SnapStart.
   *
   * @return the registered resource, which the caller keeps (CRaC contexts may hold resources
   *     weakly), or null when it primed now
   * @throws FunctionFailedException when the constructor or the {@code @Prime} method throws
   */
  static SnapStartHooks install(FunctionRuntime runtime, String function, Map<String, String> env)
      throws FunctionFailedException {
    if (!"snap-start".equals(env.get(INIT_TYPE))) {
      runtime.prime(function);
      return null;
    }
    SnapStartHooks hooks = new SnapStartHooks(runtime, function);
    Core.getGlobalContext().register(hooks);
    return hooks;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
    runtime.prime(function);
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) throws Exception {
    runtime.afterRestore(function);
  }
}
