package io.skyhop.maven;

import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.Packager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds the artifacts of every target in {@code skyhop.targets} under {@code target/skyhop/}, and
 * {@code target/skyhop/manifest.json}.
 */
@Mojo(
    name = "package",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class PackageMojo extends AbstractSkyhopMojo {
  /**
   * Comma-separated targets to package: {@code aws,azure,gcp,local} and, when named, {@code
   * knative}.
   */
  @Parameter(property = "skyhop.targets", defaultValue = "aws,azure,gcp,local")
  String targets;

  /** The base image of the knative target's container image. */
  @Parameter(property = "skyhop.knative.baseImage")
  String knativeBaseImage;

  /** The Knative Eventing Broker whose Triggers feed the knative target's queue functions. */
  @Parameter(property = "skyhop.knative.broker", defaultValue = "default")
  String knativeBroker;

  /** Where Knative sends queue messages that failed every retry (an http(s) URL); none: dropped. */
  @Parameter(property = "skyhop.knative.deadLetterSink")
  String knativeDeadLetterSink;

  /**
   * The stage the SAM template ({@code aws/template.yaml}) names its functions and tags for, as
   * {@code skyhop:deploy} does with the same stage; unset: no stage.
   */
  @Parameter(property = "skyhop.stage")
  String stage;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    execute(
        () -> {
          Map<String, String> options = new HashMap<>();
          if (knativeBaseImage != null) {
            options.put("skyhop.knative.baseImage", knativeBaseImage);
          }
          if (knativeBroker != null) {
            options.put("skyhop.knative.broker", knativeBroker);
          }
          if (stage != null) {
            options.put("skyhop.stage", stage);
          }
          if (knativeDeadLetterSink != null) {
            options.put("skyhop.knative.deadLetterSink", knativeDeadLetterSink);
          }
          PackageRequest request =
              new PackageRequest(
                  app,
                  project.getVersion(),
                  javaRelease(),
                  Path.of(project.getBuild().getOutputDirectory()),
                  dependencies(),
                  adapters(),
                  outputDir(),
                  Target.list(targets, "skyhop.targets"),
                  options);
          new Packager(listener()).pack(request);
        });
  }
}
