package io.skyhop.tooling.settings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a build's environment values come from besides {@code @Function(env)}: the stage ({@code
 * skyhop.stage}, unset by default), the project's settings directory ({@code skyhop.settingsDir},
 * default {@code src/main/skyhop}) holding {@code <stage>.properties} ({@code default.properties}
 * without a stage), and the {@code -Dskyhop.env.<KEY>=…} overrides.
 *
 * @param stage the stage, if set
 * @param dir the settings directory; empty: no properties file is read
 * @param overrides the {@code skyhop.env.*} values by key (the prefix removed)
 */
public record StageSettings(
    Optional<String> stage, Optional<Path> dir, Map<String, String> overrides) {
  /** The property naming the stage. */
  public static final String STAGE = "skyhop.stage";

  /** The property naming the settings directory. */
  public static final String DIR = "skyhop.settingsDir";

  /** The prefix of environment overrides. */
  public static final String ENV_PREFIX = "skyhop.env.";

  /** Copies the overrides, sorted by key. */
  public StageSettings {
    stage = stage.map(String::trim).filter(s -> !s.isEmpty());
    overrides = Map.copyOf(overrides);
  }

  /**
   * Reads the settings from goal properties ({@value #STAGE}, {@value #DIR} as an absolute path,
   * {@value #ENV_PREFIX}*).
   */
  public static StageSettings from(Map<String, String> properties) {
    Map<String, String> overrides = new TreeMap<>();
    properties.forEach(
        (k, v) -> {
          if (k.startsWith(ENV_PREFIX) && k.length() > ENV_PREFIX.length()) {
            overrides.put(k.substring(ENV_PREFIX.length()), v == null ? "" : v);
          }
        });
    String dir = properties.get(DIR);
    return new StageSettings(
        Optional.ofNullable(properties.get(STAGE)),
        Optional.ofNullable(dir).filter(d -> !d.isBlank()).map(Path::of),
        overrides);
  }

  /** {@code <dir>/<stage>.properties}, or {@code <dir>/default.properties} without a stage. */
  public Optional<Path> file() {
    return dir.map(d -> d.resolve(stage.orElse("default") + ".properties"));
  }
}
