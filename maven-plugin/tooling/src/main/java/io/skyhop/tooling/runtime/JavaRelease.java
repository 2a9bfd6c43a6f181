package io.skyhop.tooling.runtime;

import io.skyhop.tooling.ConfigurationException;
import java.util.Optional;

/**
 * The Java release a project compiles for, from the first of {@code maven.compiler.release}, the
 * compiler plugin's {@code <release>}, and {@code maven.compiler.target} that is set (17 when none
 * is). The shell reads the three values; this is the one place that ranks and parses them.
 */
public final class JavaRelease {
  /** The release assumed when the build sets none: Skyhop's baseline. */
  public static final int BASELINE = 17;

  private JavaRelease() {}

  /**
   * The release.
   *
   * @param property {@code maven.compiler.release}, if set
   * @param pluginRelease the maven-compiler-plugin's {@code <release>}, if set
   * @param target {@code maven.compiler.target}, if set
   * @throws ConfigurationException when the value that counts is not a release number, naming where
   *     it came from
   */
  public static int of(
      Optional<String> property, Optional<String> pluginRelease, Optional<String> target) {
    if (present(property)) {
      return parse("maven.compiler.release", property.get());
    }
    if (present(pluginRelease)) {
      return parse("maven-compiler-plugin <release>", pluginRelease.get());
    }
    if (present(target)) {
      return parse("maven.compiler.target", target.get());
    }
    return BASELINE;
  }

  private static boolean present(Optional<String> value) {
    return value.filter(v -> !v.isBlank()).isPresent();
  }

  private static int parse(String setting, String value) {
    try {
      return Integer.parseInt(value.trim().replaceFirst("^1\\.", ""));
    } catch (NumberFormatException e) {
      throw new ConfigurationException(
          setting, value, "is not a Java release number. Fix: set it to 17, 21 or 25");
    }
  }
}
