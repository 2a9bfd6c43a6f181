package io.skyhop.tooling.deploy;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.TargetProviders;

/** The deployer of each target, from its {@link TargetProvider}. */
public final class Deployers {
  private Deployers() {}

  /**
   * The deployer for a target.
   *
   * @throws ConfigurationException when this version cannot deploy to the target
   */
  public static Deployer of(Target target) {
    return TargetProviders.of(target).deployer();
  }
}
