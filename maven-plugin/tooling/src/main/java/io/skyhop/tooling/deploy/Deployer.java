package io.skyhop.tooling.deploy;

import io.skyhop.tooling.BuildListener;

/** Deploys the packaged artifacts of one target, and removes them. */
public interface Deployer {
  /**
   * Checks settings and credentials before any call: missing region/project/subscription or
   * credentials fail here with a message naming the property to set.
   */
  void validate(DeployRequest request);

  /**
   * Creates or updates every function of the app; converges when re-run after a partial failure;
   * skips unchanged code. With {@code dryRun}, computes the plan and calls nothing that changes.
   */
  DeployResult deploy(DeployRequest request, BuildListener listener) throws Exception;

  /** Removes what deploy created for this app, and nothing else. */
  void remove(DeployRequest request, BuildListener listener) throws Exception;
}
