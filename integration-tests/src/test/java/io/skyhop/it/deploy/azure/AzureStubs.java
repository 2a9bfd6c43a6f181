package io.skyhop.it.deploy.azure;

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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Azure's control plane over HTTPS as WireMock stubs kept as files under {@code
 * src/test/resources/deploy/azure}: {@code provider/} is a subscription without the app (Entra's
 * token endpoint, ARM with long-running operations, Kudu's OneDeploy), each other folder a scenario
 * layered on it with higher priority. The server's certificate is generated per run for {@code
 * 127.0.0.1} with keytool; {@link #trustStore()} holds it for the child Maven ({@code
 * -Djavax.net.ssl.trustStore}). {@code ${name}} in a mapping is replaced by a value known at run
 * time.
 */
final class AzureStubs implements AutoCloseable {
  static final Path ROOT = Path.of("src/test/resources/deploy/azure");
  static final String PASSWORD = "skyhop-it";

  private final Path tls;
  private final WireMockServer server;

  AzureStubs() throws Exception {
    tls = Path.of("target", "azure-tls").toAbsolutePath();
    generateCertificate(tls);
    server =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(tls.resolve("server.p12").toString())
                .keystoreType("PKCS12")
                .keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD)
                .usingFilesUnderDirectory(ROOT.toString())
                .globalTemplating(true));
    server.start();
  }

  /** {@code https://127.0.0.1:<port>}: ARM, the Entra authority host and Kudu. */
  String endpoint() {
    return "https://127.0.0.1:" + server.httpsPort();
  }

  /** The trust store holding the stub's certificate (PKCS12, password {@link #PASSWORD}). */
  Path trustStore() {
    return tls.resolve("trust.p12");
  }

  /** Forgets every stub, request and scenario state, then loads {@code provider/} and scenarios. */
  void load(Map<String, String> values, String... scenarios) {
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

  /** Every request received, oldest first. */
  List<LoggedRequest> requests() {
    List<LoggedRequest> all =
        new ArrayList<>(server.getAllServeEvents().stream().map(e -> e.getRequest()).toList());
    Collections.reverse(all);
    return all;
  }

  /** The requests that matched no stub. */
  List<String> unmatched() {
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

  private static void generateCertificate(Path dir) throws Exception {
    Files.createDirectories(dir);
    Files.deleteIfExists(dir.resolve("server.p12"));
    Files.deleteIfExists(dir.resolve("trust.p12"));
    Files.deleteIfExists(dir.resolve("stub.crt"));
    keytool(
        dir,
        "-genkeypair",
        "-alias",
        "stub",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        "server.p12",
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    keytool(
        dir,
        "-exportcert",
        "-alias",
        "stub",
        "-keystore",
        "server.p12",
        "-storepass",
        PASSWORD,
        "-rfc",
        "-file",
        "stub.crt");
    keytool(
        dir,
        "-importcert",
        "-noprompt",
        "-alias",
        "stub",
        "-file",
        "stub.crt",
        "-storetype",
        "PKCS12",
        "-keystore",
        "trust.p12",
        "-storepass",
        PASSWORD);
  }

  private static void keytool(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + out);
      }
    } finally {
      p.destroyForcibly();
    }
  }
}
