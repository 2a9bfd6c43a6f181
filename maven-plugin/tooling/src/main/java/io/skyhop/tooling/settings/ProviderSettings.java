package io.skyhop.tooling.settings;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.deploy.TargetScopedSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The providers' own settings ({@code skyhop.<target id>.*}, {@link ProviderSetting}) among a
 * goal's {@code skyhop.*} properties: each provider's checked against what it declares, its
 * defaults filled in. Shared code names no provider setting: the goals read them here.
 */
public final class ProviderSettings {
  private ProviderSettings() {}

  /**
   * {@code values} with every unset setting of {@code providers} that has a default set to it.
   *
   * @throws ConfigurationException naming a {@code skyhop.<id>.*} property that the provider of
   *     {@code <id>} does not declare, and the ones it does
   */
  public static Map<String, String> resolve(
      Map<String, String> values, List<TargetProvider> providers) {
    check(values, providers);
    Map<String, String> resolved = new LinkedHashMap<>(values);
    for (TargetProvider p : providers) {
      for (ProviderSetting s : p.settings()) {
        s.defaultValue().ifPresent(d -> resolved.putIfAbsent(s.name(), d));
      }
    }
    return resolved;
  }

  /**
   * The settings {@code skyhop:package} hands the packagers: those of {@code providers} marked
   * {@link ProviderSetting#packaging()}, from {@code values} or else their default.
   *
   * @throws ConfigurationException as {@link #resolve}
   */
  public static Map<String, String> packaging(
      Map<String, String> values, List<TargetProvider> providers) {
    Map<String, String> resolved = resolve(values, providers);
    Map<String, String> packaging = new TreeMap<>();
    for (TargetProvider p : providers) {
      for (ProviderSetting s : p.settings()) {
        if (s.packaging() && resolved.containsKey(s.name())) {
          packaging.put(s.name(), resolved.get(s.name()));
        }
      }
    }
    return packaging;
  }

  private static void check(Map<String, String> values, List<TargetProvider> providers) {
    for (TargetProvider p : providers) {
      String prefix = "skyhop." + p.target().id() + ".";
      List<ProviderSetting> declared = p.settings();
      for (String property : new TreeMap<>(values).keySet()) {
        if (property.startsWith(prefix)
            && !TargetScopedSettings.isScoped(property.substring(prefix.length()))
            && declared.stream().noneMatch(s -> s.matches(property))) {
          // the value is not repeated: a mistyped setting may hold a secret
          throw new ConfigurationException(
              property,
              property
                  + " is not a setting of the "
                  + p.target().id()
                  + " target. Fix: use one of "
                  + declared.stream().map(ProviderSetting::name).toList()
                  + " (docs/settings.md), or remove it");
        }
      }
    }
  }
}
