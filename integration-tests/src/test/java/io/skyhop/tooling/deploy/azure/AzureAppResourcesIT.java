package io.skyhop.tooling.deploy.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpPipelineBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.models.QueueItem;
import com.azure.storage.queue.models.QueuesSegmentOptions;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.azure.Azurite;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.DeployResult.Action;
import io.skyhop.tooling.deploy.ResourceBindings;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.retry.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The app's queues, containers, storage grants and Event Grid blob delivery on Azure, deployed and
 * removed by Skyhop's own classes: storage queues and blob containers through the official
 * azure-storage SDK against Microsoft's Azurite (one storage account per stage, as the naming
 * module derives them), role assignments and Event Grid on a WireMock ARM stub that keeps what was
 * PUT (shapes from azure-rest-api-specs Microsoft.Authorization 2022-04-01 and Microsoft.EventGrid
 * 2022-06-15). {@code prod} then {@code dev} of the four-trigger app {@code deploy/azure-app}: each
 * resource created once with app/stage metadata or tags; an unchanged re-run writes nothing; a
 * bound queue is used, never created or deleted; remove of {@code dev} leaves {@code prod} alone
 * and keeps a container holding blobs unless {@code skyhop.remove.data}. (The test sits in the
 * deployer's package to drive {@link AzureAppResources}, {@link StorageRoles} and {@link
 * BlobEvents} without a function app.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AzureAppResourcesIT {
  private static final String BOUND_QUEUE = "team-audit";
  private static final String BLOBS_KEY = "blobs-extension-key-never-printed";

  private static Azurite azurite;
  private static WireMockServer arm;
  private static Manifest manifest;
  private static final Map<String, AzureSettings> AZURE = new HashMap<>();
  private static final List<String> LOG = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    manifest = ManifestFile.read(Path.of("src/test/resources/deploy/azure-app"));
    for (String stage : List.of("prod", "dev")) {
      AZURE.put(stage, AzureSettings.of(new Settings(settings(stage, Map.of())), "orders"));
    }
    azurite =
        Azurite.start(
            Path.of("target/azurite").toAbsolutePath(),
            List.of(AZURE.get("prod").storageAccount(), AZURE.get("dev").storageAccount()));
    arm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    arm.start();
    arm.stubFor(get(anyUrl()).atPriority(9).willReturn(aResponse().withStatus(404)));
    for (var write : List.of(put(anyUrl()), delete(anyUrl()))) {
      arm.stubFor(
          write
              .atPriority(8)
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody("{}")));
    }
    arm.stubFor(
        post(urlPathMatching(".*/sites/orders-(prod|dev)/host/default/listkeys"))
            .willReturn(
                okJson(
                    "{\"masterKey\":\"m\",\"functionKeys\":{\"default\":\"d\"},"
                        + "\"systemKeys\":{\"blobs_extension\":\""
                        + BLOBS_KEY
                        + "\"}}")));
    // the team's own queue, which the app binds in each account: never created or deleted
    for (String stage : List.of("prod", "dev")) {
      queues(stage).createQueue(BOUND_QUEUE);
    }
  }

  @AfterAll
  static void stop() {
    if (arm != null) {
      arm.stop();
    }
    if (azurite != null) {
      azurite.close();
    }
  }

  @Test
  @Order(1)
  void prodThenDevCreateEachResourceOnceTaggedWithAppAndStage() {
    for (String stage : List.of("prod", "dev")) {
      Deployed d = deploy(stage, false);

      String p = "orders-" + stage;
      assertThat(names(queues(stage)))
          .containsExactlyInAnyOrder(p + "-orders", p + "-orders-poison", BOUND_QUEUE);
      for (QueueItem q : queues(stage).listQueues(metadata(), null, null)) {
        if (!q.getName().equals(BOUND_QUEUE)) {
          assertThat(q.getMetadata())
              .containsExactlyInAnyOrderEntriesOf(
                  Map.of("skyhop_app", "orders", "skyhop_stage", stage));
        } else {
          assertThat(q.getMetadata()).isNullOrEmpty();
        }
      }
      assertThat(blobs(stage).getBlobContainerClient(p + "-uploads").getProperties().getMetadata())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("skyhop_app", "orders", "skyhop_stage", stage));
      assertThat(d.result.settings())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "SKYHOP_QUEUE_ORDERS", p + "-orders",
                  "SKYHOP_QUEUE_AUDIT", BOUND_QUEUE,
                  "SKYHOP_CONTAINER_UPLOADS", p + "-uploads"));
      assertThat(d.records)
          .extracting(r -> r.kind() + " " + r.logical() + " owned=" + r.owned() + " " + r.action())
          .containsExactlyInAnyOrder(
              "queue audit owned=false UNCHANGED",
              "queue orders owned=true CREATED",
              "poison queue orders owned=true CREATED",
              "container uploads owned=true CREATED",
              "event grid system topic  owned=true CREATED",
              "event subscription uploads owned=true CREATED");

      String account = AZURE.get(stage).storageAccount();
      String scope = AZURE.get(stage).storageId();
      String ofStage = ".*" + account + ".*";
      // the app's identity: exactly three roles, each on its own storage account
      assertThat(puts(ofStage + "/roleAssignments/.*"))
          .extracting(r -> r.getUrl().replaceFirst("/providers/Microsoft.Authorization/.*", ""))
          .containsExactly(scope, scope, scope);
      assertThat(puts(ofStage + "/roleAssignments/.*"))
          .extracting(
              r -> body(r).getAsJsonObject("properties").get("roleDefinitionId").getAsString())
          .map(id -> id.substring(id.lastIndexOf('/') + 1))
          .containsExactlyInAnyOrder(
              StorageRoles.BLOB_DATA_OWNER,
              StorageRoles.QUEUE_DATA_CONTRIBUTOR,
              StorageRoles.ACCOUNT_CONTRIBUTOR);
      // Event Grid: a tagged system topic on the account, BlobCreated of the container to the
      // blobs extension webhook with its system key
      JsonObject topic = body(puts(".*/systemTopics/" + account + "-blobs").get(0));
      assertThat(topic.getAsJsonObject("properties").get("source").getAsString()).isEqualTo(scope);
      assertThat(topic.getAsJsonObject("properties").get("topicType").getAsString())
          .isEqualTo("Microsoft.Storage.StorageAccounts");
      assertThat(topic.getAsJsonObject("tags").toString())
          .isEqualTo("{\"skyhop-app\":\"orders\",\"skyhop-stage\":\"" + stage + "\"}");
      LoggedRequest sub =
          puts(".*/systemTopics/" + account + "-blobs/eventSubscriptions/.*").get(0);
      assertThat(sub.getUrl())
          .startsWith(
              AZURE.get(stage).groupId()
                  + "/providers/Microsoft.EventGrid/systemTopics/"
                  + account
                  + "-blobs/eventSubscriptions/"
                  + p
                  + "-on-upload?api-version=2022-06-15");
      assertThat(body(sub).toString())
          .isEqualTo(
              "{\"properties\":{\"destination\":{\"endpointType\":\"WebHook\",\"properties\":"
                  + "{\"endpointUrl\":\"https://"
                  + p
                  + ".azurewebsites.net/runtime/webhooks/blobs?functionName=Host.Functions.on-upload&code="
                  + BLOBS_KEY
                  + "\"}},\"filter\":{\"includedEventTypes\":[\"Microsoft.Storage.BlobCreated\"],"
                  + "\"subjectBeginsWith\":\"/blobServices/default/containers/"
                  + p
                  + "-uploads/\"},\"eventDeliverySchema\":\"EventGridSchema\"}}");
    }
    // dev's deploy did not touch prod's account
    assertThat(names(queues("prod")))
        .containsExactlyInAnyOrder("orders-prod-orders", "orders-prod-orders-poison", BOUND_QUEUE);
    assertThat(String.join("\n", LOG)).doesNotContain(BLOBS_KEY, Azurite.KEY);
  }

  @Test
  @Order(2)
  void anUnchangedReRunWritesNothing() {
    keepWhatWasPut();
    arm.resetRequests();

    Deployed d = deploy("prod", false);

    assertThat(d.records).allSatisfy(r -> assertThat(r.action()).isEqualTo(Action.UNCHANGED));
    assertThat(arm.getAllServeEvents())
        .extracting(e -> e.getRequest().getMethod().getName())
        .containsOnly("GET");
  }

  @Test
  @Order(3)
  void aNameTakenByAQueueSkyhopDidNotCreateStopsTheDeploy() {
    queues("prod").createQueue("orders-prod-stray");
    Map<String, String> other = Map.of("skyhop.resources.stray", "missing-queue");
    assertThatThrownBy(() -> resources("prod", other, false).ensure(manifestWithQueue("stray")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.resources.stray = 'missing-queue' is not a storage queue of storage account "
                + AZURE.get("prod").storageAccount()
                + ". Fix: create it there, or remove the setting so that deploy creates and owns"
                + " one");
    assertThatThrownBy(() -> resources("prod", Map.of(), false).ensure(manifestWithQueue("stray")))
        .isInstanceOf(AzureDeployException.class)
        .hasMessageContaining(
            "already has a queue orders-prod-stray that Skyhop did not create for orders-prod"
                + " (its metadata has no skyhop_app=orders, skyhop_stage=prod). Fix: bind it with"
                + " -Dskyhop.resources.<logical name>=orders-prod-stray to use it as is, or delete"
                + " it");
    queues("prod").deleteQueue("orders-prod-stray");
  }

  @Test
  @Order(4)
  void removeOfDevLeavesProdAndKeepsAContainerHoldingBlobs() {
    blobs("dev")
        .getBlobContainerClient("orders-dev-uploads")
        .getBlobClient("photo.jpg")
        .upload(com.azure.core.util.BinaryData.fromString("jpeg"));

    List<String> kept = resources("dev", Map.of(), false).remove(false);

    assertThat(kept).containsExactly("orders-dev-uploads");
    assertThat(names(queues("dev"))).containsExactly(BOUND_QUEUE);
    assertThat(blobs("dev").getBlobContainerClient("orders-dev-uploads").exists()).isTrue();
    assertThat(LOG)
        .contains(
            "WARNING Kept blob container orders-dev-uploads of storage account "
                + AZURE.get("dev").storageAccount()
                + ": it holds blobs. Fix: copy what you need, then run skyhop:remove with"
                + " -Dskyhop.remove.data=true");
    // prod untouched
    assertThat(names(queues("prod")))
        .containsExactlyInAnyOrder("orders-prod-orders", "orders-prod-orders-poison", BOUND_QUEUE);
    assertThat(blobs("prod").getBlobContainerClient("orders-prod-uploads").exists()).isTrue();

    assertThat(resources("dev", Map.of(), false).remove(true)).isEmpty();
    assertThat(blobs("dev").getBlobContainerClient("orders-dev-uploads").exists()).isFalse();
    assertThat(names(queues("dev"))).containsExactly(BOUND_QUEUE);
  }

  private record Deployed(AzureAppResources.Result result, List<DeployResult.Resource> records) {}

  private static Deployed deploy(String stage, boolean dry) {
    AzureSettings azure = AZURE.get(stage);
    Naming naming = Naming.of("orders", stage);
    AzureAppResources.Result result = resources(stage, Map.of(), dry).ensure(manifest);
    Arm client = arm();
    JsonObject site =
        JsonParser.parseString(
                "{\"identity\":{\"type\":\"SystemAssigned\",\"principalId\":\"principal-"
                    + stage
                    + "\"}}")
            .getAsJsonObject();
    new StorageRoles(client, azure, dry, listener()).ensure(manifest, site);
    List<DeployResult.Resource> records = new ArrayList<>(result.resources());
    records.addAll(
        new BlobEvents(client, azure, naming, dry, listener())
            .ensure(
                manifest,
                AzureAppResources.containerNames(manifest, naming, bindings(stage, Map.of())),
                "orders-" + stage + ".azurewebsites.net"));
    return new Deployed(result, records);
  }

  private static AzureAppResources resources(String stage, Map<String, String> extra, boolean dry) {
    AzureSettings azure = AZURE.get(stage);
    StorageData data = StorageData.of(new Settings(settings(stage, extra)), azure.storageAccount());
    return new AzureAppResources(
        data.queues(azure.storageAccount(), Azurite.KEY),
        data.blobs(azure.storageAccount(), Azurite.KEY),
        azure,
        Naming.of("orders", stage),
        bindings(stage, extra),
        dry,
        listener());
  }

  private static ResourceBindings bindings(String stage, Map<String, String> extra) {
    return ResourceBindings.of(new Settings(settings(stage, extra)));
  }

  private static Map<String, String> settings(String stage, Map<String, String> extra) {
    Map<String, String> s = new TreeMap<>();
    s.put(AzureSettings.SUBSCRIPTION, "sub-1");
    s.put(AzureSettings.RESOURCE_GROUP, "apps");
    s.put(AzureSettings.REGION, "westeurope");
    s.put(Naming.STAGE, stage);
    s.put("skyhop.resources.audit", BOUND_QUEUE);
    if (azurite != null) {
      s.put(StorageData.BLOB_ENDPOINT, azurite.blobEndpoint());
      s.put(StorageData.QUEUE_ENDPOINT, azurite.queueEndpoint());
    }
    s.putAll(extra);
    return s;
  }

  private static Manifest manifestWithQueue(String queue) {
    String json =
        "{\"app\":\"orders\",\"version\":\"1.0\",\"javaRelease\":17,\"functions\":[{\"name\":\"on-x\","
            + "\"class\":\"a.B\",\"method\":\"x\",\"trigger\":{\"type\":\"queue\",\"queue\":\""
            + queue
            + "\"},\"memoryMb\":512,\"timeoutSeconds\":10,\"maxConcurrency\":0,\"env\":{},"
            + "\"targets\":{}}]}";
    try {
      Path dir = java.nio.file.Files.createTempDirectory("azure-app");
      java.nio.file.Files.writeString(dir.resolve("manifest.json"), json);
      return ManifestFile.read(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Arm arm() {
    AzureHttp http =
        new AzureHttp(
            new HttpPipelineBuilder().build(),
            RetryPolicy.forTime(Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> {}),
            listener());
    return new Arm(http, arm.baseUrl(), new Polling(Duration.ZERO, Duration.ZERO, d -> {}));
  }

  /** ARM keeps what was PUT: each PUT path now answers GET with its body, as ARM reads it back. */
  private static void keepWhatWasPut() {
    for (LoggedRequest r : puts(".*")) {
      JsonObject body = body(r);
      JsonObject dest =
          body.has("properties") && body.getAsJsonObject("properties").has("destination")
              ? body.getAsJsonObject("properties").getAsJsonObject("destination")
              : null;
      if (dest != null) {
        // ARM answers an event subscription with the webhook's base URL only, never the key
        JsonObject props = dest.getAsJsonObject("properties");
        String url = props.remove("endpointUrl").getAsString();
        props.addProperty("endpointBaseUrl", url.substring(0, url.indexOf('?')));
      }
      String path = r.getUrl().substring(0, r.getUrl().indexOf('?'));
      arm.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(body.toString())));
    }
  }

  private static List<LoggedRequest> puts(String pathRegex) {
    List<LoggedRequest> all = new ArrayList<>();
    arm.getAllServeEvents().forEach(e -> all.add(0, e.getRequest()));
    return all.stream()
        .filter(r -> r.getMethod().getName().equals("PUT"))
        .filter(r -> r.getUrl().substring(0, r.getUrl().indexOf('?')).matches(pathRegex))
        .collect(Collectors.toList());
  }

  private static JsonObject body(LoggedRequest r) {
    return JsonParser.parseString(new String(r.getBody(), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }

  private static QueueServiceClient queues(String stage) {
    AzureSettings azure = AZURE.get(stage);
    return StorageData.of(new Settings(settings(stage, Map.of())), azure.storageAccount())
        .queues(azure.storageAccount(), Azurite.KEY);
  }

  private static BlobServiceClient blobs(String stage) {
    AzureSettings azure = AZURE.get(stage);
    return StorageData.of(new Settings(settings(stage, Map.of())), azure.storageAccount())
        .blobs(azure.storageAccount(), Azurite.KEY);
  }

  private static List<String> names(QueueServiceClient queues) {
    List<String> names = new ArrayList<>();
    queues.listQueues(metadata(), null, null).forEach(q -> names.add(q.getName()));
    return names;
  }

  private static QueuesSegmentOptions metadata() {
    return new QueuesSegmentOptions().setIncludeMetadata(true);
  }

  private static BuildListener listener() {
    return BuildListener.collecting(LOG);
  }
}
