package io.skyhop.maven;

import io.skyhop.tooling.settings.StageSettings;
import java.io.File;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * The stage settings of a build as goal properties: {@code skyhop.stage}, {@code
 * skyhop.settingsDir} (absolute) and every {@code skyhop.env.*} of the pom's properties and the
 * command line ({@code -D}, which wins).
 */
final class StageProperties {
  private StageProperties() {}

  static Map<String, String> of(
      MavenProject project, MavenSession session, String stage, File settingsDir) {
    Map<String, String> result = new TreeMap<>();
    result.putAll(withPrefix(project, session, StageSettings.ENV_PREFIX));
    if (stage != null && !stage.isBlank()) {
      result.put(StageSettings.STAGE, stage);
    }
    result.put(StageSettings.DIR, settingsDir.getAbsolutePath());
    return result;
  }

  /**
   * The properties of the pom and the command line ({@code -D}, which wins) whose names begin with
   * {@code prefix}.
   */
  static Map<String, String> withPrefix(MavenProject project, MavenSession session, String prefix) {
    Map<String, String> result = new TreeMap<>();
    for (Properties from :
        java.util.List.of(project.getProperties(), session.getUserProperties())) {
      for (String name : from.stringPropertyNames()) {
        if (name.startsWith(prefix)) {
          result.put(name, from.getProperty(name));
        }
      }
    }
    return result;
  }
}
