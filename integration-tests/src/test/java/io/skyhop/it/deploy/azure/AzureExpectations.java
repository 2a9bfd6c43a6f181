package io.skyhop.it.deploy.azure;

import static io.skyhop.it.deploy.azure.AzureOrders.RG;
import static io.skyhop.it.deploy.azure.AzureOrders.SA;
import static io.skyhop.it.deploy.azure.AzureOrders.STORAGE_KEY;
import static io.skyhop.it.deploy.azure.AzureOrders.TENANT;
import static io.skyhop.it.deploy.azure.AzureOrders.TOKEN;
import static io.skyhop.it.deploy.azure.AzureOrders.WEB;
import static io.skyhop.it.deploy.azure.AzureOrders.json;
import static io.skyhop.it.deploy.azure.AzureOrders.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The requests Azure receives from a deploy of {@code examples/orders}, as the ITs assert them. */
final class AzureExpectations {
  static final String SETTINGS = WEB + "/sites/orders/config/appsettings";
  static final String SETTINGS_PUT = "PUT " + SETTINGS + "?api-version=2024-04-01";
  static final String PUBLISH = "POST /api/publish?RemoteBuild=false&Deployer=skyhop";

  /** The app's Application Insights component, owned by Skyhop. */
  static final String INSIGHTS = RG + "/providers/Microsoft.Insights/components/orders";

  /** The Monitoring Metrics Publisher grant of the site's identity on the component. */
  static final String ROLE_PUT =
      "PUT "
          + INSIGHTS
          + "/providers/Microsoft.Authorization/roleAssignments/0c8e4852-340a-3d4c-af97-bd5b64404216"
          + "?api-version=2022-04-01";

