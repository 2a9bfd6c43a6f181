package io.skyhop.it.deploy.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Promotion to Google Cloud: a copy of examples/orders installed (as {@code
 * io.skyhop.it:orders-gcp-promote}, app {@code orders}, so no other test's install races it) with
 * its gcp package, then {@code skyhop:deploy -Dskyhop.artifact=…} from an empty directory against
 * GcpDeployIT's stubs: the six uploads carry exactly the zip the installed package holds.
 */
class GcpPromoteIT {
  private static final String COORDINATES = "io.skyhop.it:orders-gcp-promote:" + Repo.version();

  @Test
  void anInstalledBuildDeploysFromAnEmptyDirectory() throws Exception {
    try (GcpStubs stubs = new GcpStubs()) {
      stubs.load(Map.of());
      MavenBuild orders = MavenBuild.copy(Repo.root().resolve("examples/orders"), "gcp-promote");
      Path pom = orders.dir().resolve("pom.xml");
      Files.writeString(
          pom,
          Files.readString(pom)
              .replace(
                  "<groupId>io.skyhop.examples</groupId>\n  <artifactId>orders</artifactId>",
                  "<groupId>io.skyhop.it</groupId>\n  <artifactId>orders-gcp-promote</artifactId>"));
      MavenBuild.Result install =
          orders.run(
              GcpOrdersProject.TIMEOUT,
              "install",
              "-Dskyhop.app=orders",
              "-Dskyhop.targets=gcp",
              "-DskipTests",
              "-Dspotless.apply.skip=true");
      GcpOrdersProject.assertGreen(install);
      Path installed =
          Path.of(System.getProperty("skyhop.localRepository"))
              .resolve("io/skyhop/it/orders-gcp-promote/" + Repo.version())
              .resolve("orders-gcp-promote-" + Repo.version() + "-skyhop-gcp.zip");
      byte[] zip;
      try (ZipFile pkg = new ZipFile(installed.toFile());
          InputStream in = pkg.getInputStream(pkg.getEntry("orders.zip"))) {
        zip = in.readAllBytes();
      }

      MavenBuild empty =
          MavenBuild.copy(Files.createTempDirectory("skyhop-empty"), "gcp-promote-empty");
      Path credentials = empty.dir().resolveSibling("gcp-promote-credentials");
      empty.env(
          "CLOUDSDK_CONFIG",
          GcpCredentialFiles.gcloudConfig(
                  credentials.resolve("gcloud"), stubs.endpoint() + "/token")
              .toString());
      MavenBuild.Result r =
          empty.run(
              GcpOrdersProject.TIMEOUT,
              "io.skyhop:skyhop-maven-plugin:" + Repo.version() + ":deploy",
              "-Dskyhop.artifact=" + COORDINATES,
              "-Dskyhop.target=gcp",
              "-Dskyhop.gcp.endpoint=" + stubs.endpoint(),
              "-Dskyhop.gcp.project=demo",
              "-Dskyhop.region=europe-west1",
              "-Dskyhop.verify=false");
      GcpOrdersProject.assertGreen(r);
      List<LoggedRequest> uploads =
          stubs.find("PUT", "/gcf-v2-uploads-123-europe-west1/upload.zip");
      assertThat(uploads).hasSize(6).allSatisfy(u -> assertThat(u.getBody()).isEqualTo(zip));
      String sha =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(installed)));
      assertThat(r.output())
          .contains("Deployed " + COORDINATES + " (skyhop-gcp sha256 " + sha + ")")
          .contains("created   get                      https://orders-get-abc123-ew.a.run.app");
      JsonObject details =
          JsonParser.parseString(
                  Files.readString(empty.dir().resolve("target/skyhop/deploy-gcp.json")))
              .getAsJsonObject()
              .getAsJsonObject("details");
      assertThat(details.get("artifact").getAsString()).isEqualTo(COORDINATES);
      assertThat(details.get("sha256").getAsString()).isEqualTo(sha);
    }
  }
}
