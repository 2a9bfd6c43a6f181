package io.skyhop.it.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.MavenBuild;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * docs/plugin.md: {@code mvn help:describe -Dplugin=io.skyhop:skyhop-maven-plugin -Ddetail} lists
 * every goal, and every parameter has a description.
 */
class PluginHelpIT {
  @Test
  void everyGoalAndParameterIsDescribed() {
    MavenBuild workspace =
        MavenBuild.copy(
            Path.of("src/test/resources/archetype/workspace").toAbsolutePath(), "plugin-help");
    MavenBuild.Result help =
        workspace.run(
            Duration.ofMinutes(3),
            "org.apache.maven.plugins:maven-help-plugin:3.5.1:describe",
            "-Dplugin=io.skyhop:skyhop-maven-plugin",
            "-Ddetail");
    assertThat(help.succeeded()).as(help.toString()).isTrue();
    assertThat(help.output())
        .contains("skyhop:package", "skyhop:deploy", "skyhop:remove", "skyhop:run")
        .contains("skyhop:invoke", "skyhop:report")
        .contains("User property: skyhop.targets", "User property: skyhop.target")
        .contains("User property: skyhop.function")
        .doesNotContain("(no description)");
    // the targets' own settings are declared by their providers (docs/settings.md); help wraps
    assertThat(help.output().replaceAll("\\s+", " "))
        .contains("writes target/skyhop/deploy-TARGET.json")
        .contains("Each target's own settings are skyhop.TARGET.* properties")
        .contains("skyhop.local.url), declared by that target's provider and listed in");
  }
}
