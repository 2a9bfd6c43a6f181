package io.skyhop.tooling.deploy;

import io.skyhop.tooling.Target;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings whose values differ by cloud, given once per target: {@code
 * skyhop.<target>.region=<region>} and {@code skyhop.<target>.resources.<logical>=<native id>}
 * override {@code skyhop.region} and {@code skyhop.resources.<logical>} for that target only. A
 * deploy to several targets at once ({@code skyhop.targets}) needs them: region names and resource
 * ids have a different shape on each provider.
 */
public final class TargetScopedSettings {
  private static final String PREFIX = "skyhop.";
  private static final String REGION = "region";
  private static final String RESOURCES = "resources.";

  private TargetScopedSettings() {}

  /**
   * Whether {@code rest}, the part of {@code skyhop.<target>.<rest>} after the target id, is a
   * shared setting given for one target ({@code region}, {@code resources.<logical>}).
   */
  public static boolean isScoped(String rest) {
    return rest.equals(REGION)
        || (rest.startsWith(RESOURCES) && rest.length() > RESOURCES.length());
  }

  /** {@code values} as {@code target} sees them: its scoped settings over the shared ones. */
  public static Map<String, String> forTarget(Map<String, String> values, Target target) {
    Map<String, String> result = new HashMap<>(values);
    String scope = PREFIX + target.id() + ".";
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (e.getKey().startsWith(scope)) {
        String rest = e.getKey().substring(scope.length());
        if (isScoped(rest)) {
          result.put(PREFIX + rest, e.getValue());
        }
      }
    }
    return result;
  }
}
