package io.skyhop.tooling.deploy;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;

/** The deployer of each target: the explicit registry. */
public final class Deployers {
  private Deployers() {}

  /**
   * The deployer for a target.
   *
   * @throws ConfigurationException when this version cannot deploy to the target
   */
  public static Deployer of(Target target) {
    Deployer deployer =
        switch (target) {
          case AWS -> new io.skyhop.tooling.deploy.aws.AwsDeployer();
          case AZURE -> new io.skyhop.tooling.deploy.azure.AzureDeployer();
          case GCP -> new io.skyhop.tooling.deploy.gcp.GcpDeployer();
          case LOCAL -> new io.skyhop.tooling.deploy.local.LocalDeployer();
          case KNATIVE -> new io.skyhop.tooling.deploy.knative.KnativeDeployer();
        };
    if (deployer == null) {
      throw new ConfigurationException(
          "skyhop.target",
          target.id(),
          "cannot be deployed by this version of Skyhop yet. Fix: choose another skyhop.target");
    }
    return deployer;
  }
}
