package io.skyhop.it.deploy.azure;

import static io.skyhop.it.deploy.azure.AzureExpectations.LISTED;
import static io.skyhop.it.deploy.azure.AzureExpectations.PUBLISH;
import static io.skyhop.it.deploy.azure.AzureExpectations.RELEASES;
import static io.skyhop.it.deploy.azure.AzureExpectations.SETTINGS;
import static io.skyhop.it.deploy.azure.AzureExpectations.SETTINGS_PUT;
import static io.skyhop.it.deploy.azure.AzureOrders.RG;
import static io.skyhop.it.deploy.azure.AzureOrders.SA;
import static io.skyhop.it.deploy.azure.AzureOrders.STORAGE_KEY;
import static io.skyhop.it.deploy.azure.AzureOrders.TOKEN;
import static io.skyhop.it.deploy.azure.AzureOrders.WEB;
import static io.skyhop.it.deploy.azure.AzureOrders.assertGreen;
import static io.skyhop.it.deploy.azure.AzureOrders.assertNoSecrets;
import static io.skyhop.it.deploy.azure.AzureOrders.assertRed;
import static io.skyhop.it.deploy.azure.AzureOrders.connection;
import static io.skyhop.it.deploy.azure.AzureOrders.json;
import static io.skyhop.it.deploy.azure.AzureOrders.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import io.skyhop.it.MavenBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * that changes nothing, a code change, dry runs, throttling, a persistent server error, conflicts
 * with an operation in progress, a run that failed half-way run again, {@code skyhop:remove}, and
 * settings or credentials missing before any call. The scenarios share one copy and run in order
 * (later ones read the storage account the first deploy recorded).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AzureDeployIT {
  /** The calls of the deploy, re-deploy, remove and rollback runs, for the deployer's role. */
  static final List<String> JOURNAL = new ArrayList<>();

  static AzureStubs stubs;
  static AzureOrders orders;

  @BeforeAll
  static void start() throws Exception {
    stubs = new AzureStubs();
    orders = new AzureOrders(stubs);
  }

  @AfterAll
  static void stop() {
    if (stubs != null) {
      stubs.close();
    }
  }

  @Test
  @Order(1)
  void firstDeployCreatesTheFlexAppAndPublishesThePackagedZip() throws Exception {
    stubs.load(Map.of());

    MavenBuild.Result result = orders.run("deploy");

    assertGreen(result);
    assertThat(stubs.unmatched()).isEmpty();
    AzureExpectations.signedWithTheStubbedToken(stubs);
    List<String> writes = new ArrayList<>(AzureExpectations.CREATES);
    writes.addAll(List.of(SETTINGS_PUT, PUBLISH, SETTINGS_PUT));
    writes.addAll(AzureExpectations.EVENTS);
    byte[] zip = orders.packagedZip();
    // verified (the app Running, every function listed, the blob trigger's subscription
    // Succeeded), so its package is kept as the last good one
    writes.addAll(AzureExpectations.kept(sha256(zip), null));
    assertThat(orders.writes()).containsExactlyElementsOf(writes);
    assertThat(stubs.releases().get(RELEASES + sha256(zip) + ".zip")).contains(zip);
    AzureExpectations.flexAppCreated(stubs, zip);
    AzureExpectations.hashWrittenAfterTheFunctionsAreListed(stubs);
    assertThat(result.output()).contains(LISTED);
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
    String record = Files.readString(orders.build.dir().resolve("target/skyhop/deploy-azure.json"));
    assertThat(record).contains("\"resourceGroupCreatedBySkyhop\": true", sha256(zip));
    assertNoSecrets(result);
    assertThat(record).doesNotContain(STORAGE_KEY, AzureOrders.SECRET, TOKEN);
    assertThat(result.output()).contains("Verified: 6 functions active (smoke calls off");
    assertThat(result.output())
        .as("azure-core's JDK transport no longer warns per request")
        .doesNotContain("The header is restricted by 'java.net.http.HttpClient'");
    JOURNAL.addAll(stubs.calls());
  }

  @Test
  @Order(2)
  void redeployWithoutChangesWritesAndUploadsNothing() throws Exception {
    String sha = sha256(orders.packagedZip());
    stubs.load(
        Map.of("connection", connection(orders.storageAccount()), "codeSha", sha), "existing");

    MavenBuild.Result result = orders.run("deploy");

    assertGreen(result);
    assertThat(stubs.unmatched()).isEmpty();
    assertThat(orders.writes()).as("the kept package is this one already").isEmpty();
    assertThat(result.output())
        .contains("unchanged code", "Verified: 6 functions active", "unchanged release");
    assertNoSecrets(result);
    JOURNAL.addAll(stubs.calls());
  }

  @Test
  @Order(3)
  void aCodeChangeRepublishesTheZipAndTouchesNothingElse() throws Exception {
    byte[] before = orders.packagedZip();
    Path source = orders.build.dir().resolve("src/main/java/com/example/orders/Orders.java");
    Files.writeString(
        source,
        Files.readString(source).replace("the warehouse is on fire", "the warehouse burns"));
    stubs.load(
        Map.of("connection", connection(orders.storageAccount()), "codeSha", sha256(before)),
        "existing");

    MavenBuild.Result result = orders.run("deploy");

    assertGreen(result);
    byte[] after = orders.packagedZip();
    assertThat(after).isNotEqualTo(before);
    List<String> writes = new ArrayList<>(List.of(PUBLISH, SETTINGS_PUT));
    writes.addAll(AzureExpectations.kept(sha256(after), sha256(before)));
    assertThat(orders.writes()).containsExactlyElementsOf(writes);
    assertThat(stubs.releases().paths())
        .containsExactly(RELEASES + sha256(after) + ".zip", RELEASES + "last-good.json");
    assertThat(stubs.find("POST", "/api/publish").get(0).getBody()).isEqualTo(after);
    JsonObject settings = json(stubs.find("PUT", SETTINGS).get(0)).getAsJsonObject("properties");
    assertThat(settings.get("SKYHOP_CODE_SHA256").getAsString()).isEqualTo(sha256(after));
    // a setting someone else added survives the complete PUT
    assertThat(settings.has("AzureFunctionsJobHost__logging__logLevel__default")).isTrue();
    assertNoSecrets(result);
  }

  @Test
  @Order(4)
  void aDryRunPrintsThePlanAndOnlyReads() throws Exception {
    Path record = orders.build.dir().resolve("target/skyhop/deploy-azure.json");
    String recorded = Files.readString(record);
    stubs.load(Map.of());

    MavenBuild.Result fresh = orders.run("deploy", "-Dskyhop.dryRun=true");

    assertGreen(fresh);
    assertThat(stubs.calls())
        .allMatch(c -> c.startsWith("GET ") || c.contains("/oauth2/v2.0/token"), "reads only");
    assertThat(fresh.output())
        .contains(
            "[dry run] create    group     orders-rg (westeurope)",
            "[dry run] create    plan      orders-plan (FC1 FlexConsumption)",
            "[dry run] create    app       orders (java 17, 512 MB, up to 100 instances)",
            "[dry run] update    code      orders.zip");

    // against the deployed app running older code: the settings are read (a list action), no key
    stubs.load(Map.of("connection", "", "codeSha", sha256(new byte[] {1})), "existing");

    MavenBuild.Result update = orders.run("deploy", "-Dskyhop.dryRun=true");

    assertGreen(update);
    assertThat(stubs.calls())
        .allMatch(
            c -> c.startsWith("GET ") || c.contains("/oauth2/") || c.contains("/appsettings/list"),
            "reads only");
    assertThat(update.output())
        .contains(
            "[dry run] unchanged group     orders-rg",
            "[dry run] unchanged plan      orders-plan",
            "[dry run] unchanged app       orders (java 17, 512 MB, up to 100 instances)",
            "[dry run] update    code      orders.zip");
    assertThat(Files.readString(record)).as("a dry run records nothing").isEqualTo(recorded);
  }

  @Test
  @Order(5)
  void throttlingIsRetriedAndTheBuildIsGreen() {
    stubs.load(Map.of(), "throttled");

    MavenBuild.Result result = orders.run("deploy");

    assertGreen(result);
    assertThat(stubs.statuses("PUT", WEB + "/sites/orders")).containsExactly(429, 200);
    assertThat(stubs.find("POST", "/api/publish")).hasSize(1);
  }

  @Test
  @Order(6)
  void aPersistentServerErrorFailsTheBuildNamingTheCall() {
    stubs.load(Map.of(), "server-error");

    MavenBuild.Result result = orders.run("deploy");

    assertRed(result);
    assertThat(result.output())
        .contains(
            "PUT app settings failed with HTTP 500 InternalServerError: There was an unexpected"
                + " InternalServerError.");
    // first attempt plus three retries, and nothing published
    assertThat(stubs.statuses("PUT", SETTINGS)).containsExactly(500, 500, 500, 500);
    assertThat(stubs.find("POST", "/api/publish")).isEmpty();
    assertNoSecrets(result);
  }

  /**
   * A 409 while another operation holds the site (App Service's {@code {"Code":"Conflict",
   * "Message":"Cannot modify this site because another operation is in progress…"}} on the settings
   * right after the site was created) and while Kudu still runs a deployment ("There is a
   * deployment currently in progress…", plain text): each is waited out with backoff and the same
   * request repeated, and the build is green.
   */
  @Test
  @Order(7)
  void aConflictWhileAnotherOperationRunsIsWaitedOutAndRetried() throws Exception {
    stubs.load(Map.of(), "conflict");

    MavenBuild.Result result = orders.run("deploy");

    assertGreen(result);
    assertThat(stubs.unmatched()).isEmpty();
    assertThat(stubs.statuses("PUT", SETTINGS)).containsExactly(409, 200, 200);
    List<LoggedRequest> settings = stubs.find("PUT", SETTINGS);
    assertThat(settings.get(1).getBodyAsString()).isEqualTo(settings.get(0).getBodyAsString());
    assertThat(stubs.statuses("POST", "/api/publish")).containsExactly(409, 202);
    byte[] zip = orders.packagedZip();
    assertThat(stubs.find("POST", "/api/publish"))
        .allSatisfy(r -> assertThat(r.getBody()).isEqualTo(zip));
    assertThat(result.output())
        .contains(
            "PUT app settings answered HTTP 409 Conflict: Cannot modify this site because another"
                + " operation is in progress. Details: Id: 1f6c0d2e-0000-4000-8000-00000000b001,",
            "; waiting 1000 ms, then retrying",
            "/api/publish answered HTTP 409: There is a deployment currently in progress. Please"
                + " try again when it completes; waiting 1000 ms, then retrying",
            LISTED);
    assertNoSecrets(result);
  }

  /**
   * Azure's equivalent of "a failure on the third of five functions, then a re-run": all functions
   * ship in one package to one function app, so the run fails half-way through its steps instead.
   * The first run creates the resource group, storage account, plan, container and site and writes
   * the settings, then OneDeploy answers 500 until the outage ends: a red build naming the call,
   * and no code hash recorded. ARM now holds what that run created (the stubs' scenario states:
   * every GET answers 200 with the resource, the settings list answers what the run wrote); the
   * re-run finds each resource, creates none of them again, publishes, and the app lists every
   * function.
   */
  @Test
  @Order(8)
  void aRunThatFailedHalfWayConvergesWhenRunAgain() throws Exception {
    String connection = connection(orders.storageAccount());
    stubs.load(Map.of("connection", connection), "half-failed");

    MavenBuild.Result first = orders.run("deploy");

    assertRed(first);
    assertThat(first.output())
        .containsPattern(
            "POST https://127\\.0\\.0\\.1:\\d+/api/publish failed with HTTP 500\\. Fix: Azure failed"
                + " after retries; re-run \\(a re-run converges\\)");
    List<String> created = new ArrayList<>(AzureExpectations.CREATES);
    created.addAll(List.of(SETTINGS_PUT, PUBLISH, PUBLISH, PUBLISH, PUBLISH));
    assertThat(orders.writes()).containsExactlyElementsOf(created);
    JsonObject written = json(stubs.find("PUT", SETTINGS).get(0)).getAsJsonObject("properties");
    assertThat(written.get("AzureWebJobsStorage__accountName").getAsString())
        .as("what the re-run's settings list answers")
        .isEqualTo(orders.storageAccount());
    assertThat(written.has("AzureWebJobsStorage")).as("no connection string").isFalse();
    stubs.remove("Kudu: OneDeploy outage, 500 until the test removes this stub between the runs");
    stubs.forgetRequests();

    MavenBuild.Result rerun = orders.run("deploy");

    assertGreen(rerun);
    assertThat(stubs.unmatched()).isEmpty();
    assertThat(stubs.statuses("GET", RG)).containsExactly(200);
    assertThat(stubs.statuses("GET", RG + "/providers/Microsoft.Storage/storageAccounts/[a-z0-9]+"))
        .containsExactly(200);
    assertThat(stubs.statuses("GET", WEB + "/serverfarms/orders-plan")).containsExactly(200);
    // the deploy's read, then the verifier's
    assertThat(stubs.statuses("GET", WEB + "/sites/orders")).containsExactly(200, 200);
    List<String> rewritten = new ArrayList<>(List.of(PUBLISH, SETTINGS_PUT));
    rewritten.addAll(AzureExpectations.EVENTS);
    assertThat(orders.writes())
        .as(
            "nothing created twice: the settings were complete, only the code and the blob"
                + " trigger's Event Grid delivery (which follows the code) are missing")
        .containsExactlyElementsOf(rewritten);
    assertThat(stubs.statuses("GET", WEB + "/sites/orders/functions")).containsExactly(200, 200);
    assertThat(rerun.output())
        .contains(
            "unchanged group     orders-rg",
            "unchanged plan      orders-plan",
            "unchanged app       orders",
            LISTED);
    JsonObject settings = json(stubs.find("PUT", SETTINGS).get(0)).getAsJsonObject("properties");
    assertThat(settings.get("SKYHOP_CODE_SHA256").getAsString())
        .isEqualTo(sha256(orders.packagedZip()));
    String record = Files.readString(orders.build.dir().resolve("target/skyhop/deploy-azure.json"));
    for (String f : List.of("get", "create-order", "explode", "nightly", "on-order", "on-upload")) {
      assertThat(record).contains("\"resource\": \"orders/" + f + "\"");
    }
    assertNoSecrets(first);
    assertNoSecrets(rerun);
  }

  @Test
  @Order(9)
  void removeDeletesOnlyWhatSkyhopCreated() throws Exception {
    stubs.load(Map.of("connection", "", "codeSha", ""), "existing");

    MavenBuild.Result result = orders.run("skyhop:remove");

    assertGreen(result);
    List<String> deletes = new ArrayList<>(AzureExpectations.EVENTS_AND_ROLES_DELETED);
    deletes.addAll(
        List.of(
            "DELETE " + WEB + "/sites/orders?api-version=2024-04-01",
            "DELETE " + WEB + "/serverfarms/orders-plan?api-version=2024-04-01",
            "DELETE " + SA + "?api-version=2023-05-01",
            "DELETE " + AzureExpectations.INSIGHTS + "?api-version=2020-02-02"));
    assertThat(orders.writes()).containsExactlyElementsOf(deletes);
    assertThat(result.output())
        .contains("Left resource group orders-rg (Skyhop did not create it)");
    JOURNAL.addAll(stubs.calls());
  }

  /**
   * A resource group Skyhop created for the app goes as a whole only while it holds nothing but the
   * app's resources; with a database someone added and another app's storage account in it, only
   * the app's function app and plan go.
   */
  @Test
  @Order(10)
  void removeDeletesTheGroupOnlyWhenEverythingInItIsTheApps() throws Exception {
    Map<String, String> values = Map.of("storage", orders.storageAccount());
    stubs.load(values, "remove-own-group");

    MavenBuild.Result own = orders.run("skyhop:remove");

    assertGreen(own);
    assertThat(stubs.unmatched()).isEmpty();
    assertThat(orders.writes()).containsExactly("DELETE " + RG + "?api-version=2021-04-01");
    assertThat(stubs.find("GET", ".*/operationresults/op-delete-rg")).hasSize(1);

    stubs.load(
        Map.of("connection", "", "codeSha", "", "storage", orders.storageAccount()),
        "existing",
        "remove-own-group",
        "remove-shared-group");

    MavenBuild.Result shared = orders.run("skyhop:remove");

    assertGreen(shared);
    List<String> deletes = new ArrayList<>(AzureExpectations.EVENTS_AND_ROLES_DELETED);
    deletes.addAll(
        List.of(
            "DELETE " + WEB + "/sites/orders?api-version=2024-04-01",
            "DELETE " + WEB + "/serverfarms/orders-plan?api-version=2024-04-01",
            "DELETE " + AzureExpectations.INSIGHTS + "?api-version=2020-02-02"));
    assertThat(orders.writes()).containsExactlyElementsOf(deletes);
    assertThat(shared.output())
        .contains(
            "Left storage account " + orders.storageAccount() + ": it has no tag skyhop-app=orders",
            "Left resource group orders-rg: it also holds "
                + orders.storageAccount()
                + " (Microsoft.Storage/storageAccounts), orders-db (Microsoft.Sql/servers), which"
                + " Skyhop did not create for orders");
  }

  @Test
  @Order(11)
  void missingSettingsOrCredentialsFailBeforeAnyCall() {
    stubs.load(Map.of());
    List<String[]> cases =
        List.of(
            new String[] {"-Dskyhop.azure.subscription=", "skyhop.azure.subscription is not set"},
            new String[] {"-Dskyhop.azure.resourceGroup=", "skyhop.azure.resourceGroup is not set"},
            new String[] {"-Dskyhop.region=", "skyhop.region is not set"});
    for (String[] c : cases) {
      List<String> settings = new ArrayList<>(orders.common());
      settings.removeIf(s -> s.startsWith(c[0]));
      MavenBuild.Result result = AzureOrders.run(orders.build, settings, "deploy");
      assertThat(result.succeeded()).as(c[1]).isFalse();
      assertThat(result.output()).contains(c[1]);
    }
    assertThat(stubs.requests()).isEmpty();

    MavenBuild noCredentials =
        orders
            .build
            .variant()
            .unsetEnv("AZURE_CLIENT_ID")
            .unsetEnv("AZURE_CLIENT_SECRET")
            .unsetEnv("AZURE_TENANT_ID");
    MavenBuild.Result result = AzureOrders.run(noCredentials, orders.common(), "deploy");
    assertRed(result);
    assertThat(result.output())
        .contains(
            "No Azure credentials: DefaultAzureCredential found none",
            "Fix: set AZURE_CLIENT_ID, AZURE_CLIENT_SECRET and AZURE_TENANT_ID");
    assertThat(stubs.calls()).noneMatch(c -> c.contains("/subscriptions/"));
  }

  /**
   * {@code skyhop.azure.appInsights} binds a component Skyhop did not create (here another resource
   * group's): deploy reads it, grants the app's identity Monitoring Metrics Publisher on it and
   * points the app's settings at it, creates no component or workspace; remove leaves it.
   */
  @Test
  @Order(12)
  void aBoundApplicationInsightsComponentIsUsedButNeverCreatedOrRemoved() throws Exception {
    String bound =
        "/subscriptions/3f2a1b7c-0000-4000-8000-00000000a2b1/resourceGroups/shared-monitoring"
            + "/providers/Microsoft.Insights/components/company-insights";
    stubs.load(
        Map.of(
            "connection", connection(orders.storageAccount()),
            "codeSha", sha256(orders.packagedZip())),
        "existing",
        "bound-insights");

    MavenBuild.Result result = orders.run("deploy", "-Dskyhop.azure.appInsights=" + bound);

    assertGreen(result);
    assertThat(stubs.unmatched()).isEmpty();
    assertThat(orders.writes())
        .containsExactly(
            "PUT "
                + bound
                + "/providers/Microsoft.Authorization/roleAssignments/"
                + "0cc79898-4b26-39a4-9a1a-5059430c7993?api-version=2022-04-01",
            SETTINGS_PUT);
    JsonObject settings = json(stubs.find("PUT", SETTINGS).get(0)).getAsJsonObject("properties");
    assertThat(settings.get("APPLICATIONINSIGHTS_CONNECTION_STRING").getAsString())
        .startsWith("InstrumentationKey=0d1e2f3a-0000-4000-8000-0000000000b2;");
    assertThat(settings.get("APPLICATIONINSIGHTS_AUTHENTICATION_STRING").getAsString())
        .isEqualTo("Authorization=AAD");
    assertThat(result.output())
        .contains("bound     insights  company-insights (skyhop.azure.appInsights)");
    String record = Files.readString(orders.build.dir().resolve("target/skyhop/deploy-azure.json"));
    assertThat(record)
        .contains("\"applicationInsights\": \"" + bound + "\"")
        .contains("\"applicationInsightsOwnedBySkyhop\": false");

    stubs.forgetRequests();
    MavenBuild.Result removed = orders.run("skyhop:remove", "-Dskyhop.azure.appInsights=" + bound);

    assertGreen(removed);
    List<String> deletes = new ArrayList<>(AzureExpectations.EVENTS_AND_ROLES_DELETED);
    deletes.addAll(
        List.of(
            "DELETE " + WEB + "/sites/orders?api-version=2024-04-01",
            "DELETE " + WEB + "/serverfarms/orders-plan?api-version=2024-04-01",
            "DELETE " + SA + "?api-version=2023-05-01"));
    assertThat(orders.writes()).containsExactlyElementsOf(deletes);
    assertThat(removed.output())
        .contains("Left Application Insights: bound with skyhop.azure.appInsights, not Skyhop's");
  }

  @Test
  @Order(13)
  void aBindingThatNamesNoComponentFailsNamingTheSettingAndTheFix() {
    stubs.load(Map.of("connection", "", "codeSha", ""), "existing", "bound-insights");

    MavenBuild.Result result = orders.run("deploy", "-Dskyhop.azure.appInsights=missing-insights");

    assertRed(result);
    assertThat(result.output())
        .contains(
            "skyhop.azure.appInsights = 'missing-insights' names no Application Insights component"
                + " (/subscriptions/3f2a1b7c-0000-4000-8000-00000000a2b1/resourceGroups/orders-rg"
                + "/providers/Microsoft.Insights/components/missing-insights does not exist). Fix:"
                + " create it, correct skyhop.azure.appInsights, or remove the setting and Skyhop"
                + " creates one for the app");
    assertThat(orders.writes()).isEmpty();
  }

  /**
   * A package whose functions the host does not index (the listing stays empty after OneDeploy
   * succeeded): the build is red naming every function, no code hash is recorded, and the package
   * the last verified deploy kept in the storage account is published again, its hash recorded, and
   * the host lists every function again.
   */
  @Test
  @Order(14)
  void aHostThatListsNoFunctionsTurnsTheBuildRedAndTheLastGoodPackageServesAgain()
      throws Exception {
    byte[] good = orders.packagedZip();
    String goodSha = sha256(good);
    assertThat(stubs.releases().get(RELEASES + goodSha + ".zip")).contains(good);
    Path source = orders.build.dir().resolve("src/main/java/com/example/orders/Orders.java");
    Files.writeString(
        source, Files.readString(source).replace("the warehouse burns", "the warehouse floods"));
    stubs.load(
        Map.of("connection", connection(orders.storageAccount()), "codeSha", goodSha),
        "existing",
        "unindexed");

    MavenBuild.Result result = orders.run("deploy", "-Dskyhop.azure.listingWaitSeconds=0");

    assertRed(result);
    assertThat(stubs.unmatched()).isEmpty();
    byte[] bad = orders.packagedZip();
    assertThat(bad).isNotEqualTo(good);
    String none = " (not listed by the host of function app orders (it lists no functions))";
    assertThat(result.output())
        .contains(
            "The deploy to azure does not work: get"
                + none
                + ", create-order"
                + none
                + ", explode"
                + none
                + ", nightly"
                + none
                + ", on-order"
                + none
                + ", on-upload"
                + none
                + ". Rolled back: orders package sha256 "
                + goodSha
                + " (the last good deploy: orders 0.1.0-SNAPSHOT) serves again. Fix: correct the"
                + " functions named and deploy again");
    List<LoggedRequest> publish = stubs.find("POST", "/api/publish");
    assertThat(publish).hasSize(2);
    assertThat(publish.get(0).getBody()).isEqualTo(bad);
    assertThat(publish.get(1).getBody()).as("the kept package, published again").isEqualTo(good);
    // the failed package's hash is never recorded; the rollback records the good one once the
    // host lists its functions again
    List<LoggedRequest> settings = stubs.find("PUT", SETTINGS);
    assertThat(settings).hasSize(1);
    assertThat(json(settings.get(0)).getAsJsonObject("properties").get("SKYHOP_CODE_SHA256"))
        .hasToString("\"" + goodSha + "\"");
    List<String> calls = stubs.calls();
    assertThat(calls.subList(calls.lastIndexOf(PUBLISH), calls.size()))
        .containsSubsequence(
            "GET /api/deployments/latest",
            "GET " + WEB + "/sites/orders/functions?api-version=2024-04-01",
            SETTINGS_PUT);
    assertThat(stubs.releases().paths())
        .as("the failed package is not kept")
        .containsExactly(RELEASES + goodSha + ".zip", RELEASES + "last-good.json");
    assertNoSecrets(result);
    JOURNAL.addAll(calls);
  }

  /**
   * With smoke calls on, each HTTP function gets a request at the URL its host lists: {@code
   * explode} answers 500 and the build is red naming it; with {@code skyhop.rollback=false} the
   * failed version stays.
   */
  @Test
  @Order(15)
  void aFunctionAnswering500TurnsTheBuildRedNamingIt() throws Exception {
    stubs.load(
        Map.of(
            "connection",
            connection(orders.storageAccount()),
            "codeSha",
            sha256(orders.packagedZip())),
        "existing",
        "smoke");

    MavenBuild.Result result =
        orders.run("deploy", "-Dskyhop.verify=true", "-Dskyhop.rollback=false");

    assertRed(result);
    assertThat(stubs.unmatched()).isEmpty();
    assertThat(result.output())
        .contains(
            "The deploy to azure does not work: explode (GET "
                + stubs.endpoint()
                + "/api/orders/explode answered 500). The failed version stays deployed"
                + " (skyhop.rollback=false); 'mvn skyhop:rollback' returns to the last good one."
                + " Fix: correct the functions named and deploy again");
    assertThat(stubs.find("GET", "/api/orders/skyhop-smoke")).hasSize(1);
    assertThat(stubs.find("POST", "/api/orders")).hasSize(1);
    assertThat(orders.writes())
        .as("nothing but the smoke request of create-order, which takes POST only")
        .containsExactly("POST /api/orders");
  }

  /** {@code skyhop:rollback} publishes the kept package on demand, from any machine. */
  @Test
  @Order(16)
  void rollbackPublishesTheKeptPackage() throws Exception {
    String goodSha =
        stubs.releases().paths().stream()
            .filter(p -> p.endsWith(".zip"))
            .map(p -> p.substring(RELEASES.length(), p.length() - 4))
            .findFirst()
            .orElseThrow();
    stubs.load(
        Map.of(
            "connection",
            connection(orders.storageAccount()),
            "codeSha",
            sha256(orders.packagedZip())),
        "existing");

    MavenBuild.Result result = orders.run("skyhop:rollback");

    assertGreen(result);
    assertThat(stubs.unmatched()).isEmpty();
    assertThat(result.output())
        .contains(
            "Rolled back: orders package sha256 "
                + goodSha
                + " (the last good deploy: orders 0.1.0-SNAPSHOT) serves again");
    assertThat(stubs.find("POST", "/api/publish").get(0).getBody())
        .isEqualTo(stubs.releases().get(RELEASES + goodSha + ".zip").orElseThrow());
    assertThat(orders.writes()).containsExactly(PUBLISH, SETTINGS_PUT);
    JOURNAL.addAll(stubs.calls());
  }

  /**
   * {@code skyhop:policy} prints the deploying identity's custom role; every call of the deploy,
   * re-deploy, remove and rollback runs above (ARM, Kudu and the storage data plane) is one of its
   * operations.
   */
  @Test
  @Order(17)
  void thePrintedRoleCoversEveryCallTheDeployerMade() throws Exception {
    stubs.load(Map.of());

    MavenBuild.Result result = orders.run("skyhop:policy");

    assertGreen(result);
    assertThat(stubs.requests()).as("printing calls nothing").isEmpty();
    JsonObject role =
        com.google.gson.JsonParser.parseString(
                Files.readString(orders.build.dir().resolve("target/skyhop/policy-azure.json")))
            .getAsJsonObject();
    assertThat(role.getAsJsonArray("AssignableScopes").toString())
        .isEqualTo("[\"" + AzureOrders.RG + "\"]");
    assertThat(AzureRoleCoverage.covered(role, JOURNAL))
        .contains(
            "Microsoft.Web/sites/write",
            "Microsoft.Web/sites/publish/action",
            "Microsoft.Storage/storageAccounts/listKeys/action",
            "Microsoft.Authorization/roleAssignments/write",
            "Microsoft.EventGrid/systemTopics/eventSubscriptions/write",
            "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write",
            "Microsoft.Web/sites/delete");
  }
}
