package io.skyhop.aws;

import io.skyhop.core.FunctionRuntime;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Under SnapStart, a CRaC resource registered with {@link Core#getGlobalContext()}: {@code @Prime}
 * runs in {@code beforeCheckpoint} (its work is in the snapshot) and {@code @AfterRestore} in
 * {@code afterRestore}, once per restored environment. The Lambda runtime bridges {@code org.crac}
 * to its own checkpoint (the system property {@code org.crac.Core.Compat}).
 */
final class SnapStartHooks implements Resource {
  private final FunctionRuntime runtime;
  private final String function;

  private SnapStartHooks(FunctionRuntime runtime, String function) {
    this.runtime = runtime;
    this.function = function;
  }

  /** Registers the hooks of {@code function}; the caller keeps the returned resource. */
  static SnapStartHooks register(FunctionRuntime runtime, String function) {
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
