package io.skyhop.tooling.deploy.local;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.local.LocalRuntimeClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An in-house runtime owned by this build (skyhop:run, skyhop:invoke): started as a child process
 * on this machine, stopped with the build.
 */
public final class RuntimeProcess implements AutoCloseable {
  private final Process process;
  private final LocalRuntimeClient client;

  private RuntimeProcess(Process process, LocalRuntimeClient client) {
    this.process = process;
    this.client = client;
  }

  /**
   * Starts the runtime jar on {@code port} (0: a free one) with {@code dataDir}; its output goes to
   * this process's output when {@code foreground}, else to {@code dataDir/runtime.log}.
   */
  public static RuntimeProcess start(Path runtimeJar, int port, Path dataDir, boolean foreground)
      throws IOException, InterruptedException {
    if (runtimeJar == null || !Files.isRegularFile(runtimeJar)) {
      throw new ConfigurationException(
          "skyhop.local.runtimeJar",
          "The in-house runtime jar was not found ("
              + runtimeJar
              + "). Fix: set skyhop.local.runtimeJar to skyhop-runtime.jar");
    }
    int chosen = port == 0 ? freePort() : port;
    Files.createDirectories(dataDir);
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                runtimeJar.toAbsolutePath().toString(),
                "--port",
                String.valueOf(chosen),
                "--data",
                dataDir.toAbsolutePath().toString()));
    if (foreground) {
      pb.inheritIO();
    } else {
      pb.redirectErrorStream(true)
          .redirectOutput(
              ProcessBuilder.Redirect.appendTo(dataDir.resolve("runtime.log").toFile()));
    }
    Process process = pb.start();
    URI url = URI.create("http://127.0.0.1:" + chosen);
    LocalRuntimeClient probe = new LocalRuntimeClient(url, null);
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (probe.health().isEmpty()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new ConfigurationException(
            "skyhop.port",
            "The in-house runtime did not start on port "
                + chosen
                + ". Fix: choose a free port with -Dskyhop.port=…");
      }
      Thread.sleep(50);
    }
    return new RuntimeProcess(
        process, new LocalRuntimeClient(url, LocalRuntimeClient.readToken(dataDir)));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A client with the admin token. */
  public LocalRuntimeClient client() {
    return client;
  }

  /** Deploys a bundle and prints the app's functions. */
  public LocalRuntimeClient.DeployedApp deploy(String app, Path bundle, BuildListener listener) {
    LocalRuntimeClient.DeployedApp deployed = client.deploy(app, bundle);
    for (LocalRuntimeClient.DeployedFunction f : deployed.functions()) {
      listener.info(
          String.format(
              "%-24s %s", f.name(), f.url() != null ? f.url() : f.trigger() + " trigger"));
    }
    return deployed;
  }

  /** Waits until the runtime exits (Ctrl-C stops this build and, with it, the runtime). */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
