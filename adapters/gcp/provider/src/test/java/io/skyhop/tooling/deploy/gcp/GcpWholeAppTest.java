package io.skyhop.tooling.deploy.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.gcp.GcpNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four-trigger app (HTTP, schedule, queue, storage; two secrets, per-stage settings; fixtures
 * under {@code deploy/gcp/app}) deployed to {@code prod}, then {@code dev} beside it, against
 * {@link GoogleProjectFake}: each resource created once, labelled with app and stage; each stage's
 * service account runs its functions and triggers and is granted exactly its own resources and
 * declared secrets; an unchanged re-run makes no mutating call; remove of {@code dev} leaves every
 * {@code prod} resource alone and keeps a bucket that holds objects.
 */
class GcpWholeAppTest {
  static final String P = GoogleProjectFake.P;
  static final String PROD_SA = "orders-prod-skyhop@demo.iam.gserviceaccount.com";
  static final String DEV_SA = "orders-dev-skyhop@demo.iam.gserviceaccount.com";
  static final String ACCESSOR = "roles/secretmanager.secretAccessor";

  final GoogleProjectFake google = new GoogleProjectFake();
  WireMockServer wm;
  final List<String> log = new ArrayList<>();
  @TempDir Path dir;

  @BeforeEach
  void start() {
    wm = GoogleProject.start(google);
    for (String stage : List.of("dev", "prod")) {
      google.secret("orders_" + stage + "_db-password");
      google.secret("orders_" + stage + "_api-key");
    }
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void prodThenDevSideBySideEachCreatedOnceUnchangedReRunOnlyReadsRemoveOfDevLeavesProd()
      throws Exception {
    // a secret dev no longer declares, still readable by dev's account and by someone else
    google.secret("orders_dev_old-token");
    google.policies.put(
        P + "/secrets/orders_dev_old-token",
        JsonParser.parseString(
                "{\"version\":1,\"etag\":\"BwA=\",\"bindings\":[{\"role\":\""
                    + ACCESSOR
                    + "\",\"members\":[\"serviceAccount:"
                    + DEV_SA
                    + "\",\"user:ops@example.com\"]}]}")
            .getAsJsonObject());

    DeployResult prod = deploy("prod", Map.of());
    List<String> prodCalls = mutating();
    Map<String, JsonObject> afterProd = snapshot();
    wm.resetRequests();
    DeployResult dev = deploy("dev", Map.of());
    List<String> devCalls = mutating();

    for (String stage : List.of("prod", "dev")) {
      List<String> calls = stage.equals("prod") ? prodCalls : devCalls;
      String sa = stage.equals("prod") ? PROD_SA : DEV_SA;
      String bucket = GcpNames.of(Naming.of("orders", stage)).bucket("demo", "uploads");
      // each resource created exactly once
      assertThat(calls)
          .as(stage)
          .containsOnlyOnce(
              "POST " + P + "/serviceAccounts",
              "PUT " + P + "/topics/orders-" + stage + "-orders",
              "PUT " + P + "/topics/orders-" + stage + "-orders-dlq",
              "POST /storage/v1/b",
              "POST " + GoogleProjectFake.JOBS);
      assertThat(calls.stream().filter(c -> c.equals("POST " + GoogleProjectFake.FUNCTIONS)))
          .hasSize(4);
      // labelled with app and stage
      String labels = "{\"skyhop-app\":\"orders\",\"skyhop-stage\":\"" + stage + "\"}";
      for (String path :
          List.of(
              P + "/topics/orders-" + stage + "-orders",
              P + "/topics/orders-" + stage + "-orders-dlq",
              "/storage/v1/b/" + bucket)) {
        assertThat(google.resources.get(path).get("labels"))
            .as(path)
            .isEqualTo(JsonParser.parseString(labels));
      }
      for (String fn : List.of("get", "nightly", "on-order", "on-upload")) {
        JsonObject f =
            google.resources.get(GoogleProjectFake.FUNCTIONS + "/orders-" + stage + "-" + fn);
        assertThat(f.getAsJsonObject("labels").get("skyhop-stage").getAsString()).isEqualTo(stage);
        // the stage's own account runs the function, and its Eventarc trigger
        assertThat(f.getAsJsonObject("serviceConfig").get("serviceAccountEmail").getAsString())
            .isEqualTo(sa);
        if (f.has("eventTrigger")) {
          assertThat(f.getAsJsonObject("eventTrigger").get("serviceAccountEmail").getAsString())
              .isEqualTo(sa);
        }
      }
      JsonObject account = google.resources.get(P + "/serviceAccounts/" + sa);
      assertThat(account.get("displayName").getAsString()).isEqualTo("Skyhop orders-" + stage);
      assertThat(account.get("description").getAsString())
          .isEqualTo(
              "Skyhop: runs the functions and triggers of app orders, stage "
                  + stage
                  + "; deleted by skyhop:remove");
      // secret references (versions), never values; per-stage settings
      JsonObject get =
          google.resources.get(GoogleProjectFake.FUNCTIONS + "/orders-" + stage + "-get");
      assertThat(get.getAsJsonObject("serviceConfig").get("secretEnvironmentVariables"))
          .isEqualTo(
              JsonParser.parseString(
                  "[{\"key\":\"SKYHOP_SECRET_DB_PASSWORD\",\"projectId\":\"demo\",\"secret\":"
                      + "\"orders_"
                      + stage
                      + "_db-password\",\"version\":\"latest\"},{\"key\":\"SKYHOP_SECRET_API_KEY\","
                      + "\"projectId\":\"demo\",\"secret\":\"orders_"
                      + stage
                      + "_api-key\",\"version\":\"latest\"}]"));
      assertThat(
              get.getAsJsonObject("serviceConfig")
                  .getAsJsonObject("environmentVariables")
                  .get("GREETING")
                  .getAsString())
          .isEqualTo("hello-" + stage);
      // granted exactly what its triggers need, on its own resources only
      assertThat(grantsOf("serviceAccount:" + sa))
          .as(stage)
          .containsExactlyInAnyOrder(
              "roles/pubsub.publisher on " + P + "/topics/orders-" + stage + "-orders",
              "roles/storage.objectUser on /storage/v1/b/" + bucket,
              "roles/eventarc.eventReceiver on " + P,
              "roles/run.invoker on " + service("orders-" + stage + "-nightly"),
              "roles/run.invoker on " + service("orders-" + stage + "-on-order"),
              "roles/run.invoker on " + service("orders-" + stage + "-on-upload"),
              ACCESSOR + " on " + P + "/secrets/orders_" + stage + "_db-password",
              ACCESSOR + " on " + P + "/secrets/orders_" + stage + "_api-key");
      // the dead-letter policy and what the Pub/Sub service agent needs for it
      String sub = P + "/subscriptions/eventarc-europe-west1-orders-" + stage + "-on-order-482913";
      assertThat(google.resources.get(sub).get("deadLetterPolicy"))
          .isEqualTo(
              JsonParser.parseString(
                  "{\"deadLetterTopic\":\"projects/demo/topics/orders-"
                      + stage
                      + "-orders-dlq\",\"maxDeliveryAttempts\":5}"));
      assertThat(grantsOf("serviceAccount:service-123@gcp-sa-pubsub.iam.gserviceaccount.com"))
          .contains(
              "roles/pubsub.publisher on " + P + "/topics/orders-" + stage + "-orders-dlq",
              "roles/pubsub.subscriber on " + sub);
    }
    assertThat(grantsOf("serviceAccount:service-123@gs-project-accounts.iam.gserviceaccount.com"))
        .containsExactly("roles/pubsub.publisher on " + P);
    // the secret dev stopped declaring: dev's grant taken back, the other member's kept
    assertThat(google.policy(P + "/secrets/orders_dev_old-token").toString())
        .doesNotContain(DEV_SA)
        .contains("user:ops@example.com");
    // deploying dev wrote nothing of prod
    assertThat(devCalls).noneMatch(c -> c.contains("prod"));
    assertThat(snapshot()).containsAllEntriesOf(afterProd);
    assertThat(prod.details().get("serviceAccount")).isEqualTo(PROD_SA);
    assertThat(dev.resources())
        .extracting(DeployResult.Resource::kind)
        .containsExactly("topic", "deadLetterTopic", "bucket", "serviceAccount");

    // an unchanged re-run only reads
    wm.resetRequests();
    DeployResult again = deploy("dev", Map.of());
    assertThat(mutating()).isEmpty();
    assertThat(again.functions())
        .extracting(DeployResult.Function::action)
        .containsOnly(DeployResult.Action.UNCHANGED);

    // remove of dev: a bucket holding objects is kept, nothing of prod is touched
    String devBucket = GcpNames.of(Naming.of("orders", "dev")).bucket("demo", "uploads");
    google.object(devBucket, "in/report.csv");
    wm.resetRequests();
    remove("dev");
    List<String> removeCalls = mutating();
    assertThat(removeCalls).noneMatch(c -> c.contains("prod"));
    assertThat(removeCalls)
        .contains(
            "DELETE " + P + "/serviceAccounts/" + DEV_SA,
            "DELETE " + P + "/topics/orders-dev-orders",
            "DELETE " + P + "/topics/orders-dev-orders-dlq")
        .doesNotContain("DELETE /storage/v1/b/" + devBucket);
    assertThat(log)
        .contains(
            "WARNING gcp: bucket "
                + devBucket
                + " still holds objects and is kept. Fix: empty it, or run remove with"
                + " -Dskyhop.remove.data=true to delete it with its objects");
    assertThat(google.resources.keySet())
        .noneMatch(k -> k.contains("orders-dev") && !k.contains(devBucket))
        .contains("/storage/v1/b/" + devBucket);
    assertThat(grantsOf("serviceAccount:" + DEV_SA)).noneMatch(g -> g.contains("eventReceiver"));
    assertThat(snapshot()).containsAllEntriesOf(afterProd);
  }

  @Test
  void boundTopicAndBucketAreUsedButNeverCreatedChangedOrDeleted() throws Exception {
    Map<String, String> bound =
        Map.of(
            "skyhop.resources.orders", "projects/shared-project/topics/all-orders",
            "skyhop.resources.uploads", "gs://shared-uploads");

    deploy("prod", bound);
    remove("prod", bound);

    assertThat(wm.getAllServeEvents())
        .extracting(e -> e.getRequest().getUrl())
        .noneMatch(u -> u.contains("all-orders") || u.contains("shared-uploads"));
    JsonObject onOrder =
        JsonParser.parseString(
                wm.getAllServeEvents().stream()
                    .map(e -> e.getRequest())
                    .filter(r -> r.getUrl().contains("functionId=orders-prod-on-order"))
                    .findFirst()
                    .orElseThrow()
                    .getBodyAsString())
            .getAsJsonObject();
    assertThat(onOrder.getAsJsonObject("eventTrigger").get("pubsubTopic").getAsString())
        .isEqualTo("projects/shared-project/topics/all-orders");
    assertThat(log)
        .contains(
            "gcp: topic projects/shared-project/topics/all-orders is bound, not managed: its owner"
                + " grants serviceAccount:"
                + PROD_SA
                + " what the app needs on it");
  }

  @Test
  void aConcurrentPolicyChangeIsReadAgainAndTheGrantWritten() throws Exception {
    google.conflictNext(P);
    // through Google's clients too: Secret Manager and Cloud Run
    google.conflictNext(P + "/secrets/orders_prod_db-password");
    google.conflictNext(service("orders-prod-on-order"));

    deploy("prod", Map.of());

    assertThat(grantsOf("serviceAccount:" + PROD_SA))
        .contains(
            ACCESSOR + " on " + P + "/secrets/orders_prod_db-password",
            "roles/run.invoker on " + service("orders-prod-on-order"));

    List<LoggedRequest> sets =
        wm.getAllServeEvents().stream()
            .map(e -> e.getRequest())
            .filter(r -> r.getUrl().equals(P + ":setIamPolicy"))
            .toList();
    assertThat(sets).hasSize(3); // a conflict, then the receiver role, then the storage agent
    assertThat(
            wm.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(P + ":setIamPolicy"))
                .map(e -> e.getResponse().getStatus()))
        .containsExactlyInAnyOrder(409, 200, 200);
    assertThat(grantsOf("serviceAccount:" + PROD_SA))
        .contains("roles/eventarc.eventReceiver on " + P);
    assertThat(log)
        .contains(
            "SetIamPolicy project demo: the policy changed since it was read (409); reading it"
                + " again");
  }

