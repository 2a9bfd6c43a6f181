package io.skyhop.it.deploy.azure;

import static io.skyhop.it.deploy.azure.AzureExpectations.LISTED;
import static io.skyhop.it.deploy.azure.AzureOrders.assertGreen;
import static io.skyhop.it.deploy.azure.AzureOrders.assertNoSecrets;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Promotion to Azure: a copy of examples/orders installed (as {@code
 * io.skyhop.it:orders-azure-promote}, app {@code orders}, so no other test's install races it) with
 * its azure package, then {@code skyhop:deploy -Dskyhop.artifact=…} from an empty directory against
 * AzureDeployIT's stubs: OneDeploy publishes exactly the zip the installed package holds, and the
 * host lists every function.
 */
class AzurePromoteIT {
  private static final String COORDINATES = "io.skyhop.it:orders-azure-promote:" + Repo.version();

  @Test
  void anInstalledBuildDeploysFromAnEmptyDirectory() throws Exception {
    try (AzureStubs stubs = new AzureStubs()) {
      stubs.load(Map.of());
      MavenBuild orders = MavenBuild.copy(Repo.root().resolve("examples/orders"), "azure-promote");
      Path pom = orders.dir().resolve("pom.xml");
      Files.writeString(
          pom,
          Files.readString(pom)
              .replace(
                  "<groupId>io.skyhop.examples</groupId>\n  <artifactId>orders</artifactId>",
                  "<groupId>io.skyhop.it</groupId>\n"
                      + "  <artifactId>orders-azure-promote</artifactId>"));
      assertGreen(
          orders.run(
              AzureOrders.TIMEOUT,
              "install",
              "-Dskyhop.app=orders",
              "-Dskyhop.targets=azure",
              "-DskipTests",
              "-Dspotless.apply.skip=true"));
      Path installed =
          Path.of(System.getProperty("skyhop.localRepository"))
              .resolve("io/skyhop/it/orders-azure-promote/" + Repo.version())
              .resolve("orders-azure-promote-" + Repo.version() + "-skyhop-azure.zip");
      byte[] zip;
      try (ZipFile pkg = new ZipFile(installed.toFile());
          InputStream in = pkg.getInputStream(pkg.getEntry("orders.zip"))) {
        zip = in.readAllBytes();
      }

      MavenBuild empty =
          MavenBuild.copy(Files.createTempDirectory("skyhop-empty"), "azure-promote-empty")
              .env("AZURE_CLIENT_ID", AzureOrders.CLIENT)
              .env("AZURE_CLIENT_SECRET", AzureOrders.SECRET)
              .env("AZURE_TENANT_ID", AzureOrders.TENANT)
              .env("AZURE_AUTHORITY_HOST", stubs.endpoint())
              .env("MAVEN_OPTS", stubs.mavenOpts());
      MavenBuild.Result r =
          empty.run(
              AzureOrders.TIMEOUT,
              "-o",
              "io.skyhop:skyhop-maven-plugin:" + Repo.version() + ":deploy",
              "-Dskyhop.artifact=" + COORDINATES,
              "-Dskyhop.target=azure",
              "-Dskyhop.azure.endpoint=" + stubs.endpoint(),
              // the storage data plane and the team's own queue and container, as AzureOrders
              "-Dskyhop.azure.blobEndpoint=" + stubs.endpoint() + "/{account}",
              "-Dskyhop.azure.queueEndpoint=" + stubs.endpoint() + "/{account}",
              "-Dskyhop.resources.orders=orders",
              "-Dskyhop.resources.uploads=uploads",
              "-Dskyhop.azure.subscription=" + AzureOrders.SUBSCRIPTION,
              "-Dskyhop.azure.resourceGroup=orders-rg",
              "-Dskyhop.region=westeurope",
              // as examples/orders' pom says (its explode answers 500 on purpose), which a run
              // without the project does not read
              "-Dskyhop.verify=false");
      assertGreen(r);
      assertThat(r.output())
          .contains("Verified: 6 functions active (smoke calls off: skyhop.verify=false)");
      assertNoSecrets(r);
      assertThat(stubs.unmatched()).isEmpty();
      List<LoggedRequest> publish = stubs.find("POST", "/api/publish");
      assertThat(publish).hasSize(1);
      assertThat(publish.get(0).getBody()).isEqualTo(zip);
      String sha = AzureOrders.sha256(Files.readAllBytes(installed));
      assertThat(r.output())
          .contains(LISTED)
          .contains("Deployed " + COORDINATES + " (skyhop-azure sha256 " + sha + ")");
      JsonObject details =
          JsonParser.parseString(
                  Files.readString(empty.dir().resolve("target/skyhop/deploy-azure.json")))
              .getAsJsonObject()
              .getAsJsonObject("details");
      assertThat(details.get("artifact").getAsString()).isEqualTo(COORDINATES);
      assertThat(details.get("sha256").getAsString()).isEqualTo(sha);
    }
  }
}
