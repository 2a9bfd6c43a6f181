package io.skyhop.tooling;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A target a function can run on, by the id users type: a value (two targets with one id are equal;
 * compare with {@code equals}, never {@code ==}). The targets there are come from the {@link
 * TargetProvider}s registered through {@code META-INF/services} and the registration list ({@link
 * TargetProviders}); the engine names none of them.
 */
public final class Target {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,30}");

  private final String id;

  private Target(String id) {
    this.id = id;
  }

  /**
   * The target with a provider's id (any case: {@code AWS} is {@code aws}), unchecked against the
   * registry: for {@link TargetProvider#target()}.
   *
   * @throws IllegalArgumentException for an id that is not lower-case letters, digits and dashes
   */
  public static Target named(String id) {
    String v = id == null ? "" : id.toLowerCase(Locale.ROOT);
    if (!ID.matcher(v).matches()) {
      throw new IllegalArgumentException("A target id is letters, digits and '-': " + id);
    }
    return new Target(v);
  }

  /** The id users type, e.g. {@code aws}. */
  public String id() {
    return id;
  }

  /**
   * The target with this id.
   *
   * @param property the property the value came from, named in the error
   * @throws ConfigurationException for an id no provider serves
   */
  public static Target of(String value, String property) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    List<String> known = TargetProviders.ids();
    if (!known.contains(v)) {
      throw new ConfigurationException(property, value, TargetProviders.unknown(property));
    }
    return new Target(v);
  }

  /** Parses a comma-separated list such as {@code aws,azure,gcp,local}. */
  public static List<Target> list(String value, String property) {
    Set<Target> targets = new LinkedHashSet<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        targets.add(of(part, property));
      }
    }
    if (targets.isEmpty()) {
      throw new ConfigurationException(
          property,
          value,
          "names no target. Fix: list some of " + TargetProviders.ids() + ", comma-separated");
    }
    return new ArrayList<>(targets);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Target t && t.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** The id in capitals, as the enum this class replaced printed it (log lines show it). */
  @Override
  public String toString() {
    return id.toUpperCase(Locale.ROOT);
  }
}
