package io.skyhop.it.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.MavenBuild;
import io.skyhop.runtime.testing.RuntimeProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code mvn package skyhop:secret skyhop:deploy -Dskyhop.stage=dev} of the fixture {@code
 * local/secrets} against an in-house runtime this test starts, the value given through {@code
 * -Dskyhop.secret.fromEnv} (never on the command line). The deploy fails while the second declared
 * secret has no value, naming the command; once it is set the deployed function reads its value;
 * then the build logs, everything under {@code target/skyhop/} and the runtime's data directory
 * (its logs included) are scanned: the value is in none of them.
 */
class SecretsMavenIT {
  private static final Duration MAVEN = Duration.ofMinutes(5);
  private static final String VALUE = "mvn-" + Long.toHexString(System.nanoTime()) + "-pa55";

  @TempDir Path tmp;

  @Test
  void aSecretSetAndDeployedWithMavenIsReadAndWrittenNowhere() throws Exception {
    Path data = tmp.resolve("data");
    try (RuntimeProcess runtime = RuntimeProcess.start(data, Map.of())) {
      MavenBuild build =
          MavenBuild.copy(
                  Path.of("src/test/resources/local/secrets").toAbsolutePath(), "local-secrets")
              .env("VAULT_DB_PASSWORD", VALUE);
      String[] common = {
        "-DskipTests",
        "-Dspotless.apply.skip=true",
        "-Dskyhop.stage=dev",
        "-Dskyhop.target=local",
        "-Dskyhop.local.url=" + runtime.baseUrl(),
        "-Dskyhop.local.token=" + runtime.token()
      };
      MavenBuild.Result r =
          build.run(
              MAVEN,
              concat(
                  common,
                  "package",
                  "skyhop:secret",
                  "skyhop:deploy",
                  "-Dskyhop.secret=db-password",
                  "-Dskyhop.secret.fromEnv=VAULT_DB_PASSWORD"));
      assertThat(r.succeeded()).as("api-key has no value yet").isFalse();
      assertThat(r.output())
          .contains(
              "skyhop.secret = 'api-key' declared by the functions has no value in the in-house"
                  + " runtime at "
                  + runtime.baseUrl()
                  + " (app 'vault-dev'). Fix: set it with 'mvn skyhop:secret"
                  + " -Dskyhop.secret=api-key -Dskyhop.target=local -Dskyhop.stage=dev' (value on"
                  + " standard input), then deploy again")
          .contains(
              "Stored secret 'db-password' in the in-house runtime at "
                  + runtime.baseUrl()
                  + " (app 'vault-dev') (SecretValue["
                  + VALUE.length()
                  + " bytes])")
          .contains("Settings: dev.properties (1 app-wide keys, 1 per-function keys)");

      MavenBuild.Result second =
          build.run(
              MAVEN,
              concat(
                  common,
                  "skyhop:secret",
                  "skyhop:deploy",
                  "-Dskyhop.secret=api-key",
                  "-Dskyhop.secret.fromEnv=VAULT_DB_PASSWORD"));
      assertThat(second.succeeded()).as(second.toString()).isTrue();
      assertThat(runtime.send(runtime.request("/vault-dev/reveal").GET().build()).body())
          .isEqualTo("hello from dev|" + VALUE);
      assertThat(Files.readString(build.dir().resolve("target/skyhop/manifest.json")))
          .contains("\"secrets\": [\n        \"db-password\"\n      ]");

      MavenBuild.Result undeclared =
          build.run(
              MAVEN,
              concat(
                  common,
                  "skyhop:secret",
                  "-Dskyhop.secret=not-declared",
                  "-Dskyhop.secret.fromEnv=VAULT_DB_PASSWORD"));
      assertThat(undeclared.succeeded()).isFalse();
      assertThat(undeclared.output())
          .contains(
              "skyhop.secret = 'not-declared' is not declared by any function (declared: [api-key,"
                  + " db-password]). Fix: add it to @Function(secrets = {...}) and package again,"
                  + " or pick a declared name");

      for (MavenBuild.Result run : List.of(r, second, undeclared)) {
        assertThat(Files.readString(run.log(), StandardCharsets.ISO_8859_1)).doesNotContain(VALUE);
      }
      assertNowhere(build.dir().resolve("target/skyhop"));
      assertThat(runtime.console()).doesNotContain(VALUE);
    }
    assertNowhere(data);
  }

  private static void assertNowhere(Path dir) throws Exception {
    int files = 0;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        files++;
        byte[] bytes = Files.readAllBytes(f);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain(VALUE);
      }
    }
    assertThat(files).as("files scanned under " + dir).isPositive();
  }

  private static String[] concat(String[] common, String... more) {
    return Stream.concat(Stream.of(more), Stream.of(common)).toArray(String[]::new);
  }
}
