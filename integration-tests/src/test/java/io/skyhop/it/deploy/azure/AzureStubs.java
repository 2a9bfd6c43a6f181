package io.skyhop.it.deploy.azure;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.skyhop.it.StubTls;
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
 * Azure's control plane over HTTPS as WireMock stubs kept as files under {@code
 * src/test/resources/deploy/azure}: {@code provider/} is a subscription without the app (Entra's
 * token endpoint, ARM with long-running operations and stateful resources, Kudu's OneDeploy, the
 * functions the host lists after a publish), each other folder a scenario layered on it with higher
 * priority; of two scenario stubs matching the same request, the one loaded later wins (WireMock
 * prefers the most recently added among equal priorities). The server's certificate is generated
 * per run for {@code 127.0.0.1} with keytool; {@link #mavenOpts()} make the child Maven trust it
 * ({@code -Djavax.net.ssl.trustStore}). {@code ${name}} in a mapping is replaced by a value known
 * at run time.
 */
public final class AzureStubs implements AutoCloseable {
  static final Path ROOT = Path.of("src/test/resources/deploy/azure");
  private final StubTls tls;
  private final WireMockServer server;
  private final ReleaseBlobs releases = new ReleaseBlobs();

  public AzureStubs() throws Exception {
    // per JVM: another failsafe fork may serve the Azure stubs at the same time
    tls =
        StubTls.generate(
            Path.of("target", "azure-tls-" + ProcessHandle.current().pid()).toAbsolutePath());
    server =
        new WireMockServer(
            tls.httpsOnly()
                .usingFilesUnderDirectory(ROOT.toString())
                .globalTemplating(true)
                .extensions(releases));
    server.start();
  }

  /** {@code https://127.0.0.1:<port>}: ARM, the Entra authority host and Kudu. */
  public String endpoint() {
    return "https://127.0.0.1:" + server.httpsPort();
  }

  /** The JVM options that make a child JVM (the Maven under test) trust the stub. */
  public String mavenOpts() {
    return tls.mavenOpts();
  }

  /** Forgets every stub, request and scenario state, then loads {@code provider/} and scenarios. */
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

  /** The release blobs the storage account keeps (they outlive {@link #load}). */
  ReleaseBlobs releases() {
    return releases;
  }

  /** Removes the stub named {@code name} (e.g. to end an outage between two runs). */
  void remove(String name) {
    List<StubMapping> named =
        server.getStubMappings().stream().filter(m -> name.equals(m.getName())).toList();
    if (named.size() != 1) {
      throw new IllegalStateException(named.size() + " stubs are named " + name);
    }
    server.removeStubMapping(named.get(0));
  }

  /** Forgets the requests received so far, keeping stubs and scenario states. */
  void forgetRequests() {
    server.resetRequests();
  }

  /** The HTTP statuses answered to {@code METHOD} and a path regex, oldest first. */
  List<Integer> statuses(String method, String pathRegex) {
    List<Integer> all = new ArrayList<>();
    for (ServeEvent e : server.getAllServeEvents()) {
      LoggedRequest r = e.getRequest();
      if (r.getMethod().getName().equals(method) && path(r).matches(pathRegex)) {
        all.add(0, e.getResponse().getStatus());
      }
    }
    return all;
  }

  /** Every request received, oldest first. */
  List<LoggedRequest> requests() {
    List<LoggedRequest> all =
        new ArrayList<>(server.getAllServeEvents().stream().map(e -> e.getRequest()).toList());
    Collections.reverse(all);
    return all;
  }

  /** The requests that matched no stub. */
  public List<String> unmatched() {
    return server.findAllUnmatchedRequests().stream()
        .map(r -> r.getMethod() + " " + r.getUrl())
        .toList();
  }

  /** The calls received, oldest first, as {@code METHOD path?query}. */
  List<String> calls() {
    return requests().stream().map(r -> r.getMethod().getName() + " " + r.getUrl()).toList();
  }

  /** The requests matching {@code METHOD} and a path regex, oldest first. */
  List<LoggedRequest> find(String method, String pathRegex) {
    return requests().stream()
        .filter(r -> r.getMethod().getName().equals(method) && path(r).matches(pathRegex))
        .toList();
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
