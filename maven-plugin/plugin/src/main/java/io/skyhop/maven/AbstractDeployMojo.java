package io.skyhop.maven;

import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.deploy.TargetScopedSettings;
import io.skyhop.tooling.promote.Promotion;
import io.skyhop.tooling.settings.ProviderSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Parameter;

/** Goals that act on a deployed target: deploy, remove, and remote invoke. */
abstract class AbstractDeployMojo extends AbstractSkyhopMojo {
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  /**
   * The target: one of the registered ids ({@code providers.properties}); unset: the in-house
   * target the registration list flags {@code dev}.
   */
  @Parameter(property = "skyhop.target")
  String target;

  @Override
  String targetIds() {
    return target == null ? TargetProviders.devTarget().id() : target;
  }

  /** Print the plan (create/update/unchanged per resource) and call nothing. */
  @Parameter(property = "skyhop.dryRun", defaultValue = "false")
  boolean dryRun;

  /** The provider region (AWS region, Azure location, GCP region). */
  @Parameter(property = "skyhop.region")
  String region;

  /**
   * A published build to act on instead of this project's: {@code groupId:artifactId:version},
   * whose {@code skyhop-manifest} and {@code skyhop-<target>} artifacts are resolved, checked and
   * deployed as they are. The goal then needs no project.
   */
  @Parameter(property = "skyhop.artifact")
  String artifact;

  @Override
  boolean runsWithoutProject() {
    return promotes();
  }

  boolean promotes() {
    return artifact != null && !artifact.isBlank();
  }

  /**
   * With {@code skyhop.artifact}: resolves the build, checks its package's digest and unpacks it
   * into {@code target/skyhop/}; the app is the packaged one unless {@code skyhop.app} is given.
   */
  Optional<Promotion> promote() throws IOException {
    return promote(target());
  }

  /** {@link #promote()} for one target of several. */
  Optional<Promotion> promote(Target target) throws IOException {
    if (!promotes()) {
      return Optional.empty();
    }
    Promotion promotion =
        ArtifactPackages.promote(
            artifact,
            target,
            outputDir(),
            repositorySystem,
            repositorySession,
            project.getRemoteProjectRepositories());
    if (!session.getUserProperties().containsKey("skyhop.app")) {
      app = promotion.app();
    }
    return Optional.of(promotion);
  }

  /**
   * {@code target/skyhop} of the project, or of the current directory when there is none (a goal
   * run with {@code skyhop.artifact} where no pom is: Maven's stand-in project leaves its build
   * directory unresolved).
   */
  @Override
  Path outputDir() {
    if (project.getFile() == null) {
      return Path.of(session.getExecutionRootDirectory(), "target", "skyhop");
    }
    return super.outputDir();
  }

  Target target() {
    return Target.of(targetIds(), "skyhop.target");
  }

  /**
   * Every {@code skyhop.*} setting: pom properties, then {@code -D} user properties, then this
   * goal's parameters (and {@code goalSettings}, alternating names and values); the providers'
   * settings checked and defaulted ({@link ProviderSettings}); plus the location of the in-house
   * runtime jar shipped with the plugin.
   */
  DeployRequest request(String... goalSettings) {
    return request(target(), goalSettings);
  }

  /** {@link #request(String...)} for one target of several. */
  DeployRequest request(Target target, String... goalSettings) {
    Map<String, String> values =
        new HashMap<>(StageProperties.withPrefix(project, session, "skyhop."));
    put(values, "skyhop.region", region);
    values.putAll(ProviderSettings.resolve(values, TargetProviders.loaded()));
    for (int i = 0; i + 1 < goalSettings.length; i += 2) {
      put(values, goalSettings[i], goalSettings[i + 1]);
    }
    for (Artifact a : plugin.getArtifacts()) {
      if (a.getArtifactId().equals("skyhop-runtime") && a.getFile() != null) {
        values.putIfAbsent("skyhop.local.runtimeJar", a.getFile().getAbsolutePath());
      }
    }
    return new DeployRequest(
        target,
        app,
        outputDir(),
        new Settings(TargetScopedSettings.forTarget(values, target)),
        dryRun);
  }

  private static void put(Map<String, String> values, String key, String value) {
    if (value != null && !value.isBlank()) {
      values.put(key, value);
    }
  }
}
