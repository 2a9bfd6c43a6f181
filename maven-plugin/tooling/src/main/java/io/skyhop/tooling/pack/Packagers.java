package io.skyhop.tooling.pack;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.TargetProviders;

/** The packager of each target, from its {@link TargetProvider}. */
public final class Packagers {
  private Packagers() {}

  /**
   * The packager for a target.
   *
   * @throws ConfigurationException when this version cannot package the target
   */
  public static TargetPackager of(Target target) {
    return TargetProviders.of(target).packager();
  }
}
