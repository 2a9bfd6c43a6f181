package io.skyhop.it.knative;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Kubernetes API server stand-in for a test: {@link MockApiServer} (fabric8's mock server, CRUD
 * mode) in its own JVM, whose class path puts the Netty 4.2 jars its Vert.x needs
 * (target/knative-mock-netty) before the test's; killed on close.
 */
final class MockApi implements AutoCloseable {
  private static final long LIFETIME_SECONDS = 600;

  /** The User-Agent of the test's own client ({@link #client()}), apart from Skyhop's calls. */
  static final String TEST_CLIENT = "skyhop-it-test-client";

  private final Process process;
  private final String url;

  private MockApi(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /** Starts the server and waits for its port. */
  static MockApi start(Path log) throws IOException {
    Path netty = Path.of("target/knative-mock-netty");
    List<String> classPath = new ArrayList<>();
    try (Stream<Path> jars = Files.list(netty)) {
      jars.sorted().forEach(j -> classPath.add(j.toAbsolutePath().toString()));
    }
    classPath.add(System.getProperty("java.class.path"));
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                String.join(File.pathSeparator, classPath),
                MockApiServer.class.getName(),
                String.valueOf(LIFETIME_SECONDS))
            .redirectError(log.toFile())
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("port=")) {
      process.destroyForcibly();
      throw new AssertionError("The mock API server did not start: " + Files.readString(log));
    }
    return new MockApi(process, "http://127.0.0.1:" + line.substring(5));
  }

  /**
   * The calls the server received from clients other than the test's own, as {@code METHOD path}
   * (the server logs each to {@code log}).
   */
  static List<String> calls(Path log) throws IOException {
    return Files.readAllLines(log).stream()
        .filter(l -> l.startsWith("request ") && !l.endsWith(" " + TEST_CLIENT))
        .map(l -> l.substring("request ".length(), l.lastIndexOf(' ')))
        .toList();
  }

  /** {@code http://127.0.0.1:<port>}. */
  String url() {
    return url;
  }

  /** A client of it (the test's view of the cluster). */
  KubernetesClient client() {
    return new KubernetesClientBuilder()
        .withConfig(
            new io.fabric8.kubernetes.client.ConfigBuilder(Config.empty())
                .withMasterUrl(url)
                .withUserAgent(TEST_CLIENT)
                .build())
        .build();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
