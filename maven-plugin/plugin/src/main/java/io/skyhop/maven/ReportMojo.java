package io.skyhop.maven;

import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.lab.LabTools;
import io.skyhop.tooling.promote.Promotion;
import io.skyhop.tooling.report.ReportRequest;
import io.skyhop.tooling.report.ReportSettings;
import io.skyhop.tooling.report.Reporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Cold-start and cost metrics for every target, side by side: measures each function on each target
 * of {@code skyhop.targets} in fresh JVMs started as the target starts them (Amazon's runtime
 * interface client, Google's function invoker, the in-house runtime, a local Azure harness), prices
 * them with each provider's rules, and writes {@code target/skyhop/report.json}, {@code report.md}
 * and {@code report.html}. Settings ({@code -D}): {@code skyhop.samples}, {@code
 * skyhop.warmInvocations}, {@code skyhop.invocationsPerMonth}, {@code skyhop.coldStartRatio},
 * {@code skyhop.serverUsdPerMonth}, {@code skyhop.prices}, {@code skyhop.payloads}; {@code
 * skyhop.durationMs} with {@code skyhop.memoryMb} prices without measuring; {@code
 * skyhop.measure=N} adds N forced cold starts on the deployed provider. With {@code
 * -Dskyhop.artifact=groupId:artifactId:version} (and {@code skyhop.measure}) it measures a
 * published build's deployed functions and needs no project.
 */
@Mojo(
    name = "report",
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    requiresProject = false,
    threadSafe = true)
public class ReportMojo extends AbstractSkyhopMojo {
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  /** The targets to measure; unset: those {@code providers.properties} flags {@code default}. */
  @Parameter(property = "skyhop.targets")
  String targets;

  /** A published build whose deployed functions to measure ({@code groupId:artifactId:version}). */
  @Parameter(property = "skyhop.artifact")
  String artifact;

  @Override
  String targetIds() {
    return targets == null ? TargetProviders.defaultTargets() : targets;
  }

  @Override
  boolean runsWithoutProject() {
    return artifact != null && !artifact.isBlank();
  }

  /** {@code target/skyhop} of the project, or of the current directory when there is none. */
  @Override
  Path outputDir() {
    if (project.getFile() == null) {
      return Path.of(session.getExecutionRootDirectory(), "target", "skyhop");
    }
    return super.outputDir();
  }

  /** With {@code skyhop.artifact}: each target's package and the manifest, digests checked. */
  private void promote() throws java.io.IOException {
    for (String id : targetIds().split(",")) {
      Promotion p =
          ArtifactPackages.promote(
              artifact,
              Target.of(id.trim(), "skyhop.targets"),
              outputDir(),
              repositorySystem,
              repositorySession,
              project.getRemoteProjectRepositories());
      if (!session.getUserProperties().containsKey("skyhop.app")) {
        app = p.app();
      }
    }
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    execute(
        () -> {
          Map<String, String> values = new HashMap<>();
          copySkyhop(project.getProperties(), values);
          copySkyhop(session.getUserProperties(), values);
          values.put("skyhop.targets", targetIds());
          if (runsWithoutProject()) {
            promote();
          }
          Path basedir =
              project.getFile() == null
                  ? Path.of(session.getExecutionRootDirectory())
                  : project.getBasedir().toPath();
          Map<String, List<Path>> runtimes = new LinkedHashMap<>();
          for (TargetProvider p : TargetProviders.loaded()) {
            runtimes.put(p.target().id(), jars(p.labRuntime()));
          }
          LabTools tools = new LabTools(LabTools.currentJava(), runtimes, LabTools.ownClasspath());
          new Reporter(listener())
              .run(
                  new ReportRequest(
                      app,
                      basedir,
                      outputDir(),
                      ReportSettings.of(values, basedir),
                      tools,
                      values));
        });
  }

  /**
   * The artifacts named, each with the artifacts it brings, from the resolved providers, else the
   * plugin's own artifact of that id (the in-house runtime).
   */
  private List<Path> jars(List<String> artifactIds) {
    List<Path> jars = new ArrayList<>();
    for (String id : artifactIds) {
      List<Path> closure = providers.closure(id);
      if (closure.isEmpty()) {
        closure =
            plugin.getArtifacts().stream()
                .filter(a -> a.getArtifactId().equals(id) && a.getFile() != null)
                .map(a -> a.getFile().toPath())
                .toList();
      }
      for (Path p : closure) {
        if (!jars.contains(p)) {
          jars.add(p);
        }
      }
    }
    return jars;
  }

  private static void copySkyhop(Properties from, Map<String, String> to) {
    for (String name : from.stringPropertyNames()) {
      if (name.startsWith("skyhop.")) {
        to.put(name, from.getProperty(name));
      }
    }
  }
}
