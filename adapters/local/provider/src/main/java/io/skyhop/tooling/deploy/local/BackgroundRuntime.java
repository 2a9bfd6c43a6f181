package io.skyhop.tooling.deploy.local;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.local.LocalRuntimeClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the in-house runtime in the background when {@code mvn deploy} finds none answering at the
 * default URL, and says how to stop it.
 */
final class BackgroundRuntime {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private BackgroundRuntime() {}

  /**
   * Starts {@code java -jar runtimeJar --port P --data dataDir} detached from this build, waits
   * until it answers, and returns its pid.
   */
  static long start(Path runtimeJar, URI url, Path dataDir, BuildListener listener)
      throws IOException, InterruptedException {
    if (runtimeJar == null || !Files.isRegularFile(runtimeJar)) {
      throw new ConfigurationException(
          "skyhop.local.runtimeJar",
          "Cannot start the in-house runtime: its jar was not found ("
              + runtimeJar
              + "). Fix: start it yourself with 'java -jar skyhop-runtime.jar' and set"
              + " skyhop.local.url, or set skyhop.local.runtimeJar to the jar");
    }
    Files.createDirectories(dataDir);
    Path log = dataDir.resolve("runtime.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(runtimeJar.toAbsolutePath().toString());
    command.add("--port");
    command.add(String.valueOf(url.getPort() < 0 ? 80 : url.getPort()));
    command.add("--bind");
    command.add(url.getHost());
    command.add("--data");
    command.add(dataDir.toAbsolutePath().toString());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
            .start();
    LocalRuntimeClient client = new LocalRuntimeClient(url, null);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (client.health().isEmpty()) {
      if (!process.isAlive()) {
        throw new ConfigurationException(
            "skyhop.local.url",
            "The in-house runtime exited at start (code "
                + process.exitValue()
                + "); see "
                + log
                + ". Fix: free port "
                + url.getPort()
                + " or set skyhop.local.url to another address");
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new ConfigurationException(
            "skyhop.local.url", "The in-house runtime did not answer within 60 s; see " + log);
      }
      Thread.sleep(100);
    }
    Files.writeString(dataDir.resolve("runtime.pid"), process.pid() + System.lineSeparator());
    listener.info(
        "Started the Skyhop runtime in the background at "
            + url
            + " (pid "
            + process.pid()
            + ", data "
            + dataDir
            + ", log "
            + log
            + ")");
    listener.info("Stop it with: kill " + process.pid());
    return process.pid();
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
