package io.skyhop.it.deploy.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code mvn deploy -Dskyhop.target=azure} of a copy of {@code examples/orders} against HTTPS stubs
 * of Entra ID, ARM and Kudu (files under {@code src/test/resources/deploy/azure}), through
 * azure-identity's {@code DefaultAzureCredential} (environment service principal, token from the
 * stubbed authority) and azure-core's pipeline: the exact requests of a first deploy, a redeploy
 * that changes nothing, a code change, a dry run, throttling, a persistent server error, {@code
 * skyhop:remove}, and settings or credentials missing before any call.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AzureDeployIT {
  static final String SUB = "/subscriptions/3f2a1b7c-0000-4000-8000-00000000a2b1";
  static final String RG = SUB + "/resourceGroups/orders-rg";
  static final String WEB = RG + "/providers/Microsoft.Web";
  static final String STORAGE = RG + "/providers/Microsoft.Storage/storageAccounts/[a-z0-9]+";
  static final String TENANT = "72f988bf-0000-4000-8000-0000000000aa";
  static final String SECRET = "it-client-secret-Xq8~never-logged";
  static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.skyhop-it.arm-token";
  static final String STORAGE_KEY = "c2t5aG9wLWl0LXN0b3JhZ2Uta2V5LTE=";
  static final Duration TIMEOUT = Duration.ofMinutes(3);

  static AzureStubs stubs;
  static MavenBuild build;

  @BeforeAll
  static void start() throws Exception {
    stubs = new AzureStubs();
    build = MavenBuild.copy(Repo.root().resolve("examples/orders"), "deploy-azure");
    Path pom = build.dir().resolve("pom.xml");
    String text = Files.readString(pom);
    if (!text.contains("<goal>deploy</goal>")) {
      Files.writeString(
          pom, text.replace("<goal>package</goal>", "<goal>package</goal>\n<goal>deploy</goal>"));
    }
    build
        .env("AZURE_CLIENT_ID", "0c6b2f1e-0000-4000-8000-0000000000c1")
        .env("AZURE_CLIENT_SECRET", SECRET)
        .env("AZURE_TENANT_ID", TENANT)
        .env("AZURE_AUTHORITY_HOST", stubs.endpoint())
        .env(
            "MAVEN_OPTS",
            "-Djavax.net.ssl.trustStore="
                + stubs.trustStore()
                + " -Djavax.net.ssl.trustStorePassword="
                + AzureStubs.PASSWORD
                + " -Djavax.net.ssl.trustStoreType=PKCS12");
  }

  @AfterAll
  static void stop() {
    if (stubs != null) {
      stubs.close();
    }
  }

  static List<String> common() {
    return List.of(
        "-o",
        "-Dskyhop.target=azure",
        "-Dskyhop.targets=azure",
        "-Dskyhop.azure.endpoint=" + stubs.endpoint(),
        "-Dskyhop.azure.subscription=3f2a1b7c-0000-4000-8000-00000000a2b1",
        "-Dskyhop.azure.resourceGroup=orders-rg",
        "-Dskyhop.region=westeurope",
        "-DskipTests",
        "-Dspotless.apply.skip",
        "-Dmaven.install.skip=true",
        "-Dmaven.deploy.skip=true");
  }

  static MavenBuild.Result run(MavenBuild b, List<String> settings, String... goals) {
    List<String> all = new ArrayList<>(settings);
    all.addAll(List.of(goals));
    return b.run(TIMEOUT, all.toArray(String[]::new));
  }

  static byte[] packagedZip() throws Exception {
    return Files.readAllBytes(build.dir().resolve("target/skyhop/azure/orders.zip"));
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  static JsonObject json(LoggedRequest r) {
    return JsonParser.parseString(r.getBodyAsString()).getAsJsonObject();
  }

  static void assertGreen(MavenBuild.Result result) {
    assertThat(result.succeeded()).as("build green: " + result).isTrue();
  }

  /** No secret of the run in Maven's output. */
  static void assertNoSecrets(MavenBuild.Result result) {
    assertThat(result.output()).doesNotContain(SECRET, TOKEN, STORAGE_KEY, "AccountKey=");
  }

  @Test
  @Order(1)
  void firstDeployCreatesTheFlexAppAndPublishesThePackagedZip() throws Exception {
    stubs.load(Map.of());

    MavenBuild.Result result = run(build, common(), "deploy");

    assertGreen(result);
    assertThat(stubs.unmatched()).isEmpty();
    // the token from the stubbed Entra endpoint: client credentials for the ARM scope
    List<LoggedRequest> tokens = stubs.find("POST", "/" + TENANT + "/oauth2/v2.0/token");
    assertThat(tokens).isNotEmpty();
    assertThat(tokens.get(0).getBodyAsString())
        .contains(
            "grant_type=client_credentials",
            "client_id=0c6b2f1e-0000-4000-8000-0000000000c1",
            java.net.URLEncoder.encode(stubs.endpoint() + "/.default", "UTF-8"));
    // every ARM and Kudu call carries the bearer token
    for (LoggedRequest r : stubs.requests()) {
      if (!AzureStubs.path(r).endsWith("/oauth2/v2.0/token")) {
        assertThat(r.getHeader("Authorization")).as(r.getUrl()).isEqualTo("Bearer " + TOKEN);
      }
    }
    // the writes, in order, with their pinned api-versions
    List<String> writes =
        stubs.calls().stream()
            .filter(c -> c.startsWith("PUT") || c.startsWith("POST /api") || c.startsWith("DELETE"))
            .map(c -> c.replaceAll("storageAccounts/[a-z0-9]+", "storageAccounts/{sa}"))
            .toList();
    String sa = RG + "/providers/Microsoft.Storage/storageAccounts/{sa}";
    assertThat(writes)
        .containsExactly(
            "PUT " + RG + "?api-version=2021-04-01",
            "PUT " + sa + "?api-version=2023-05-01",
            "PUT " + WEB + "/serverfarms/orders-plan?api-version=2024-04-01",
            "PUT " + sa + "/blobServices/default/containers/app-package?api-version=2023-05-01",
            "PUT " + WEB + "/sites/orders?api-version=2024-04-01",
            "PUT " + WEB + "/sites/orders/config/appsettings?api-version=2024-04-01",
            "POST /api/publish?RemoteBuild=false&Deployer=skyhop",
            "PUT " + WEB + "/sites/orders/config/appsettings?api-version=2024-04-01");
    // the resource group is tagged as Skyhop's (remove may delete it); plan FC1
    assertThat(json(stubs.find("PUT", RG).get(0)).toString())
        .isEqualTo("{\"location\":\"westeurope\",\"tags\":{\"skyhop-app\":\"orders\"}}");
    assertThat(
            json(stubs.find("PUT", WEB + "/serverfarms/orders-plan").get(0))
                .getAsJsonObject("sku")
                .toString())
        .isEqualTo("{\"name\":\"FC1\",\"tier\":\"FlexConsumption\"}");
    // the site: Flex, java 17 (maven.compiler.release), 512 MB (largest memoryMb), 100 instances
    JsonObject site = json(stubs.find("PUT", WEB + "/sites/orders").get(0));
    assertThat(site.get("kind").getAsString()).isEqualTo("functionapp,linux");
    JsonObject props = site.getAsJsonObject("properties");
    assertThat(props.get("serverFarmId").getAsString()).isEqualTo(WEB + "/serverfarms/orders-plan");
    JsonObject config = props.getAsJsonObject("functionAppConfig");
    assertThat(config.getAsJsonObject("runtime").toString())
        .isEqualTo("{\"name\":\"java\",\"version\":\"17\"}");
    assertThat(config.getAsJsonObject("scaleAndConcurrency").toString())
        .isEqualTo("{\"maximumInstanceCount\":100,\"instanceMemoryMB\":512}");
    JsonObject storage = config.getAsJsonObject("deployment").getAsJsonObject("storage");
    assertThat(storage.get("type").getAsString()).isEqualTo("blobContainer");
    assertThat(storage.get("value").getAsString())
        .matches("https://orders[0-9a-f]{18}\\.blob\\.core\\.windows\\.net/app-package");
    assertThat(storage.getAsJsonObject("authentication").toString())
        .isEqualTo(
            "{\"type\":\"StorageAccountConnectionString\",\"storageAccountConnectionStringName\":\"AzureWebJobsStorage\"}");
    assertThat(props.toString()).doesNotContain("FUNCTIONS_WORKER_RUNTIME", "linuxFxVersion");
    // app settings: complete set, connection from the account's key; the code hash after publishing
    byte[] zip = packagedZip();
    List<LoggedRequest> settings = stubs.find("PUT", WEB + "/sites/orders/config/appsettings");
    JsonObject before = json(settings.get(0)).getAsJsonObject("properties");
    JsonObject after = json(settings.get(1)).getAsJsonObject("properties");
    assertThat(before.keySet()).containsExactly("AzureWebJobsStorage");
    assertThat(before.get("AzureWebJobsStorage").getAsString())
        .matches(
            "DefaultEndpointsProtocol=https;AccountName=orders[0-9a-f]{18};AccountKey="
                + java.util.regex.Pattern.quote(STORAGE_KEY)
                + ";EndpointSuffix=core.windows.net");
    assertThat(after.keySet()).containsExactly("AzureWebJobsStorage", "SKYHOP_CODE_SHA256");
    assertThat(after.get("SKYHOP_CODE_SHA256").getAsString()).isEqualTo(sha256(zip));
    // the published zip is the packaged one
    List<LoggedRequest> publish = stubs.find("POST", "/api/publish");
    assertThat(publish).hasSize(1);
    assertThat(publish.get(0).getBody()).isEqualTo(zip);
    assertThat(publish.get(0).getHeader("Content-Type")).isEqualTo("application/zip");
    assertThat(stubs.find("GET", "/api/deployments/latest")).hasSize(2);
    // URLs printed and recorded; no secret anywhere
    assertThat(result.output())
        .contains(
            "https://orders.azurewebsites.net/api/orders/{id}",
            "https://orders.azurewebsites.net/api/orders/explode");
    String record = Files.readString(build.dir().resolve("target/skyhop/deploy-azure.json"));
    assertThat(record).contains("\"resourceGroupCreatedBySkyhop\": true", sha256(zip));
    assertNoSecrets(result);
    assertThat(record).doesNotContain(STORAGE_KEY, SECRET, TOKEN);
  }

  @Test
  @Order(2)
  void redeployWithoutChangesWritesAndUploadsNothing() throws Exception {
    byte[] zip = packagedZip();
    String connection =
        "DefaultEndpointsProtocol=https;AccountName="
            + storageAccount()
            + ";AccountKey="
            + STORAGE_KEY
            + ";EndpointSuffix=core.windows.net";
    stubs.load(Map.of("connection", connection, "codeSha", sha256(zip)), "existing");

    MavenBuild.Result result = run(build, common(), "deploy");

    assertGreen(result);
    assertThat(stubs.unmatched()).isEmpty();
    assertThat(stubs.calls()).noneMatch(c -> c.startsWith("PUT") || c.startsWith("DELETE"));
    assertThat(stubs.find("POST", "/api/publish")).isEmpty();
    assertThat(result.output()).contains("unchanged code");
    assertNoSecrets(result);
  }

  @Test
  @Order(3)
  void aCodeChangeRepublishesTheZipAndTouchesNothingElse() throws Exception {
    byte[] before = packagedZip();
    String connection =
        "DefaultEndpointsProtocol=https;AccountName="
            + storageAccount()
            + ";AccountKey="
            + STORAGE_KEY
            + ";EndpointSuffix=core.windows.net";
    Path source = build.dir().resolve("src/main/java/com/example/orders/Orders.java");
    Files.writeString(
        source,
        Files.readString(source).replace("the warehouse is on fire", "the warehouse burns"));
    stubs.load(Map.of("connection", connection, "codeSha", sha256(before)), "existing");

    MavenBuild.Result result = run(build, common(), "deploy");

    assertGreen(result);
    byte[] after = packagedZip();
    assertThat(after).isNotEqualTo(before);
    List<LoggedRequest> publish = stubs.find("POST", "/api/publish");
    assertThat(publish).hasSize(1);
    assertThat(publish.get(0).getBody()).isEqualTo(after);
    assertThat(stubs.calls().stream().filter(c -> c.startsWith("PUT")))
        .containsExactly("PUT " + WEB + "/sites/orders/config/appsettings?api-version=2024-04-01");
    JsonObject settings =
        json(stubs.find("PUT", WEB + "/sites/orders/config/appsettings").get(0))
            .getAsJsonObject("properties");
    assertThat(settings.get("SKYHOP_CODE_SHA256").getAsString()).isEqualTo(sha256(after));
    // a setting someone else added survives the complete PUT
    assertThat(settings.has("APPLICATIONINSIGHTS_CONNECTION_STRING")).isTrue();
    assertNoSecrets(result);
  }

  @Test
  @Order(4)
  void aDryRunPrintsThePlanAndOnlyReads() {
    stubs.load(Map.of());

    MavenBuild.Result result = run(build, common(), "-Dskyhop.dryRun=true", "deploy");

    assertGreen(result);
    assertThat(stubs.calls())
        .allMatch(c -> c.startsWith("GET ") || c.contains("/oauth2/v2.0/token"), "reads only");
    assertThat(result.output())
        .contains(
            "[dry run] create    group     orders-rg (westeurope)",
            "[dry run] create    plan      orders-plan (FC1 FlexConsumption)",
            "[dry run] create    app       orders (java 17, 512 MB, up to 100 instances)",
            "[dry run] update    code      orders.zip");
  }

  @Test
  @Order(5)
  void throttlingIsRetriedAndTheBuildIsGreen() {
    stubs.load(Map.of(), "throttled");

    MavenBuild.Result result = run(build, common(), "deploy");

    assertGreen(result);
    assertThat(stubs.find("PUT", WEB + "/sites/orders")).hasSize(2);
    assertThat(stubs.find("POST", "/api/publish")).hasSize(1);
  }

  @Test
  @Order(6)
  void aPersistentServerErrorFailsTheBuildNamingTheCall() {
    stubs.load(Map.of(), "server-error");

    MavenBuild.Result result = run(build, common(), "deploy");

    assertThat(result.succeeded()).as(result.toString()).isFalse();
    assertThat(result.output())
        .contains(
            "PUT app settings failed with HTTP 500 InternalServerError: There was an unexpected"
                + " InternalServerError.");
    // first attempt plus three retries, and nothing published
    assertThat(stubs.find("PUT", WEB + "/sites/orders/config/appsettings")).hasSize(4);
    assertThat(stubs.find("POST", "/api/publish")).isEmpty();
    assertNoSecrets(result);
  }

  @Test
  @Order(7)
  void removeDeletesOnlyWhatSkyhopCreated() throws Exception {
    stubs.load(Map.of("connection", "", "codeSha", ""), "existing");

    MavenBuild.Result result = run(build, common(), "skyhop:remove");

    assertGreen(result);
    assertThat(
            stubs.calls().stream()
                .filter(c -> c.startsWith("DELETE"))
                .map(c -> c.replaceAll("storageAccounts/[a-z0-9]+", "storageAccounts/{sa}")))
        .containsExactly(
            "DELETE " + WEB + "/sites/orders?api-version=2024-04-01",
            "DELETE " + WEB + "/serverfarms/orders-plan?api-version=2024-04-01",
            "DELETE "
                + RG
                + "/providers/Microsoft.Storage/storageAccounts/{sa}?api-version=2023-05-01");
    assertThat(result.output())
        .contains("Left resource group orders-rg (Skyhop did not create it)");
  }

  @Test
  @Order(8)
  void missingSettingsOrCredentialsFailBeforeAnyCall() {
    stubs.load(Map.of());
    List<String[]> cases =
        List.of(
            new String[] {"-Dskyhop.azure.subscription=", "skyhop.azure.subscription is not set"},
            new String[] {"-Dskyhop.azure.resourceGroup=", "skyhop.azure.resourceGroup is not set"},
            new String[] {"-Dskyhop.region=", "skyhop.region is not set"});
    for (String[] c : cases) {
      List<String> settings = new ArrayList<>(common());
      settings.removeIf(s -> s.startsWith(c[0]));
      MavenBuild.Result result = run(build, settings, "deploy");
      assertThat(result.succeeded()).as(c[1]).isFalse();
      assertThat(result.output()).contains(c[1]);
    }
    assertThat(stubs.requests()).isEmpty();

    MavenBuild noCredentials =
        build
            .variant()
            .unsetEnv("AZURE_CLIENT_ID")
            .unsetEnv("AZURE_CLIENT_SECRET")
            .unsetEnv("AZURE_TENANT_ID");
    MavenBuild.Result result = run(noCredentials, common(), "deploy");
    assertThat(result.succeeded()).isFalse();
    assertThat(result.output())
        .contains(
            "No Azure credentials: DefaultAzureCredential found none",
            "Fix: set AZURE_CLIENT_ID, AZURE_CLIENT_SECRET and AZURE_TENANT_ID");
    assertThat(stubs.calls()).noneMatch(c -> c.contains("/subscriptions/"));
  }

  /** The storage account the first deploy created, as its PUT named it. */
  static String storageAccount() throws Exception {
    String record = Files.readString(build.dir().resolve("target/skyhop/deploy-azure.json"));
    JsonObject details =
        JsonParser.parseString(record).getAsJsonObject().getAsJsonObject("details");
    return details.get("storageAccount").getAsString();
  }
}
