package io.skyhop.it.knative;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real OCI registry for a test: Debian's {@code docker-registry} (the CNCF Distribution
 * registry), started on {@code 127.0.0.1} with its storage in a temporary directory, killed on
 * close.
 */
final class Registry implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/docker-registry");

  private final Process process;
  private final int port;
  private final Path log;

  private Registry(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts a registry keeping its data and log in {@code dir}. */
  static Registry start(Path dir) throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      throw new AssertionError(
          BINARY
              + " is missing: install Debian's registry with 'apt-get install -y docker-registry"
              + " skopeo' (.ci/run does)");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "version: 0.1",
            "log:",
            "  level: warn",
            "  accesslog:",
            "    disabled: true",
            "storage:",
            "  filesystem:",
            "    rootdirectory: " + Files.createDirectories(dir.resolve("data")),
            "http:",
            "  addr: 127.0.0.1:" + port,
            "  secret: skyhop-knative-it",
            ""));
    Path log = dir.resolve("registry.log");
    Process process =
        new ProcessBuilder(BINARY.toString(), "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Registry registry = new Registry(process, port, log);
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        break;
      }
      try {
        HttpResponse<String> ping =
            http.send(
                HttpRequest.newBuilder(registry.uri("/v2/")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (ping.statusCode() == 200) {
          return registry;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(100);
    }
    registry.close();
    throw new AssertionError(
        "docker-registry did not start: " + Files.readString(log, StandardCharsets.UTF_8));
  }

  /** {@code 127.0.0.1:<port>}. */
  String address() {
    return "127.0.0.1:" + port;
  }

  /** A URI of its HTTP API. */
  URI uri(String path) {
    return URI.create("http://" + address() + path);
  }

  /** What it logged. */
  String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
