package io.skyhop.it.promote;

import static io.skyhop.it.promote.GreeterReleases.GOOD;
import static io.skyhop.it.promote.GreeterReleases.MAVEN;
import static io.skyhop.it.promote.GreeterReleases.artifact;
import static io.skyhop.it.promote.GreeterReleases.goal;
import static io.skyhop.it.promote.GreeterReleases.installed;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.MavenBuild;
import io.skyhop.runtime.testing.RuntimeProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Build once, deploy the same bytes: {@code mvn install} of the greeter fixture puts each target's
 * package and the manifest in the local repository; {@code skyhop:deploy -Dskyhop.artifact=…} from
 * an empty directory checks the package's digest (a tampered one fails naming it) and deploys it to
 * a real in-house runtime; {@code skyhop:report -Dskyhop.measure} with the same artifact times its
 * cold starts there; {@code skyhop:remove} with the same artifact removes it.
 */
class PromoteLocalIT {
  @TempDir Path tmp;

  @Test
  void installPublishesThePackagesAndAnEmptyDirectoryDeploysThem() throws Exception {
    GreeterReleases.install(GOOD, "aws,azure,gcp,local");
    for (String target : new String[] {"aws", "azure", "gcp", "local"}) {
      assertThat(installed(GOOD, "skyhop-" + target, "zip")).isRegularFile();
    }
    Path manifest = installed(GOOD, "skyhop-manifest", "json");
    Path local = installed(GOOD, "skyhop-local", "zip");
    String sha = sha256(local);
    assertThat(Files.readString(manifest))
        .contains("\"file\": \"packages/greeter-skyhop-local.zip\"")
        .contains("\"sha256\": \"" + sha + "\"");

    try (RuntimeProcess runtime = RuntimeProcess.start(tmp.resolve("data"), Map.of())) {
      String[] deploy = {
        goal("deploy"),
        artifact(GOOD),
        "-Dskyhop.target=local",
        "-Dskyhop.local.url=" + runtime.baseUrl(),
        "-Dskyhop.local.token=" + runtime.token()
      };
      MavenBuild empty = GreeterReleases.emptyDirectory("promote-empty");

      byte[] original = Files.readAllBytes(local);
      try {
        Files.write(local, new byte[] {0}, StandardOpenOption.APPEND);
        MavenBuild.Result tampered = empty.run(MAVEN, deploy);
        assertThat(tampered.succeeded()).isFalse();
        assertThat(tampered.output())
            .contains(
                "skyhop.artifact = 'io.skyhop.it:greeter:1.0.0' has a package that differs from"
                    + " its manifest: "
                    + local
                    + " has SHA-256 "
                    + sha256(local)
                    + " but manifest.json says "
                    + sha
                    + ". Fix: do not deploy it; publish the build again from its sources");
      } finally {
        Files.write(local, original);
      }
      assertThat(runtime.send(runtime.request("/greeter/hello").GET().build()).statusCode())
          .as("nothing of the tampered package is deployed")
          .isEqualTo(404);

      MavenBuild.Result r = empty.run(MAVEN, deploy);
      assertThat(r.succeeded()).as(r + "\n" + r.output()).isTrue();
      assertThat(r.output())
          .contains("Deployed io.skyhop.it:greeter:1.0.0 (skyhop-local sha256 " + sha + ")")
          .doesNotContain(runtime.token());
      assertThat(Files.readString(empty.dir().resolve("target/skyhop/deploy-local.json")))
          .contains("\"artifact\": \"io.skyhop.it:greeter:1.0.0\"")
          .contains("\"sha256\": \"" + sha + "\"");
      HttpResponse<String> hello = runtime.send(runtime.request("/greeter/hello").GET().build());
      assertThat(hello.statusCode()).isEqualTo(200);
      assertThat(hello.body()).isEqualTo("hello");

      MavenBuild.Result report =
          empty.run(
              MAVEN,
              goal("report"),
              artifact(GOOD),
              "-Dskyhop.targets=local",
              "-Dskyhop.measure=2",
              "-Dskyhop.local.url=" + runtime.baseUrl(),
              "-Dskyhop.local.token=" + runtime.token());
      assertThat(report.succeeded()).as(report + "\n" + report.output()).isTrue();
      assertThat(report.output()).doesNotContain(runtime.token());
      JsonObject row = providerRow(empty.dir().resolve("target/skyhop/report.json"));
      assertThat(row.get("function").getAsString()).isEqualTo("hello");
      assertThat(row.getAsJsonObject("coldStartMs").get("samples").getAsInt()).isEqualTo(2);
      assertThat(row.getAsJsonObject("warmMs").get("samples").getAsInt()).isEqualTo(2);
      assertThat(row.getAsJsonObject("initMs").get("samples").getAsInt())
          .as("each forced cold start started an instance, metered by the runtime")
          .isEqualTo(2);
      assertThat(Files.readString(empty.dir().resolve("target/skyhop/report.md")))
          .contains("io.skyhop.it:greeter:1.0.0: measured where deployed only (skyhop.measure)");

      MavenBuild.Result remove =
          empty.run(
              MAVEN,
              goal("remove"),
              artifact(GOOD),
              "-Dskyhop.target=local",
              "-Dskyhop.local.url=" + runtime.baseUrl(),
              "-Dskyhop.local.token=" + runtime.token());
      assertThat(remove.succeeded()).as(remove + "\n" + remove.output()).isTrue();
      assertThat(remove.output()).contains("Removed greeter from " + runtime.baseUrl());
    }
  }

  /** The one row of report.json measured on the in-house runtime (source {@code provider}). */
  private static JsonObject providerRow(Path reportJson) throws Exception {
    JsonObject report = JsonParser.parseString(Files.readString(reportJson)).getAsJsonObject();
    JsonObject found = null;
    for (var e : report.getAsJsonArray("results")) {
      JsonObject r = e.getAsJsonObject();
      if (r.get("source").getAsString().equals("provider")) {
        assertThat(found).as("one provider row in %s", report).isNull();
        found = r;
      }
    }
    assertThat(found).as("a provider row in %s", report).isNotNull();
    return found;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
