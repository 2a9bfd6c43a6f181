package io.skyhop.it;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate for an HTTPS stub on {@code 127.0.0.1}, made with the JDK's keytool: the server's
 * key store and a trust store holding its certificate, for a child JVM ({@code
 * -Djavax.net.ssl.trustStore}). Azure's clients refuse plain HTTP, so their stubs need TLS.
 */
public final class StubTls {
  /** The password of both stores. */
  public static final String PASSWORD = "skyhop-it";

  private final Path dir;

  private StubTls(Path dir) {
    this.dir = dir;
  }

  /** Generates a fresh key pair and trust store in {@code dir}, replacing earlier ones. */
  public static StubTls generate(Path dir) throws Exception {
    Files.createDirectories(dir);
    for (String f : List.of("server.p12", "trust.p12", "stub.crt")) {
      Files.deleteIfExists(dir.resolve(f));
    }
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
    // the JDK's own trusted authorities first: a child Maven that trusts the stub still reaches
    // Maven Central (a fresh local repository resolves plugins through it)
    keytool(
        dir,
        "-importkeystore",
        "-noprompt",
        "-srckeystore",
        Path.of(System.getProperty("java.home"), "lib", "security", "cacerts").toString(),
        "-srcstorepass",
        "changeit",
        "-destkeystore",
        "trust.p12",
        "-deststoretype",
        "PKCS12",
        "-deststorepass",
        PASSWORD);
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
    return new StubTls(dir);
  }

  /** WireMock options for an HTTPS-only server on {@code 127.0.0.1} with this certificate. */
  public WireMockConfiguration httpsOnly() {
    return WireMockConfiguration.options()
        .bindAddress("127.0.0.1")
        .httpDisabled(true)
        .dynamicHttpsPort()
        .keystorePath(keyStore().toString())
        .keystoreType("PKCS12")
        .keystorePassword(PASSWORD)
        .keyManagerPassword(PASSWORD);
  }

  /** The server's key store (PKCS12, password {@link #PASSWORD}). */
  public Path keyStore() {
    return dir.resolve("server.p12");
  }

  /** The JVM options that make a child JVM trust the stub, besides the JDK's own authorities. */
  public String trustOptions() {
    return "-Djavax.net.ssl.trustStore="
        + dir.resolve("trust.p12")
        + " -Djavax.net.ssl.trustStorePassword="
        + PASSWORD
        + " -Djavax.net.ssl.trustStoreType=PKCS12";
  }

  /**
   * {@code MAVEN_OPTS} for a child Maven that trusts the stub: the inherited {@code MAVEN_OPTS}
   * (the local repository the outer build uses, say) followed by {@link #trustOptions()}.
   */
  public String mavenOpts() {
    return (System.getenv().getOrDefault("MAVEN_OPTS", "") + " " + trustOptions()).strip();
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
