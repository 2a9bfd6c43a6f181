package io.skyhop.it.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.skyhop.runtime.testing.RuntimeProcess;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets on the in-house runtime: set through the admin API, kept encrypted in the data directory,
 * handed to the workers of the function that declares the name and no other. A function of the same
 * app that did not declare it cannot read it through {@code Context.secret}, nor find it in its
 * environment, in any {@code /proc/<pid>/environ} or {@code cmdline}, or in any file of the
 * runtime's data directory (its logs included) while the declaring worker runs. The fixture is
 * packaged for the {@code dev} stage, whose settings file gives each function its value.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SecretsLocalIT {
  private static final String VALUE = "Tr0ub4dor-&-3-" + Long.toHexString(System.nanoTime());

  @TempDir Path tmp;

  @Test
  void onlyTheDeclaringFunctionReadsTheSecretAndNothingOnDiskEnvOrProcHoldsIt() throws Exception {
    Path settings =
        Path.of(SecretsLocalIT.class.getResource("/local/secrets/src/main/skyhop").toURI());
    Path bundle =
        LocalFixtureApp.bundle(
            "local/secrets",
            "vault",
            tmp.resolve("build"),
            Map.of(),
            Map.of("skyhop.stage", "dev", "skyhop.settingsDir", settings.toString()));
    Path data = tmp.resolve("data");
    try (RuntimeProcess runtime = RuntimeProcess.start(data, Map.of())) {
      HttpResponse<String> put =
          runtime.send(
              runtime
                  .admin("/_skyhop/apps/vault/secrets/db-password")
                  .PUT(BodyPublishers.ofString(VALUE))
                  .build());
      assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
      assertThat(runtime.deploy("vault", bundle).statusCode()).isEqualTo(201);
      assertThat(runtime.adminJson("/_skyhop/apps/vault/secrets").get("secrets").toString())
          .isEqualTo("[\"db-password\"]");

      HttpResponse<String> reveal = runtime.send(runtime.request("/vault/reveal").GET().build());
      assertThat(reveal.body()).isEqualTo("hello from dev|" + VALUE);

      HttpResponse<String> snoop =
          runtime.send(
              runtime
                  .request("/vault/snoop")
                  .POST(BodyPublishers.ofString(VALUE + "\n" + data + "\n" + workDir(data)))
                  .build());
      List<String> report = snoop.body().lines().toList();
      assertThat(report)
          .as(snoop.body())
          .contains(
              "greeting: snooping in dev",
              "secret: Function 'snoop' reads secret 'db-password' but does not declare it. Fix:"
                  + " add \"db-password\" to @Function(secrets = {...}) on the function, then"
                  + " package and deploy again",
              "env: none",
              "proc: none",
              "disk: none");
      assertThat(count(report, "proc files read: ")).as("it looked").isGreaterThan(10);
      // it read what it can (its own class path): the data directory it cannot even list
      assertThat(count(report, "files read: ")).as("it looked").isGreaterThan(0);

      HttpResponse<String> unset = runtime.send(runtime.request("/vault/unset").GET().build());
      assertThat(unset.body())
          .isEqualTo(
              "Secret 'api-key' of function 'unset' has no value in the in-house runtime's secret"
                  + " store. Fix: set it with 'mvn skyhop:secret -Dskyhop.secret=api-key"
                  + " -Dskyhop.target=local' (value on standard input), then deploy again");

      assertThat(runtime.console()).doesNotContain(VALUE);
    }
    try (Stream<Path> files = Files.walk(data)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain(VALUE);
      }
    }
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets"))))
        .isEqualTo("rwx------");
  }

  private static int count(List<String> report, String prefix) {
    return report.stream()
        .filter(l -> l.startsWith(prefix))
        .mapToInt(l -> Integer.parseInt(l.substring(prefix.length())))
        .findFirst()
        .orElse(0);
  }

  /** The workers' directory tree, as the runtime's state file names it. */
  private static Path workDir(Path data) throws IOException {
    return Path.of(
        JsonParser.parseString(Files.readString(data.resolve("runtime.json")))
            .getAsJsonObject()
            .get("workDir")
            .getAsString());
  }
}
