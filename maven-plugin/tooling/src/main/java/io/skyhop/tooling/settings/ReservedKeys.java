package io.skyhop.tooling.settings;

import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProviders;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Environment keys a target sets itself or refuses: Skyhop's own ({@code SKYHOP_*}), then each
 * target's, which its provider names ({@link io.skyhop.tooling.TargetProvider#envRefusal}) from the
 * provider's documentation. Compared case-insensitively, since Azure app setting names are.
 */
public final class ReservedKeys {
  private ReservedKeys() {}

  /**
   * Why {@code key} cannot be set on one of {@code targets}: e.g. {@code reserved by AWS Lambda},
   * or empty when every target accepts it. The targets' providers must be loaded.
   */
  public static Optional<String> refusal(String key, List<Target> targets) {
    if (key.toUpperCase(Locale.ROOT).startsWith("SKYHOP_")) {
      return Optional.of("is reserved by Skyhop (SKYHOP_*)");
    }
    for (Target target : targets) {
      Optional<String> refusal = TargetProviders.of(target).envRefusal(key);
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    return Optional.empty();
  }

  /**
   * A provider's rule: {@code is reserved by <owner> (target <id>)} when {@code key}, upper-cased,
   * is one of {@code names} or starts with one of {@code prefixes}.
   */
  public static Optional<String> byRule(
      String key, Target target, String owner, List<String> prefixes, List<String> names) {
    String upper = key.toUpperCase(Locale.ROOT);
    if (names.contains(upper) || prefixes.stream().anyMatch(upper::startsWith)) {
      return Optional.of("is reserved by " + owner + " (target " + target.id() + ")");
    }
    return Optional.empty();
  }
}
