package io.skyhop.it.gcp;

import io.skyhop.it.Repo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Google's java-function-invoker running a packaged jar in a fresh JVM, configured as a Cloud
 * Functions deployment would be: {@code --target} the entry point, the manifest's environment, and
 * {@code FUNCTION_SIGNATURE_TYPE}. Killed on {@link #close()}.
 */
final class InvokerProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /** Inherited variables that would change what the invoker runs. */
  private static final List<String> CLEARED =
      List.of(
          "FUNCTION_TARGET",
          "FUNCTION_SIGNATURE_TYPE",
          "FUNCTION_CLASSPATH",
          "K_SERVICE",
          "PORT",
          "SKYHOP_FUNCTION");

  private final Process process;
  private final int port;
  private final Path log;

  private InvokerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The invoker jar, copied into {@code integration-tests/target/gcp} by the build. */
  static Path invokerJar() {
    Path jar = Repo.root().resolve("integration-tests/target/gcp/java-function-invoker.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing: run the integration tests through Maven (maven-dependency-plugin"
              + " copies it in the pre-integration-test phase)");
    }
    return jar;
  }

  /** Starts the invoker on a free loopback port and waits until it accepts connections. */
  static InvokerProcess start(String name, Path classpath, GcpEntry entry)
      throws IOException, InterruptedException {
    int port = freePort();
    Path logDir = Files.createDirectories(Repo.root().resolve("integration-tests/target/gcp-logs"));
    Path log = logDir.resolve(name + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                invokerJar().toString(),
                "--classpath",
                classpath.toString(),
                "--target",
                entry.entryPoint(),
                "--port",
                String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    CLEARED.forEach(env::remove);
    env.putAll(entry.env());
    env.put("FUNCTION_SIGNATURE_TYPE", entry.signatureType());
    InvokerProcess invoker = new InvokerProcess(pb.start(), port, log);
    try {
      invoker.awaitPort();
    } catch (IOException | RuntimeException | InterruptedException e) {
      invoker.close();
      throw e;
    }
    return invoker;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void awaitPort() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The invoker exited with " + process.exitValue() + " before listening:\n" + log());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException(
        "The invoker did not listen on port " + port + " within " + START_TIMEOUT + ":\n" + log());
  }

  /** A URI on the invoker, e.g. {@code uri("/orders/1")}. */
  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  /** Everything the invoker and the function printed so far. */
  String log() throws IOException {
    return Files.readString(log);
  }

  /** Waits until the log holds {@code text} (output reaches the file asynchronously). */
  String awaitLog(String text) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String content = log();
    while (!content.contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      content = log();
    }
    return content;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }
}
