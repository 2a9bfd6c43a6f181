package io.skyhop.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.runtime.testing.RuntimeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** With {@code --tls-cert} and {@code --tls-key} (PEM, made here by openssl) it serves HTTPS. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsIT {
  @TempDir Path tmp;

  @Test
  void servesHttpsWithAPemCertificateAndKey() throws Exception {
    Path cert = tmp.resolve("cert.pem");
    Path key = tmp.resolve("key.pem");
    Process openssl =
        new ProcessBuilder(
                List.of(
                    "openssl",
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-days",
                    "1",
                    "-subj",
                    "/CN=localhost",
                    "-addext",
                    "subjectAltName=IP:127.0.0.1",
                    "-keyout",
                    key.toString(),
                    "-out",
                    cert.toString()))
            .redirectErrorStream(true)
            .start();
    assertThat(openssl.waitFor(30, TimeUnit.SECONDS) && openssl.exitValue() == 0)
        .as(new String(openssl.getInputStream().readAllBytes()))
        .isTrue();

    try (RuntimeProcess runtime =
        RuntimeProcess.start(
            tmp.resolve("data"),
            Map.of(),
            "--tls-cert",
            cert.toString(),
            "--tls-key",
            key.toString())) {
      assertThat(runtime.baseUrl().getScheme()).isEqualTo("https");
      HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(cert)).build();
      HttpResponse<String> health =
          trusting.send(
              HttpRequest.newBuilder(runtime.baseUrl().resolve("/_skyhop/health"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"ok\"");
      URI plain = URI.create("http://127.0.0.1:" + runtime.port() + "/_skyhop/health");
      assertThatThrownBy(
              () ->
                  HttpClient.newHttpClient()
                      .send(
                          HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(10)).build(),
                          HttpResponse.BodyHandlers.ofString())
                      .statusCode())
          .as("plain HTTP on the TLS port")
          .isInstanceOf(IOException.class);
      assertThat(runtime.console()).doesNotContain(Files.readString(key).substring(40, 80));
    }
  }

  private static SSLContext trusting(Path cert) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(cert)) {
      trust.setCertificateEntry(
          "runtime", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
