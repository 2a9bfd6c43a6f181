package io.skyhop.maven;

import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.deploy.local.LocalRuntimes;
import io.skyhop.tooling.dev.DevLoop;
import io.skyhop.tooling.local.LaunchedRuntime;
import io.skyhop.tooling.pack.Packager;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs this project's functions on the in-house runtime in the foreground (Ctrl-C stops it, and the
 * runtime with it). Builds what it needs: {@code mvn skyhop:run} compiles the project (a forked
 * {@code compile}) and packages its local bundle. While it runs, a saved change under the source
 * folders is compiled and redeployed without a restart ({@code skyhop.reload=false} turns that
 * off); every trigger stays callable.
 */
@Mojo(
    name = "run",
    requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME,
    threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class RunMojo extends AbstractDeployMojo {
  /** The port the runtime listens on. */
  @Parameter(property = "skyhop.port", defaultValue = "8080")
  int port;

  /** Compile and redeploy saved source changes while running. */
  @Parameter(property = "skyhop.reload", defaultValue = "true")
  boolean reload;

  /** The folder of the per-stage settings files, as for {@code skyhop:package}. */
  @Parameter(property = "skyhop.settingsDir", defaultValue = "${project.basedir}/src/main/skyhop")
  File settingsDir;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    execute(
        () -> {
          Path bundle = outputDir().resolve("local").resolve(app + ".zip");
          Packager packager = new Packager(listener());
          DevLoop.Reload pack =
              () ->
                  packager.pack(
                      packageRequest(
                          List.of(TargetProviders.devTarget()),
                          StageProperties.of(project, session, null, settingsDir)));
          pack.run();
          String jar = request().settings().get("skyhop.local.runtimeJar").orElse(null);
          try (LaunchedRuntime runtime =
              LocalRuntimes.forBuild(
                  jar == null ? null : Path.of(jar), port, outputDir().resolve("run-data"), true)) {
            Thread stopper = new Thread(runtime::close, "skyhop-run-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            LocalRuntimes.deploy(runtime, app, bundle, listener());
            getLog().info("Serving " + app + " at " + runtime.url() + " — Ctrl-C stops it");
            if (!reload) {
              runtime.waitFor();
              return;
            }
            try (DevLoop loop =
                new DevLoop(
                    project.getCompileSourceRoots().stream().map(Path::of).toList(),
                    Path.of(project.getBuild().getOutputDirectory()),
                    project.getCompileClasspathElements().stream().map(Path::of).toList(),
                    javaRelease(),
                    () -> {
                      pack.run();
                      runtime.client().deploy(app, bundle);
                    },
                    listener())) {
              loop.start();
              runtime.waitFor();
            }
          }
        });
  }
}
