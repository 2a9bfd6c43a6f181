package io.skyhop.it.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.Repo;
import io.skyhop.it.local.LocalFixtureApp;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function reads its secret by name through Google's Functions Framework invoker, the value in
 * its environment as Cloud Functions puts a secret environment variable there ({@code
 * secretEnvironmentVariables} → {@code SKYHOP_SECRET_DB_PASSWORD}); the fixture {@code
 * local/secrets} is packaged for gcp in the {@code dev} stage.
 */
class GcpSecretsIT {
  private static final String VALUE = "gcp-" + Long.toHexString(System.nanoTime());

  @TempDir Path work;

  @Test
  void theFunctionReadsTheResolvedSecretByNameAndAMissingOneSaysHowToSetIt() throws Exception {
    String version = Repo.version();
    Path settings =
        Path.of(GcpSecretsIT.class.getResource("/local/secrets/src/main/skyhop").toURI());
    Path skyhop =
        LocalFixtureApp.packageFor(
            "local/secrets",
            "vault",
            work,
            Map.of(),
            Map.of("skyhop.stage", "dev", "skyhop.settingsDir", settings.toString()),
            Target.named("gcp"),
            List.of(
                lib("skyhop-gcp-functions", version, io.skyhop.gcp.GcpSetupException.class),
                lib("skyhop-adapter-core", version, io.skyhop.core.FunctionRuntime.class),
                new Library(
                    "com.google.code.gson",
                    "gson",
                    "2.13.2",
                    LocalFixtureApp.jarOf(com.google.gson.Gson.class, work))));
    Path jar = work.resolve("vault.jar");
    try (InputStream in = Files.newInputStream(skyhop.resolve("gcp/vault.zip"));
        ZipInputStream zip = new ZipInputStream(in)) {
      assertThat(zip.getNextEntry().getName()).isEqualTo("vault.jar");
      Files.write(jar, zip.readAllBytes());
    }

    GcpEntry reveal = GcpEntry.of(skyhop.resolve("manifest.json"), "reveal");
    assertThat(reveal.env()).doesNotContainKey("SKYHOP_SECRET_DB_PASSWORD");
    Map<String, String> resolved = new LinkedHashMap<>(reveal.env());
    resolved.put("SKYHOP_SECRET_DB_PASSWORD", VALUE);
    try (InvokerProcess fn =
        InvokerProcess.start(
            "secrets-reveal",
            jar,
            new GcpEntry(reveal.entryPoint(), resolved, reveal.signatureType()))) {
      assertThat(get(fn, "/reveal")).isEqualTo("hello from dev|" + VALUE);
    }

    GcpEntry unset = GcpEntry.of(skyhop.resolve("manifest.json"), "unset");
    try (InvokerProcess fn = InvokerProcess.start("secrets-unset", jar, unset)) {
      assertThat(get(fn, "/unset"))
          .isEqualTo(
              "Secret 'api-key' of function 'unset' has no value in Google Secret Manager"
                  + " (environment variable SKYHOP_SECRET_API_KEY is unset or unresolved). Fix:"
                  + " set it with 'mvn skyhop:secret -Dskyhop.secret=api-key -Dskyhop.target=gcp'"
                  + " (value on standard input), then deploy again");
    }
  }

  private Library lib(String artifact, String version, Class<?> type) throws Exception {
    return new Library("io.skyhop", artifact, version, LocalFixtureApp.jarOf(type, work));
  }

  private static String get(InvokerProcess fn, String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(fn.uri(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
