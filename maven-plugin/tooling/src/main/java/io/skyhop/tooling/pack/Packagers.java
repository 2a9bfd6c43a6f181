package io.skyhop.tooling.pack;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;

/** The packager of each target: the explicit registry. */
public final class Packagers {
  private Packagers() {}

  /**
   * The packager for a target.
   *
   * @throws ConfigurationException when this version cannot package the target
   */
  public static TargetPackager of(Target target) {
    TargetPackager packager =
        switch (target) {
          case AWS -> new io.skyhop.tooling.pack.aws.AwsPackager();
          case AZURE -> new io.skyhop.tooling.pack.azure.AzurePackager();
          case GCP -> new io.skyhop.tooling.pack.gcp.GcpPackager();
          case LOCAL -> new io.skyhop.tooling.pack.local.LocalPackager();
          case KNATIVE -> new io.skyhop.tooling.pack.knative.KnativePackager();
        };
    if (packager == null) {
      throw new ConfigurationException(
          "skyhop.targets",
          target.id(),
          "cannot be packaged by this version of Skyhop yet. Fix: remove it from skyhop.targets");
    }
    return packager;
  }
}
