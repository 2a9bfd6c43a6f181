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
          case AWS -> null;
          case AZURE -> null;
          case GCP -> null;
          case LOCAL -> null;
          case KNATIVE -> null;
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
