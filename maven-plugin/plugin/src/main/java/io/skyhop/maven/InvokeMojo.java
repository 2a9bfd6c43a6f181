package io.skyhop.maven;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.deploy.local.LocalConnection;
import io.skyhop.tooling.deploy.local.LocalInvoke;
import io.skyhop.tooling.invoke.Invocation;
import io.skyhop.tooling.invoke.LocalFacts;
import io.skyhop.tooling.invoke.RemoteInvoke;
import io.skyhop.tooling.local.LocalRuntimeClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Invokes one function with a payload and prints its answer: through a runtime started for the
 * call, or the deployed one with {@code skyhop.remote=true}. A failed invocation fails the build.
 */
@Mojo(name = "invoke", threadSafe = true)
public class InvokeMojo extends AbstractDeployMojo {
  /** The function to invoke, by its Skyhop name. */
  @Parameter(property = "skyhop.function", required = true)
  String function;

  /** The payload, as text (JSON for POJO payloads). */
  @Parameter(property = "skyhop.data")
  String data;

  /** A file holding the payload; wins over {@code skyhop.data}. */
  @Parameter(property = "skyhop.dataFile")
  String dataFile;

  /** Invoke the deployed function instead of a local run. */
  @Parameter(property = "skyhop.remote", defaultValue = "false")
  boolean remote;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    execute(
        () -> {
          byte[] payload =
              dataFile != null
                  ? Files.readAllBytes(Path.of(dataFile))
                  : (data == null ? "" : data).getBytes(StandardCharsets.UTF_8);
          if (remote && !target().equals(TargetProviders.devTarget())) {
            Invocation done = RemoteInvoke.invoke(request(), function, payload);
            done.describe(function).forEach(getLog()::info);
            failIfError(done.status(), done.body());
            return;
          }
          LocalRuntimeClient.InvokeResult result =
              LocalInvoke.invoke(request(), function, payload, remote, listener());
          getLog()
              .info(function + " -> " + result.status() + " (request " + result.requestId() + ")");
          if (remote) {
            LocalFacts.of(
                    LocalConnection.open(request(), listener()),
                    request().naming().cluster().app(),
                    function,
                    result.requestId())
                .ifPresent(getLog()::info);
          }
          getLog().info(result.bodyAsString());
          failIfError(result.status(), result.bodyAsString());
        });
  }

  private void failIfError(int status, String body) {
    if (status >= 400) {
      throw new ConfigurationException(
          "skyhop.function",
          "Invocation of " + function + " failed with status " + status + ": " + body);
    }
  }
}