  @Test
  void aDeclaredSecretWithoutAValueFailsTheDeployNamingTheCommand() throws Exception {
    google.resources.remove(P + "/secrets/orders_dev_api-key");

    assertThatThrownBy(() -> deploy("dev", Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Function get declares a secret stored as orders_dev_api-key in Google Secret Manager"
                + " (projects/demo/secrets/orders_dev_api-key), which has no enabled version. Fix:"
                + " set it with 'mvn skyhop:secret -Dskyhop.target=gcp -Dskyhop.secret=api-key'"
                + " (value on standard input, same skyhop.stage), then deploy again");
    assertThat(mutating()).noneMatch(c -> c.startsWith("POST " + GoogleProjectFake.FUNCTIONS));
  }

  @Test
  void settingsChangesAreReportedAndKeysSkyhopDidNotSetAreKeptAndReported() throws Exception {
    deploy("dev", Map.of());
    String path = GoogleProjectFake.FUNCTIONS + "/orders-dev-get";
    google
        .resources
        .get(path)
        .getAsJsonObject("serviceConfig")
        .getAsJsonObject("environmentVariables")
        .addProperty("CONSOLE_FLAG", "on");
    JsonObject manifest =
        JsonParser.parseString(
                Files.readString(Path.of("src/test/resources/deploy/gcp/app/manifest-dev.json")))
            .getAsJsonObject();
    JsonObject env = new JsonObject();
    env.addProperty("POOL_SIZE", "4");
    env.addProperty("FEATURE_X", "on");
    manifest.getAsJsonArray("functions").get(0).getAsJsonObject().add("env", env);
    log.clear();

    deploy("dev", Map.of(), manifest.toString());

    assertThat(log)
        .contains(
            "orders-dev-get: env +FEATURE_X ~POOL_SIZE -GREETING",
            "WARNING orders-dev-get: keeps environment keys Skyhop did not set: [CONSOLE_FLAG]."
                + " Fix: to manage them, put them in src/main/skyhop/<stage>.properties; to drop"
                + " them, remove them in the provider's console");
    JsonObject deployed =
        google
            .resources
            .get(path)
            .getAsJsonObject("serviceConfig")
            .getAsJsonObject("environmentVariables");
    assertThat(deployed.get("CONSOLE_FLAG").getAsString()).isEqualTo("on");
    assertThat(deployed.get("POOL_SIZE").getAsString()).isEqualTo("4");
    assertThat(deployed.get("FEATURE_X").getAsString()).isEqualTo("on");
    assertThat(deployed.has("GREETING")).isFalse();
  }

  private static String service(String id) {
    return "/v2/projects/demo/locations/europe-west1/services/" + id;
  }

  /** Every unconditional grant to {@code member}, as {@code <role> on <resource path>}. */
  private List<String> grantsOf(String member) {
    List<String> grants = new ArrayList<>();
    google.policies.forEach(
        (resource, policy) -> {
          if (policy.has("bindings")) {
            policy
                .getAsJsonArray("bindings")
                .forEach(
                    b -> {
                      JsonObject binding = b.getAsJsonObject();
                      if (binding
                          .getAsJsonArray("members")
                          .toString()
                          .contains("\"" + member + "\"")) {
                        grants.add(binding.get("role").getAsString() + " on " + resource);
                      }
                    });
          }
        });
    return grants;
  }

  private Map<String, JsonObject> snapshot() {
    Map<String, JsonObject> all = new HashMap<>();
    google.resources.forEach((k, v) -> all.put(k, v.deepCopy()));
    google.policies.forEach((k, v) -> all.put(k + "#policy", v.deepCopy()));
    return all.entrySet().stream()
        .filter(e -> e.getKey().contains("prod"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** The calls that change something, oldest first ({@code METHOD path}). */
  private List<String> mutating() {
    List<String> calls = new ArrayList<>();
    for (var e : wm.getAllServeEvents()) {
      LoggedRequest r = e.getRequest();
      String method = r.getMethod().getName();
      if ("PATCH".equals(r.getHeader("X-HTTP-Method-Override"))) {
        method = "PATCH";
      }
      String path = r.getUrl().replaceFirst("\\?.*", "");
      boolean reads =
          method.equals("GET") || path.equals("/token") || path.endsWith(":getIamPolicy");
      if (!reads) {
        calls.add(0, method + " " + path);
      }
    }
    return calls;
  }

  private DeployResult deploy(String stage, Map<String, String> extra) throws Exception {
    return deploy(
        stage,
        extra,
        Files.readString(Path.of("src/test/resources/deploy/gcp/app/manifest-" + stage + ".json")));
  }

  private DeployResult deploy(String stage, Map<String, String> extra, String manifest)
      throws Exception {
    Files.writeString(dir.resolve("manifest.json"), manifest);
    Files.createDirectories(dir.resolve("gcp"));
    Files.write(dir.resolve("gcp/orders.zip"), GcpDeployerTest.ZIP);
    return GcpDeployerTest.deployer(wm)
        .deploy(request(stage, extra), BuildListener.collecting(log));
  }

  private void remove(String stage) {
    remove(stage, Map.of());
  }

  private void remove(String stage, Map<String, String> extra) {
    GcpDeployerTest.deployer(wm).remove(request(stage, extra), BuildListener.collecting(log));
  }

  private DeployRequest request(String stage, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(extra);
    settings.put("skyhop.gcp.project", "demo");
    settings.put("skyhop.region", "europe-west1");
    settings.put("skyhop.gcp.endpoint", wm.baseUrl());
    settings.put("skyhop.stage", stage);
    return new DeployRequest(Target.named("gcp"), "orders", dir, new Settings(settings), false);
  }
}
