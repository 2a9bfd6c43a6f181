package io.skyhop.it.deploy.gcp;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Google's control plane as WireMock stubs kept as files under {@code
 * src/test/resources/deploy/gcp}: {@code provider/} is a project without the app (OAuth2 token
 * endpoint, Cloud Functions v2 with long-running operations, the signed-URL upload, Cloud Run IAM,
 * Cloud Scheduler), and each other folder a scenario layered on it. Response bodies live in {@code
 * __files/}, templated from the request where the real API echoes it. {@code ${name}} in a mapping
 * is replaced by a value the test knows only at run time (the zip's hash).
 */
public final class GcpStubs implements AutoCloseable {
  static final Path ROOT = Path.of("src/test/resources/deploy/gcp");

  private final WireMockServer server =
      new WireMockServer(
          options()
              .bindAddress("127.0.0.1")
              .dynamicPort()
              .usingFilesUnderDirectory(ROOT.toString())
              .globalTemplating(true));

  public GcpStubs() {
    server.start();
  }

  /** The endpoint override for every Google API, {@code http://127.0.0.1:<port>}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.port();
  }

  /**
   * Forgets every stub, request and scenario state, then loads {@code provider/} and the scenarios.
   */
  public void load(Map<String, String> values, String... scenarios) {
    server.resetAll();
    List<String> folders = new ArrayList<>();
    folders.add("provider");
    folders.addAll(List.of(scenarios));
    for (String folder : folders) {
      try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          String json = Files.readString(file, StandardCharsets.UTF_8);
          for (Map.Entry<String, String> v : values.entrySet()) {
            json = json.replace("${" + v.getKey() + "}", v.getValue());
          }
          server.addStubMapping(StubMapping.buildFrom(json));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Moves a scenario to a state, e.g. to end a stubbed outage between two runs. */
  void state(String scenario, String state) {
    server.setScenarioState(scenario, state);
  }

  /** Forgets the requests received so far, keeping stubs and scenario states. */
  void forgetRequests() {
    server.resetRequests();
  }

  /** Every request received, oldest first. */
  List<LoggedRequest> requests() {
    List<LoggedRequest> all =
        new ArrayList<>(server.getAllServeEvents().stream().map(e -> e.getRequest()).toList());
    Collections.reverse(all);
    return all;
  }

  /**
   * The calls received, oldest first, as {@code METHOD path} (PATCH for a POST carrying {@code
   * X-HTTP-Method-Override: PATCH}; query strings dropped), {@code /token} and uploads included.
   */
  List<String> calls() {
    return requests().stream().map(GcpStubs::call).toList();
  }

  /** The requests matching {@code METHOD path-regex}, oldest first. */
  List<LoggedRequest> find(String method, String pathRegex) {
    return requests().stream()
        .filter(r -> call(r).equals(method + " " + path(r)) && path(r).matches(pathRegex))
        .toList();
  }

  static String call(LoggedRequest r) {
    String method = r.getMethod().getName();
    if (method.equals("POST") && "PATCH".equals(r.getHeader("X-HTTP-Method-Override"))) {
      method = "PATCH";
    }
    return method + " " + path(r);
  }

  static String path(LoggedRequest r) {
    String url = r.getUrl();
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  @Override
  public void close() {
    server.stop();
  }
}
