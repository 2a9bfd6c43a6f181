package io.skyhop.tooling.deploy;

import io.skyhop.tooling.ConfigurationException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code skyhop.*} settings of a goal (from the pom, {@code -D} or settings.xml), read once at
 * the edge and passed in as values. Never holds credentials: those come from each provider's
 * standard chain.
 */
public record Settings(Map<String, String> values) {
  /** Settings from a map (copied). */
  public Settings {
    values = Map.copyOf(values);
  }

  /** A setting, if set and not blank. */
  public Optional<String> get(String property) {
    return Optional.ofNullable(values.get(property)).map(String::trim).filter(v -> !v.isEmpty());
  }

  /**
   * A required setting.
   *
   * @param fix how to choose a value, appended to the message
   * @throws ConfigurationException naming the property when it is missing
   */
  public String require(String property, String fix) {
    return get(property)
        .orElseThrow(
            () ->
                new ConfigurationException(
                    property,
                    property
                        + " is not set. Fix: pass -D"
                        + property
                        + "=… or set <"
                        + property
                        + "> in the pom's <properties>; "
                        + fix));
  }

  /**
   * A pause in milliseconds (e.g. between polls of a provider's long-running operation; tests set a
   * few), if set.
   *
   * @param usual the value when unset, for the message
   * @throws ConfigurationException naming the property when it is not a number from 1 to 60000
   */
  public Optional<Duration> millis(String property, long usual) {
    return get(property)
        .map(
            v -> {
              long millis;
              try {
                millis = Long.parseLong(v);
              } catch (NumberFormatException e) {
                millis = -1;
              }
              if (millis < 1 || millis > 60_000) {
                throw new ConfigurationException(
                    property,
                    v,
                    "is not a pause between 1 and 60000 milliseconds. Fix: set -D"
                        + property
                        + "=<milliseconds>, or leave it unset for "
                        + usual);
              }
              return Duration.ofMillis(millis);
            });
  }

  /** A boolean setting, false when absent. */
  public boolean flag(String property) {
    return get(property).map(Boolean::parseBoolean).orElse(false);
  }
}
