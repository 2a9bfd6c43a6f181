package io.skyhop.maven;

import io.skyhop.tooling.deploy.local.RuntimeProcess;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs this project's functions on the in-house runtime in the foreground (Ctrl-C stops it). Needs
 * the local bundle: {@code mvn package skyhop:run}.
 */
@Mojo(name = "run", threadSafe = true)
public class RunMojo extends AbstractDeployMojo {
  /** The port the runtime listens on. */
  @Parameter(property = "skyhop.port", defaultValue = "8080")
  int port;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    execute(
        () -> {
          Path bundle = outputDir().resolve("local").resolve(app + ".zip");
          String jar = request().settings().get("skyhop.local.runtimeJar").orElse(null);
          try (RuntimeProcess runtime =
              RuntimeProcess.start(
                  jar == null ? null : Path.of(jar), port, outputDir().resolve("run-data"), true)) {
            runtime.deploy(app, bundle, listener());
            getLog()
                .info(
                    "Serving " + app + " at " + runtime.client().baseUrl() + " — Ctrl-C stops it");
            runtime.waitFor();
          }
        });
  }
}
