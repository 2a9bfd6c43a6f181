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
    copyEnv(project.getProperties(), result);
    copyEnv(session.getUserProperties(), result);
    if (stage != null && !stage.isBlank()) {
      result.put(StageSettings.STAGE, stage);
    }
    result.put(StageSettings.DIR, settingsDir.getAbsolutePath());
    return result;
  }

  private static void copyEnv(Properties from, Map<String, String> to) {
    for (String name : from.stringPropertyNames()) {
      if (name.startsWith(StageSettings.ENV_PREFIX)) {
        to.put(name, from.getProperty(name));
      }
    }
  }
}
