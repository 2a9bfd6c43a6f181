package io.skyhop.tooling.deploy;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.TargetProviders;

/**
 * {@value #PROPERTY}: the instruction set functions run on, {@code x86_64} (the default) or {@code
 * arm64} where a provider offers it (the targets {@code providers.properties} flags {@code
 * arch-arm64}). A target that offers no choice refuses arm64 rather than deploying x86_64 silently.
 */
public final class Architectures {
  /** The property. */
  public static final String PROPERTY = "skyhop.architecture";

  private Architectures() {}

  /**
   * Checks that {@code settings} ask for x86_64 (or nothing).
   *
   * @param target the target id, e.g. {@code gcp}
   * @param offer what the target runs functions on instead
   * @throws ConfigurationException naming {@value #PROPERTY} otherwise
   */
  public static void requireX86(Settings settings, String target, String offer) {
    String value = settings.get(PROPERTY).orElse("x86_64").trim();
    if (!value.equals("x86_64")) {
      java.util.List<String> offering = TargetProviders.flagged("arch-" + value);
      throw new ConfigurationException(
          PROPERTY,
          value,
          "is not offered by the "
              + target
              + " target ("
              + offer
              + "). Fix: unset "
              + PROPERTY
              + " when deploying to "
              + target
              + (offering.isEmpty()
                  ? ""
                  : "; " + value + " is offered on " + String.join(", ", offering)));
    }
  }
}
