package io.skyhop.it.deploy.aws;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A WireMock server on 127.0.0.1 serving one scenario folder of {@code
 * src/test/resources/deploy/aws/<scenario>} ({@code mappings/} + {@code __files/}). Values known
 * only at test time (the code hash AWS holds) are written in the files as {@code @name@} and filled
 * in from a copy before serving.
 */
public final class AwsStubs implements AutoCloseable {
  private static final Path SCENARIOS = Path.of("src/test/resources/deploy/aws");

  private final WireMockServer server;
  private final String scenario;

  private AwsStubs(String scenario, WireMockServer server) {
    this.scenario = scenario;
    this.server = server;
  }

  /** The scenario's {@code expected-requests.json}: bodies by call label, in order. */
  Path expectedRequests() {
    return SCENARIOS.resolve(scenario).resolve("expected-requests.json");
  }

  /** Serves {@code scenario} with {@code @key@} replaced by each value. */
  public static AwsStubs serve(String scenario, Map<String, String> values) {
    // per JVM: another failsafe fork may serve the same scenario at the same time
    Path copy =
        Path.of("target/it/wiremock-" + ProcessHandle.current().pid(), scenario).toAbsolutePath();
    try {
      deleteRecursively(copy);
      Path from = SCENARIOS.resolve(scenario);
      try (Stream<Path> files = Files.walk(from)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Path to = copy.resolve(from.relativize(f).toString());
          Files.createDirectories(to.getParent());
          String text = Files.readString(f, StandardCharsets.UTF_8);
          for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("@" + v.getKey() + "@", v.getValue());
          }
          Files.writeString(to, text, StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    WireMockServer server =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .usingFilesUnderDirectory(copy.toString()));
    server.start();
    return new AwsStubs(scenario, server);
  }

  /** The endpoint override to pass as {@code skyhop.aws.endpoint}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Every call received, in order. */
  public List<AwsCall> calls() {
    return server.getAllServeEvents().stream()
        .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
        .map(e -> AwsCall.of(e.getRequest(), e.getResponse().getStatus()))
        .toList();
  }

  /** The state of one of the scenario's stateful stubs ({@code scenarioName} in a mapping). */
  public String state(String scenarioName) {
    return server.getAllScenarios().getScenarios().stream()
        .filter(s -> s.getName().equals(scenarioName))
        .map(s -> s.getState())
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no stub scenario " + scenarioName));
  }

  /** Requests no stub matched: a call the real API would not have answered like this. */
  public List<LoggedRequest> unmatched() {
    return server.findAllUnmatchedRequests();
  }

  @Override
  public String toString() {
    return "stubs " + scenario + " at " + endpoint();
  }

  @Override
  public void close() {
    server.stop();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
