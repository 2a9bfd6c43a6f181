package io.skyhop.tooling.deploy.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.auth.oauth2.UserCredentials;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.DeployResult.Action;
import io.skyhop.tooling.deploy.Settings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployer against local stubs of Google's APIs, through Google's own clients. */
class GcpDeployerTest {
  static final String FUNCTIONS = "/v2/projects/demo/locations/europe-west1/functions";
  static final byte[] ZIP = {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

  final WireMockServer wm =
      new WireMockServer(
          options()
              .bindAddress("127.0.0.1")
              .dynamicPort()
              .usingFilesUnderDirectory("src/test/resources/deploy/gcp/wiremock")
              .globalTemplating(true));
  @TempDir Path dir;
  GcpDeployer deployer;

  @BeforeEach
  void start() throws Exception {
    wm.start();
    Files.copy(
        Path.of("src/test/resources/deploy/gcp/manifest.json"), dir.resolve("manifest.json"));
    Files.createDirectories(dir.resolve("gcp"));
    Files.write(dir.resolve("gcp/orders.zip"), ZIP);
    deployer = deployer(wm);
    stubProvider(wm);
  }

  /** A deployer whose credentials come from the stub's token endpoint, retrying without pauses. */
  static GcpDeployer deployer(WireMockServer wm) {
    UserCredentials credentials =
        UserCredentials.newBuilder()
            .setClientId("client")
            .setClientSecret("secret")
            .setRefreshToken("refresh")
            .setTokenServerUri(URI.create(wm.baseUrl() + "/token"))
            .build();
    return new GcpDeployer(
        GcpCredentials.of(credentials),
        new GcpDeployer.Timing(
            l -> new Calls(l, Duration.ofMillis(1), 3, d -> {}),
            new GcpApi.Polling(
                Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(30))));
  }

  /** Google's APIs for a project without the app. */
  static void stubProvider(WireMockServer wm) {
    wm.stubFor(post("/token").willReturn(json("token.json")));
    wm.stubFor(
        get(urlPathEqualTo("/v2/projects/demo/locations/europe-west1/runtimes"))
            .willReturn(json("runtimes.json")));
    wm.stubFor(get(anyUrl()).atPriority(9).willReturn(json("not-found.json").withStatus(404)));
    wm.stubFor(
        post(urlPathEqualTo(FUNCTIONS + ":generateUploadUrl")).willReturn(json("upload-url.json")));
    wm.stubFor(put(urlPathMatching("/gcf-v2-uploads-.*")).willReturn(ok()));
    wm.stubFor(post(urlPathEqualTo(FUNCTIONS)).willReturn(json("operation.json")));
    wm.stubFor(post(urlPathMatching(FUNCTIONS + "/[a-z-]+")).willReturn(json("operation.json")));
    wm.stubFor(delete(urlPathMatching(FUNCTIONS + "/[a-z-]+")).willReturn(json("operation.json")));
    wm.stubFor(get(urlPathMatching(".*/operations/.*")).willReturn(json("operation-done.json")));
    wm.stubFor(get(urlPathMatching(".*:getIamPolicy")).willReturn(okJson("{\"etag\":\"BwX1\"}")));
    wm.stubFor(post(urlPathMatching(".*:setIamPolicy")).willReturn(okJson("{\"etag\":\"BwX2\"}")));
    wm.stubFor(post(urlPathMatching("/v1/.*/jobs")).willReturn(okJson("{}")));
    wm.stubFor(delete(urlPathMatching("/v1/.*/jobs/.*")).willReturn(okJson("{}")));
    wm.stubFor(get(urlPathMatching("/v1/.*/jobs")).atPriority(8).willReturn(okJson("{}")));
    wm.stubFor(get(urlPathEqualTo(FUNCTIONS)).atPriority(8).willReturn(okJson("{}")));
    wm.stubFor(put(urlPathMatching("/v1/projects/demo/topics/.*")).willReturn(okJson("{}")));
    wm.stubFor(post(urlPathEqualTo("/storage/v1/b")).willReturn(okJson("{}")));
    stubIdentity(wm);
  }

  /**
   * What the app's identity calls (iam v1, cloudresourcemanager v1, storage v1 bucket IAM and
   * service agent, eventarc v1 triggers, pubsub v1 subscriptions), for a project without the app.
   */
  static void stubIdentity(WireMockServer wm) {
    wm.stubFor(
        post(urlPathEqualTo("/v1/projects/demo/serviceAccounts"))
            .willReturn(json("service-account.json")));
    wm.stubFor(
        delete(urlPathMatching("/v1/projects/demo/serviceAccounts/.*")).willReturn(okJson("{}")));
    wm.stubFor(get(urlPathEqualTo("/v1/projects/demo")).willReturn(json("project.json")));
    wm.stubFor(
        post(urlPathEqualTo("/v1/projects/demo:getIamPolicy"))
            .willReturn(json("project-policy.json")));
    wm.stubFor(
        get(urlPathEqualTo("/storage/v1/projects/demo/serviceAccount"))
            .willReturn(json("storage-agent.json")));
    wm.stubFor(get(urlPathMatching("/storage/v1/b/.*/iam")).willReturn(json("bucket-policy.json")));
    wm.stubFor(put(urlPathMatching("/storage/v1/b/.*/iam")).willReturn(okJson("{}")));
    wm.stubFor(
        get(urlPathMatching("/v1/projects/demo/locations/europe-west1/triggers/.*"))
            .willReturn(json("eventarc-trigger.json")));
    wm.stubFor(
        get(urlPathMatching("/v1/projects/demo/subscriptions/[^:]*"))
            .willReturn(json("subscription.json")));
    wm.stubFor(
        patch(urlPathMatching("/v1/projects/demo/subscriptions/.*"))
            .willReturn(json("subscription.json")));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  static ResponseDefinitionBuilder json(String file) {
    return aResponse().withHeader("Content-Type", "application/json").withBodyFile(file);
  }

  DeployRequest request(boolean dryRun) {
    return request(wm, dir, dryRun);
  }

  /** A deploy of app {@code orders} to project {@code demo}, region {@code europe-west1}. */
  static DeployRequest request(WireMockServer wm, Path dir, boolean dryRun) {
    return new DeployRequest(
        Target.named("gcp"),
        "orders",
        dir,
        new Settings(
            Map.of(
                "skyhop.gcp.project", "demo",
                "skyhop.region", "europe-west1",
                "skyhop.gcp.endpoint", wm.baseUrl())),
        dryRun);
  }

  @Test
  void firstDeployCreatesEveryFunctionWithBearerTokensAndAnAnonymousUpload() throws Exception {
    DeployResult result = deployer.deploy(request(false), BuildListener.stdout());

    assertThat(result.functions())
        .extracting(DeployResult.Function::action)
        .containsOnly(Action.CREATED);
    assertThat(result.functions().get(0).endpoint())
        .isEqualTo("https://orders-get-abc123-ew.a.run.app/orders/{id}");
    List<LoggedRequest> creates = wm.findAll(postRequestedFor(urlPathEqualTo(FUNCTIONS)));
    assertThat(creates)
        .extracting(r -> r.queryParameter("functionId").firstValue())
        .containsExactly(
            "orders-get",
            "orders-create-order",
            "orders-nightly",
            "orders-on-order",
            "orders-on-upload");
    assertThat(creates.get(0).getBodyAsString())
        .contains(
            "\"runtime\":\"java17\"",
            "\"availableMemory\":\"512M\"",
            "\"timeoutSeconds\":10",
            "\"storageSource\":{\"bucket\":\"gcf-v2-uploads-123-europe-west1\",\"object\":\"upload.zip\"}");
    // @Function(minInstances = 2): Cloud Run keeps two instances started
    assertThat(creates.get(1).getBodyAsString()).contains("\"minInstanceCount\":2");
    assertThat(creates.get(0).getBodyAsString()).doesNotContain("minInstanceCount");
    List<LoggedRequest> uploads =
        wm.findAll(putRequestedFor(urlPathMatching("/gcf-v2-uploads-.*")));
    assertThat(uploads)
        .hasSize(5)
        .allSatisfy(
            u -> {
              assertThat(u.getBody()).isEqualTo(ZIP);
              assertThat(u.getHeader("Content-Type")).isEqualTo("application/zip");
              assertThat(u.containsHeader("Authorization")).isFalse();
            });
    wm.verify(
        0, anyRequestedFor(urlPathMatching("/v[12]/.*")).withHeader("Authorization", absent()));
    wm.verify(
        anyRequestedFor(urlPathMatching("/v[12]/.*"))
            .withHeader("Authorization", equalTo("Bearer ya29.unit-test-token")));
    wm.verify(
        1,
        postRequestedFor(
                urlPathEqualTo(
                    "/v2/projects/demo/locations/europe-west1/services/orders-get:setIamPolicy"))
            .withRequestBody(
                matching(".*\"role\":\"roles/run.invoker\",\"members\":\\[\"allUsers\"\\].*")));
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v1/projects/demo/locations/europe-west1/jobs"))
            .withRequestBody(
                matching(".*\"schedule\":\"0 3 \\* \\* \\*\",\"timeZone\":\"UTC\".*")));
  }

  @Test
  void anUnchangedFunctionIsNeitherUploadedNorUpdated() throws Exception {
    String sha = GcpDeployer.sha256(ZIP).substring(0, 60);
    wm.stubFor(
        get(urlPathEqualTo(FUNCTIONS + "/orders-get"))
            .willReturn(json("existing-function.json").withTransformerParameter("codeSha", sha)));
    wm.stubFor(
        get(urlPathMatching(".*orders-get:getIamPolicy"))
            .willReturn(
                okJson(
                    "{\"etag\":\"BwX1\",\"bindings\":[{\"role\":\"roles/run.invoker\",\"members\":[\"allUsers\"]}]}")));

    DeployResult result = deployer.deploy(request(false), BuildListener.stdout());

    assertThat(result.functions().get(0).action()).isEqualTo(Action.UNCHANGED);
    wm.verify(4, putRequestedFor(urlPathMatching("/gcf-v2-uploads-.*")));
    wm.verify(0, postRequestedFor(urlPathMatching(".*orders-get.*")));
  }

  @Test
  void newCodeUpdatesOnlyTheSource() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo(FUNCTIONS + "/orders-get"))
            .willReturn(
                json("existing-function.json")
                    .withTransformerParameter("codeSha", "0".repeat(60))));

    deployer.deploy(request(false), BuildListener.stdout());

    List<LoggedRequest> patches =
        wm.findAll(postRequestedFor(urlPathEqualTo(FUNCTIONS + "/orders-get")));
    assertThat(patches).hasSize(1);
    assertThat(patches.get(0).getHeader("X-HTTP-Method-Override")).isEqualTo("PATCH");
    assertThat(patches.get(0).queryParameter("updateMask").firstValue())
        .isEqualTo("buildConfig.source,labels");
  }

  @Test
  void aCreateThatFindsTheFunctionExistingUpdatesItInstead() throws Exception {
    wm.stubFor(
        post(urlPathEqualTo(FUNCTIONS))
            .withQueryParam("functionId", equalTo("orders-get"))
            .inScenario("race")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json("already-exists.json").withStatus(409))
            .willSetStateTo("exists"));
    wm.stubFor(
        get(urlPathEqualTo(FUNCTIONS + "/orders-get"))
            .inScenario("race")
            .whenScenarioStateIs("exists")
            .willReturn(
                json("existing-function.json")
                    .withTransformerParameter("codeSha", "1".repeat(60))));

    DeployResult result = deployer.deploy(request(false), BuildListener.stdout());

    assertThat(result.functions().get(0).action()).isEqualTo(Action.UPDATED);
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(FUNCTIONS))
            .withQueryParam("functionId", equalTo("orders-get")));
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(FUNCTIONS + "/orders-get"))
            .withHeader("X-HTTP-Method-Override", equalTo("PATCH")));
  }

  @Test
  void throttlingThenSuccessDeploys() throws Exception {
    wm.stubFor(
        post(urlPathEqualTo(FUNCTIONS))
            .withQueryParam("functionId", equalTo("orders-nightly"))
            .inScenario("quota")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\"}}"))
            .willSetStateTo("ok"));

    deployer.deploy(request(false), BuildListener.stdout());

    wm.verify(
        2,
        postRequestedFor(urlPathEqualTo(FUNCTIONS))
            .withQueryParam("functionId", equalTo("orders-nightly")));
  }

  @Test
  void aPolicyChangedSinceItWasReadIsReadAgainAndWrittenWithTheNewEtag() throws Exception {
    String service = "/v2/projects/demo/locations/europe-west1/services/orders-get";
    // every write carrying the first etag meets a concurrent change (as many times as the
    // call's own retries: re-sending the same policy cannot cure it)
    wm.stubFor(
        post(urlPathEqualTo(service + ":setIamPolicy"))
            .withRequestBody(matching(".*\"etag\":\"BwX1\".*"))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":409,\"message\":\"There were concurrent policy"
                            + " changes.\",\"status\":\"ABORTED\"}}")));
    wm.stubFor(
        get(urlPathEqualTo(service + ":getIamPolicy"))
            .inScenario("etag")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("{\"etag\":\"BwX1\"}"))
            .willSetStateTo("changed"));
    wm.stubFor(
        get(urlPathEqualTo(service + ":getIamPolicy"))
            .inScenario("etag")
            .whenScenarioStateIs("changed")
            .willReturn(
                okJson(
                    "{\"etag\":\"BwX9\",\"bindings\":[{\"role\":\"roles/run.developer\","
                        + "\"members\":[\"user:dev@example.com\"]}]}")));

    deployer.deploy(request(false), BuildListener.stdout());

    List<LoggedRequest> writes =
        wm.findAll(postRequestedFor(urlPathEqualTo(service + ":setIamPolicy")));
    assertThat(writes.get(writes.size() - 1).getBodyAsString())
        .contains("\"etag\":\"BwX9\"", "user:dev@example.com", "allUsers");
    wm.verify(2, getRequestedFor(urlPathEqualTo(service + ":getIamPolicy")));
  }

  @Test
  void aFailedOperationFailsTheDeployWithTheProvidersMessage() {
    wm.stubFor(
        get(urlPathEqualTo(
                "/v2/projects/demo/locations/europe-west1/operations/op-create-orders-get"))
            .willReturn(
                okJson(
                    "{\"name\":\"projects/demo/locations/europe-west1/operations/op-create-orders-get\","
                        + "\"metadata\":{\"@type\":\"type.googleapis.com/google.cloud.functions.v2.OperationMetadata\"},"
                        + "\"done\":true,\"error\":{\"code\":3,\"message\":\"Build failed: no main class\"}}")));

    assertThatThrownBy(() -> deployer.deploy(request(false), BuildListener.stdout()))
        .isInstanceOf(GcpApiException.class)
        .hasMessage(
            "Google Cloud call CreateFunction orders-get failed: operation"
                + " projects/demo/locations/europe-west1/operations/op-create-orders-get ended with"
                + " INVALID_ARGUMENT: Build failed: no main class. Fix: see the provider's message, then"
                + " run the deploy again");
  }

  @Test
  void aDryRunOnlyReads() throws Exception {
    DeployResult result = deployer.deploy(request(true), BuildListener.stdout());

    assertThat(result.functions())
        .extracting(DeployResult.Function::action)
        .containsOnly(Action.CREATE);
    assertThat(wm.getAllServeEvents())
        .allSatisfy(
            e ->
                assertThat(e.getRequest().getMethod().getName() + " " + e.getRequest().getUrl())
                    // Resource Manager reads a project's IAM policy with a POST
                    .matches("GET .*|POST /token|POST /v1/projects/demo:getIamPolicy"));
  }

  @Test
  void removeDeletesOnlyTheAppsFunctionsAndJobsAndNeedsNoPackage() throws Exception {
    Files.delete(dir.resolve("manifest.json"));
    Files.delete(dir.resolve("gcp/orders.zip"));
    wm.stubFor(get(urlPathEqualTo(FUNCTIONS)).willReturn(json("function-list.json")));
    wm.stubFor(
        get(urlPathEqualTo("/v1/projects/demo/locations/europe-west1/jobs"))
            .willReturn(json("job-list.json")));

    deployer.validate(request(false));
    deployer.remove(request(false), BuildListener.stdout());

    List<String> deleted =
        wm.findAll(deleteRequestedFor(anyUrl())).stream()
            .map(LoggedRequest::getUrl)
            .map(u -> u.replaceAll("\\?.*", ""))
            .toList();
    assertThat(deleted)
        .containsExactly(
            "/v1/projects/demo/locations/europe-west1/jobs/orders-nightly",
            FUNCTIONS + "/orders-get",
            "/v1/projects/demo/serviceAccounts/orders-skyhop@demo.iam.gserviceaccount.com");
  }

  @Test
  void removeOfAStageDeletesOnlyThatStagesFunctionsAndJobs() throws Exception {
    Files.delete(dir.resolve("manifest.json"));
    Files.delete(dir.resolve("gcp/orders.zip"));
    wm.stubFor(get(urlPathEqualTo(FUNCTIONS)).willReturn(json("function-list.json")));
    wm.stubFor(
        get(urlPathEqualTo("/v1/projects/demo/locations/europe-west1/jobs"))
            .willReturn(json("job-list.json")));
    Map<String, String> dev = new java.util.HashMap<>(request(false).settings().values());
    dev.put("skyhop.stage", "dev");

    deployer.remove(
        new DeployRequest(Target.named("gcp"), "orders", dir, new Settings(dev), false),
        BuildListener.stdout());

    List<String> deleted =
        wm.findAll(deleteRequestedFor(anyUrl())).stream()
            .map(LoggedRequest::getUrl)
            .map(u -> u.replaceAll("\\?.*", ""))
            .toList();
    assertThat(deleted)
        .containsExactly(
            "/v1/projects/demo/locations/europe-west1/jobs/orders-dev-nightly",
            FUNCTIONS + "/orders-dev-get",
            "/v1/projects/demo/serviceAccounts/orders-dev-skyhop@demo.iam.gserviceaccount.com");
  }
}
