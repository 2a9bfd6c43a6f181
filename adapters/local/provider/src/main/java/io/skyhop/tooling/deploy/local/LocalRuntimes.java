package io.skyhop.tooling.deploy.local;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.local.LaunchedRuntime;
import io.skyhop.tooling.local.LocalRuntimeClient;
import io.skyhop.tooling.local.RuntimeLaunchException;
import io.skyhop.tooling.local.RuntimeLauncher;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-house runtimes the build starts through {@link RuntimeLauncher}, with launch failures
 * turned into messages naming the setting to fix: one owned by the build ({@code skyhop:run},
 * {@code skyhop:invoke}) and one left running in the background by {@code mvn deploy}.
 */
public final class LocalRuntimes {
  private LocalRuntimes() {}

  /**
   * Starts the runtime jar on {@code port} (0: a free one) with {@code dataDir}, stopped when
   * closed; its output goes to this process's output when {@code foreground}, else to {@code
   * dataDir/runtime.log}.
   */
  public static LaunchedRuntime forBuild(
      Path runtimeJar, int port, Path dataDir, boolean foreground)
      throws IOException, InterruptedException {
    RuntimeLauncher launcher = RuntimeLauncher.of(runtimeJar, dataDir).port(port);
    if (foreground) {
      launcher.inheritIo();
    }
    try {
      return launcher.start();
    } catch (RuntimeLaunchException e) {
      throw switch (e.reason()) {
        case JAR_MISSING ->
            new ConfigurationException(
                "skyhop.local.runtimeJar",
                "The in-house runtime jar was not found ("
                    + runtimeJar
                    + "). Fix: set skyhop.local.runtimeJar to skyhop-runtime.jar");
        case EXITED, TIMEOUT ->
            new ConfigurationException(
                "skyhop.port",
                "The in-house runtime did not start on port "
                    + port
                    + " ("
                    + e.getMessage()
                    + "). Fix: choose a free port with -Dskyhop.port=…");
      };
    }
  }

  /** Deploys a bundle and prints the app's functions. */
  public static LocalRuntimeClient.DeployedApp deploy(
      LaunchedRuntime runtime, String app, Path bundle, BuildListener listener) {
    LocalRuntimeClient.DeployedApp deployed = runtime.client().deploy(app, bundle);
    for (LocalRuntimeClient.DeployedFunction f : deployed.functions()) {
      listener.info(
          String.format(
              "%-24s %s", f.name(), f.url() != null ? f.url() : f.trigger() + " trigger"));
    }
    return deployed;
  }

  /**
   * Starts the runtime at {@code url} detached from this build when {@code mvn deploy} finds none
   * answering there, waits until it serves, records its pid in {@code dataDir/runtime.pid} and says
   * how to stop it.
   */
  static long inBackground(Path runtimeJar, URI url, Path dataDir, BuildListener listener)
      throws IOException, InterruptedException {
    int port = url.getPort() < 0 ? 80 : url.getPort();
    LaunchedRuntime runtime;
    try {
      runtime = RuntimeLauncher.of(runtimeJar, dataDir).port(port).bind(url.getHost()).start();
    } catch (RuntimeLaunchException e) {
      throw switch (e.reason()) {
        case JAR_MISSING ->
            new ConfigurationException(
                "skyhop.local.runtimeJar",
                "Cannot start the in-house runtime: its jar was not found ("
                    + runtimeJar
                    + "). Fix: start it yourself with 'java -jar skyhop-runtime.jar' and set"
                    + " skyhop.local.url, or set skyhop.local.runtimeJar to the jar");
        case EXITED, TIMEOUT ->
            new ConfigurationException(
                "skyhop.local.url",
                e.getMessage()
                    + System.lineSeparator()
                    + "Fix: free port "
                    + port
                    + " or set skyhop.local.url to another address");
      };
    }
    Path log = runtime.log().orElseThrow();
    Files.writeString(dataDir.resolve("runtime.pid"), runtime.pid() + System.lineSeparator());
    listener.info(
        "Started the Skyhop runtime in the background at "
            + url
            + " (pid "
            + runtime.pid()
            + ", data "
            + dataDir
            + ", log "
            + log
            + ")");
    listener.info("Stop it with: kill " + runtime.pid());
    return runtime.pid();
  }
}
