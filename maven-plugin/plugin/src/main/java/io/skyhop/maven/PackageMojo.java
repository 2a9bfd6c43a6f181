package io.skyhop.maven;

import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.Packager;
import io.skyhop.tooling.settings.ProviderSettings;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds the artifacts of every target in {@code skyhop.targets} under {@code target/skyhop/}, and
 * {@code target/skyhop/manifest.json}; attaches each target's package and the manifest to the
 * project ({@link PackageAttachments}), so that {@code mvn install} and {@code mvn deploy} publish
 * them.
 */
@Mojo(
    name = "package",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class PackageMojo extends AbstractSkyhopMojo {
  /**
   * Comma-separated targets to package; unset: those the registration list ({@code
   * providers.properties}) flags {@code default}, {@code aws,azure,gcp,local}.
   */
  @Parameter(property = "skyhop.targets")
  String targets;

  /**
   * The target a {@code deploy} in the same build goes to: packaged too, so that {@code mvn deploy
   * -Dskyhop.target=knative} deploys this build, not an earlier one.
   */
  @Parameter(property = "skyhop.target")
  String target;

  /**
   * The stage: its settings ({@code <skyhop.settingsDir>/<stage>.properties}, unset: {@code
   * default.properties}) are packaged, and the SAM template ({@code aws/template.yaml}) names its
   * functions and tags for it, as {@code skyhop:deploy} does with the same stage.
   */
  @Parameter(property = "skyhop.stage")
  String stage;

  /**
   * The folder of the per-stage settings files: {@code KEY=value} for every function, {@code
   * <function>.KEY=value} for one. {@code -Dskyhop.env.KEY=value} overrides both.
   */
  @Parameter(property = "skyhop.settingsDir", defaultValue = "${project.basedir}/src/main/skyhop")
  File settingsDir;

  /** Fail when a target cannot honour a setting exactly (the portability table prints anyway). */
  @Parameter(property = "skyhop.strict", defaultValue = "false")
  boolean strict;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Component MavenProjectHelper projectHelper;

  @Override
  String targetIds() {
    return targetList() + "," + (target == null ? "" : target);
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    execute(
        () -> {
          Map<String, String> options = new HashMap<>();
          if (stage != null) {
            options.put("skyhop.stage", stage);
          }
          options.putAll(
              ProviderSettings.packaging(
                  StageProperties.withPrefix(project, session, "skyhop."),
                  TargetProviders.loaded()));
          options.put("skyhop.strict", Boolean.toString(strict));
          options.putAll(StageProperties.of(project, session, stage, settingsDir));
          Manifest manifest = new Packager(listener()).pack(packageRequest(targets(), options));
          PackageAttachments.attach(projectHelper, project, outputDir(), manifest);
        });
  }

  /** {@code skyhop.targets}, plus {@code skyhop.target} when it is set and not among them. */
  private List<Target> targets() {
    List<Target> list = new ArrayList<>(Target.list(targetList(), "skyhop.targets"));
    if (target != null && !target.isBlank()) {
      Target deployed = Target.of(target, "skyhop.target");
      if (!list.contains(deployed)) {
        list.add(deployed);
      }
    }
    return list;
  }

  private String targetList() {
    return targets == null ? TargetProviders.defaultTargets() : targets;
  }
}
