package io.skyhop.it.report;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.skyhop.it.report.ReportFixtures.copy;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import io.skyhop.it.StubTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code mvn package skyhop:report -Dskyhop.target=azure -Dskyhop.measure=2} on a copy of {@code
 * examples/orders} (its {@code create-order} switched to function-key auth) after a deploy to Azure
 * (the fixture's {@code deploy-azure.json}), against one HTTPS WireMock standing for Entra ID, ARM
 * and the function app (scenario {@code src/test/resources/report/measure-azure}): through {@code
 * DefaultAzureCredential} and the deployer's ARM client, each sample restarts the function app
 * ({@code POST …/restart?softRestart=false&synchronous=true}), times the first request to the HTTP
 * function (the stub answers it after 400 ms for {@code get}, 300 ms for {@code create-order}, the
 * next one at once), and checks with the master key that the Functions host answering started after
 * the restart; {@code create-order} is called with its function key. Timer, queue and blob
 * functions are listed as not measured.
 */
class MeasureAzureIT {
  private static final Path SCENARIO = Path.of("src/test/resources/report/measure-azure");
  private static final String SITE =
      "/subscriptions/3f2a1b7c-0000-4000-8000-00000000a2b1/resourceGroups/orders-rg/providers"
          + "/Microsoft.Web/sites/orders";
  private static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.skyhop-it.arm-token";
  private static final String SECRET = "it-client-secret-Xq8~never-logged";

  private WireMockServer azure;
  private MavenBuild build;

  @BeforeEach
  void stubAzure() throws Exception {
    StubTls tls = StubTls.generate(Path.of("target", "report-azure-tls").toAbsolutePath());
    azure =
        new WireMockServer(
            tls.httpsOnly().usingFilesUnderDirectory(SCENARIO.resolve("stubs").toString()));
    azure.start();
    build = MavenBuild.copy(Repo.root().resolve("examples/orders"), "report-measure-azure");
    Path orders = build.dir().resolve("src/main/java/com/example/orders/Orders.java");
    String source = Files.readString(orders);
    assertThat(source).contains("path = \"/orders\",");
    Files.writeString(
        orders,
        source.replace(
            "path = \"/orders\",",
            "path = \"/orders\",\n      auth = io.skyhop.api.Auth.FUNCTION,"));
    copy(
        SCENARIO.resolve("skyhop"),
        build.dir().resolve("target/skyhop"),
        Map.of("port", Integer.toString(azure.httpsPort())));
    build
        .env("AZURE_CLIENT_ID", "0c6b2f1e-0000-4000-8000-0000000000c1")
        .env("AZURE_CLIENT_SECRET", SECRET)
        .env("AZURE_TENANT_ID", "72f988bf-0000-4000-8000-0000000000aa")
        .env("AZURE_AUTHORITY_HOST", endpoint())
        .env("MAVEN_OPTS", tls.mavenOpts());
  }

  @AfterEach
  void stop() {
    azure.stop();
  }

  private String endpoint() {
    return "https://127.0.0.1:" + azure.httpsPort();
  }

  @Test
  @Timeout(300)
  void timesTheFirstRequestAfterEachForcedRestart() throws Exception {
    MavenBuild.Result result =
        build.run(
            Duration.ofMinutes(4),
            "-o",
            "package",
            "skyhop:report",
            "-DskipTests",
            "-Dspotless.apply.skip",
            "-Dskyhop.target=azure",
            "-Dskyhop.targets=azure",
            "-Dskyhop.measure=2",
            "-Dskyhop.durationMs=100",
            "-Dskyhop.memoryMb=512",
            "-Dskyhop.azure.endpoint=" + endpoint(),
            "-Dskyhop.azure.subscription=3f2a1b7c-0000-4000-8000-00000000a2b1",
            "-Dskyhop.azure.resourceGroup=orders-rg",
            "-Dskyhop.region=westeurope");

    assertThat(result.succeeded()).as("build green: " + result).isTrue();
    assertThat(azure.findAllUnmatchedRequests()).isEmpty();
    JsonObject report =
        JsonParser.parseString(Files.readString(build.dir().resolve("target/skyhop/report.json")))
            .getAsJsonObject();
    List<JsonObject> provider =
        report.getAsJsonArray("results").asList().stream()
            .map(e -> e.getAsJsonObject())
            .filter(r -> r.get("source").getAsString().equals("provider"))
            .toList();
    assertThat(provider)
        .extracting(r -> r.get("function").getAsString())
        .containsExactly("get", "create-order");
    assertRow(provider.get(0), 400);
    assertRow(provider.get(1), 300);
    assertThat(provider.get(1).get("notes").toString()).contains("first-request statuses: [201]");
    String notes = report.get("notes").toString();
    for (String f : List.of("nightly", "on-order", "on-upload")) {
      assertThat(notes)
          .contains(
              "azure, "
                  + f
                  + ": not measured on the provider (only HTTP functions can be called from here"
                  + " without their trigger's service)");
    }
    assertThat(notes)
        .contains(
            "Azure reports no cold-start figure; cold start = the first request after a restart of"
                + " the function app (ARM restart, synchronous) recycled its instances")
        .doesNotContain("cannot force and time cold starts");

    // two HTTP functions x two samples: four full synchronous restarts, with the ARM token
    List<LoggedRequest> restarts =
        azure.findAll(postRequestedFor(urlPathEqualTo(SITE + "/restart")));
    assertThat(restarts).hasSize(4);
    assertThat(restarts)
        .allSatisfy(
            r -> {
              assertThat(r.getUrl())
                  .isEqualTo(
                      SITE + "/restart?api-version=2024-04-01&softRestart=false&synchronous=true");
              assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
            });
    // each restart followed by the timed request and a warm one; the key only where auth needs it
    azure.verify(4, getRequestedFor(urlEqualTo("/api/orders/lab-1")));
    assertThat(azure.findAll(getRequestedFor(urlEqualTo("/api/orders/lab-1"))))
        .allSatisfy(r -> assertThat(r.containsHeader("x-functions-key")).isFalse());
    azure.verify(
        4,
        postRequestedFor(urlEqualTo("/api/orders"))
            .withHeader("x-functions-key", equalTo("it-create-order-key-never-printed")));
    azure.verify(
        4,
        getRequestedFor(urlEqualTo("/admin/host/status"))
            .withHeader("x-functions-key", equalTo("it-master-key-never-printed")));
    azure.verify(1, postRequestedFor(urlPathEqualTo(SITE + "/functions/create-order/listkeys")));
    assertThat(result.output())
        .contains(
            "forcing 2 restarts of Azure function app orders to time get",
            "forcing 2 restarts of Azure function app orders to time create-order")
        .doesNotContain(
            SECRET, TOKEN, "it-master-key-never-printed", "it-create-order-key-never-printed");
    assertThat(result.lines())
        .anyMatch(l -> l.matches(".*get +azure \\(Functions, provider\\) +provider +\\d+ ms.*"));
  }

  private static void assertRow(JsonObject row, double coldAtLeastMs) {
    assertThat(row.get("target").getAsString()).isEqualTo("azure");
    assertThat(row.get("label").getAsString()).isEqualTo("azure (Functions, provider)");
    assertThat(row.get("plan").getAsString()).isEqualTo("azure-flex");
    JsonObject cold = row.getAsJsonObject("coldStartMs");
    assertThat(cold.get("samples").getAsInt()).isEqualTo(2);
    assertThat(cold.get("p50").getAsDouble()).isGreaterThanOrEqualTo(coldAtLeastMs);
    assertThat(cold.get("max").getAsDouble()).isLessThan(coldAtLeastMs + 5_000);
    JsonObject warm = row.getAsJsonObject("warmMs");
    assertThat(warm.get("samples").getAsInt()).isEqualTo(2);
    assertThat(warm.get("p50").getAsDouble()).isLessThan(coldAtLeastMs);
    assertThat(row.has("initMs")).isFalse();
    assertThat(row.get("notes").toString())
        .contains(
            "2 restarts for 2 samples, each answered by a Functions host started after its restart"
                + " (processUptime at most 250 ms)");
  }
}