  /** The settings connecting the app to its component by identity. */
  static final List<String> INSIGHTS_SETTINGS =
      List.of("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "APPLICATIONINSIGHTS_CONNECTION_STRING");

  /** The resources a first deploy creates, in order, with their pinned api-versions. */
  static final List<String> CREATES =
      List.of(
          "PUT " + RG + "?api-version=2021-04-01",
          "PUT " + SA + "?api-version=2023-05-01",
          "PUT " + WEB + "/serverfarms/orders-plan?api-version=2024-04-01",
          "PUT "
              + RG
              + "/providers/Microsoft.OperationalInsights/workspaces/orders-logs"
              + "?api-version=2022-10-01",
          "PUT " + INSIGHTS + "?api-version=2020-02-02",
          "PUT " + SA + "/blobServices/default/containers/app-package?api-version=2023-05-01",
          "PUT " + WEB + "/sites/orders?api-version=2024-04-01",
          ROLE_PUT,
          storageRolePut("6c0f8b8a-5cd7-334e-a2b4-3479bca46d91"),
          storageRolePut("1f59497d-074b-357f-b9d0-4f1bc1841abd"),
          storageRolePut("41df76bc-0a45-32cf-a4d9-50e4e90d7c14"));

  /** The storage account's Event Grid system topic. */
  static final String TOPIC =
      RG + "/providers/Microsoft.EventGrid/systemTopics/ordersed6803f7598e85bc1a-blobs";

  /** After the code: the system topic and the blob trigger's subscription. */
  static final List<String> EVENTS =
      List.of(
          "PUT " + TOPIC + "?api-version=2022-06-15",
          "PUT " + TOPIC + "/eventSubscriptions/orders-on-upload?api-version=2022-06-15");

  /** What remove deletes first: the system topic (owned), then the identity's storage roles. */
  static final List<String> EVENTS_AND_ROLES_DELETED =
      List.of(
          "DELETE " + TOPIC + "?api-version=2022-06-15",
          storageRolePut("6c0f8b8a-5cd7-334e-a2b4-3479bca46d91").replaceFirst("PUT", "DELETE"),
          storageRolePut("1f59497d-074b-357f-b9d0-4f1bc1841abd").replaceFirst("PUT", "DELETE"),
          storageRolePut("41df76bc-0a45-32cf-a4d9-50e4e90d7c14").replaceFirst("PUT", "DELETE"));

  /**
   * A grant of one role on the app's own storage account (Storage Blob Data Owner, Storage Queue
   * Data Contributor, Storage Account Contributor) to its identity.
   */
  static String storageRolePut(String assignment) {
    return "PUT "
        + SA
        + "/providers/Microsoft.Authorization/roleAssignments/"
        + assignment
        + "?api-version=2022-04-01";
  }

  /** Where a deploy that verifies keeps its package in the app's deployment container. */
  static final String RELEASES = "/ordersed6803f7598e85bc1a/app-package/skyhop-releases/orders/";

  /**
   * The blobs a deploy that verifies writes: its package under its digest and the pointer naming
   * it, then the package it replaces as the last good one (when there was one) deleted.
   */
  static List<String> kept(String sha, String replaced) {
    List<String> writes = new java.util.ArrayList<>();
    writes.add("PUT " + RELEASES + sha + ".zip");
    writes.add("PUT " + RELEASES + "last-good.json");
    if (replaced != null) {
      writes.add("DELETE " + RELEASES + replaced + ".zip");
    }
    return writes;
  }

  /** The line a deploy prints once the app lists every function. */
  static final String LISTED =
      "listed    functions create-order, explode, get, nightly, on-order, on-upload";

  private AzureExpectations() {}

  /** A client-credentials token from the stubbed Entra endpoint, then it on every other call. */
  static void signedWithTheStubbedToken(AzureStubs stubs) {
    List<LoggedRequest> tokens = stubs.find("POST", "/" + TENANT + "/oauth2/v2.0/token");
    assertThat(tokens).isNotEmpty();
    assertThat(tokens.get(0).getBodyAsString())
        .contains(
            "grant_type=client_credentials",
            "client_id=" + AzureOrders.CLIENT,
            URLEncoder.encode(stubs.endpoint() + "/.default", StandardCharsets.UTF_8));
    for (LoggedRequest r : stubs.requests()) {
      String path = AzureStubs.path(r);
      if (path.startsWith("/ordersed6803f7598e85bc1a")) {
        // the storage data plane, signed with the account key read through ARM listKeys
        assertThat(r.getHeader("Authorization")).as(r.getUrl()).startsWith("SharedKey ");
      } else if (!path.endsWith("/oauth2/v2.0/token")) {
        assertThat(r.getHeader("Authorization")).as(r.getUrl()).isEqualTo("Bearer " + TOKEN);
      }
    }
  }

  /**
   * The bodies of a first deploy: the group tagged as Skyhop's (remove may delete it), plan FC1,
   * the Flex site (java 17 from maven.compiler.release, 512 MB as the largest memoryMb, 100
   * instances, the package container read with the storage connection), complete settings with the
   * connection from the account's key, then the code hash of {@code zip}.
   */
  static void flexAppCreated(AzureStubs stubs, byte[] zip) {
    assertThat(json(stubs.find("PUT", RG).get(0)).toString())
        .isEqualTo("{\"location\":\"westeurope\",\"tags\":{\"skyhop-app\":\"orders\"}}");
    assertThat(
            json(stubs.find("PUT", WEB + "/serverfarms/orders-plan").get(0))
                .getAsJsonObject("sku")
                .toString())
        .isEqualTo("{\"name\":\"FC1\",\"tier\":\"FlexConsumption\"}");
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
        .as("the package container is read by the app's identity, no key")
        .isEqualTo("{\"type\":\"SystemAssignedIdentity\"}");
    assertThat(props.toString()).doesNotContain("FUNCTIONS_WORKER_RUNTIME", "linuxFxVersion");
    List<LoggedRequest> settings = stubs.find("PUT", SETTINGS);
    JsonObject before = json(settings.get(0)).getAsJsonObject("properties");
    JsonObject after = json(settings.get(1)).getAsJsonObject("properties");
    assertThat(before.keySet())
        .containsExactly(
            "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
            "APPLICATIONINSIGHTS_CONNECTION_STRING",
            "AzureWebJobsStorage__accountName",
            "AzureWebJobsStorage__blobServiceUri",
            "AzureWebJobsStorage__queueServiceUri",
            "SKYHOP_CONTAINER_UPLOADS",
            "SKYHOP_QUEUE_ORDERS");
    assertThat(before.get("APPLICATIONINSIGHTS_AUTHENTICATION_STRING").getAsString())
        .isEqualTo("Authorization=AAD");
    assertThat(before.get("APPLICATIONINSIGHTS_CONNECTION_STRING").getAsString())
        .startsWith("InstrumentationKey=bc095013-3cf2-45ac-ab47-0000000000a1;IngestionEndpoint=");
    assertThat(site.getAsJsonObject("identity").toString())
        .as("the identity that reads storage and reports to Application Insights")
        .isEqualTo("{\"type\":\"SystemAssigned\"}");
    assertThat(before.get("AzureWebJobsStorage__accountName").getAsString())
        .isEqualTo("ordersed6803f7598e85bc1a");
    assertThat(before.get("SKYHOP_QUEUE_ORDERS").getAsString()).isEqualTo("orders");
    assertThat(before.get("SKYHOP_CONTAINER_UPLOADS").getAsString()).isEqualTo("uploads");
    assertThat(before.toString()).doesNotContain(STORAGE_KEY, "AccountKey");
    assertThat(after.keySet()).containsAll(before.keySet()).contains("SKYHOP_CODE_SHA256");
    assertThat(after.get("SKYHOP_CODE_SHA256").getAsString()).isEqualTo(sha256(zip));
  }

  /**
   * After the publish: Kudu polled until success, the functions listed, and only then the settings
   * with the code hash written.
   */
  static void hashWrittenAfterTheFunctionsAreListed(AzureStubs stubs) {
    List<String> calls = stubs.calls();
    assertThat(calls.subList(calls.indexOf(PUBLISH), calls.size()))
        .containsSubsequence(
            "GET /api/deployments/latest",
            "GET " + WEB + "/sites/orders/functions?api-version=2024-04-01",
            SETTINGS_PUT);
  }
}
