package io.skyhop.tooling.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * One setting a provider reads, {@code skyhop.<target id>.<name>}, as it declares it through {@link
 * io.skyhop.tooling.TargetProvider#settings()}: the goals read it from the pom's and {@code -D}
 * properties, refuse a {@code skyhop.<id>.*} setting the provider does not declare, and the docs
 * list it.
 *
 * @param name the whole property, e.g. {@code skyhop.aws.role}; a name ending in {@code .<…>} (e.g.
 *     {@code skyhop.aws.endpoint.<service>}) stands for every property with that beginning
 * @param description what it sets, one sentence for the docs
 * @param defaultValue the value the goals use when it is unset
 * @param packaging whether {@code skyhop:package} reads it (every goal that deploys does)
 */
public record ProviderSetting(
    String name, String description, Optional<String> defaultValue, boolean packaging) {

  /** Checks every part is present. */
  public ProviderSetting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(defaultValue, "defaultValue");
  }

  /** A setting of the goals that deploy, with no default. */
  public static ProviderSetting of(String name, String description) {
    return new ProviderSetting(name, description, Optional.empty(), false);
  }

  /** This setting with a default value. */
  public ProviderSetting withDefault(String value) {
    return new ProviderSetting(name, description, Optional.of(value), packaging);
  }

  /** This setting, read by {@code skyhop:package} too. */
  public ProviderSetting atPackaging() {
    return new ProviderSetting(name, description, defaultValue, true);
  }

  /** Whether {@code property} is this setting (or, for a {@code .<…>} name, one of its family). */
  public boolean matches(String property) {
    int open = name.indexOf('<');
    return open < 0 ? name.equals(property) : property.startsWith(name.substring(0, open));
  }
}
