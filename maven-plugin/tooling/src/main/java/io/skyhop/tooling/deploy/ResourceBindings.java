package io.skyhop.tooling.deploy;

import io.skyhop.tooling.ConfigurationException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Bring your own: {@code skyhop.resources.<logical>=<native id>} binds the logical name of a
 * {@code @QueueTrigger} queue or {@code @StorageTrigger} bucket to a resource that already exists
 * (an ARN, a topic path, a bucket name…), which deploy then uses as is and never creates, changes
 * or deletes. Each target checks the id's format.
 *
 * @param bound native ids by logical name
 */
public record ResourceBindings(Map<String, String> bound) {
  /** The property prefix; the logical name follows. */
  public static final String PREFIX = "skyhop.resources.";

  /** Copies the map. */
  public ResourceBindings {
    bound = Map.copyOf(bound);
  }

  /** The bindings among {@code settings}. */
  public static ResourceBindings of(Settings settings) {
    Map<String, String> bound = new TreeMap<>();
    for (String key : settings.values().keySet()) {
      if (key.startsWith(PREFIX) && key.length() > PREFIX.length()) {
        settings.get(key).ifPresent(v -> bound.put(key.substring(PREFIX.length()), v));
      }
    }
    return new ResourceBindings(bound);
  }

  /** The native id bound to {@code logical}, if any. */
  public Optional<String> get(String logical) {
    return Optional.ofNullable(bound.get(logical));
  }

  /**
   * {@code value}, bound to {@code logical}, when it has the target's {@code format}.
   *
   * @param what what the target expects, e.g. {@code an SQS queue ARN}
   * @param example the expected shape, e.g. {@code arn:aws:sqs:<region>:<account>:<queue>}
   * @throws ConfigurationException naming {@code skyhop.resources.<logical>} and the fix
   */
  public static String check(
      String logical, String value, Pattern format, String what, String example) {
    if (!format.matcher(value).matches()) {
      throw new ConfigurationException(
          property(logical),
          value,
          "is not "
              + what
              + ". Fix: bind the logical name '"
              + logical
              + "' to "
              + example
              + ", or remove the setting");
    }
    return value;
  }

  /** The property that binds {@code logical}: {@code skyhop.resources.<logical>}. */
  public static String property(String logical) {
    return PREFIX + logical;
  }
}
