package io.skyhop.tooling.deploy.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.Deployer;
import io.skyhop.tooling.deploy.Deployment;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.lab.Harness;
import io.skyhop.tooling.lab.LabContext;
import io.skyhop.tooling.pack.TargetPackager;
import io.skyhop.tooling.policy.PolicyPrinter;
import io.skyhop.tooling.policy.gcp.GcpPermissions;
import io.skyhop.tooling.verify.DeployVerificationException;
import io.skyhop.tooling.verify.DeployVerifier;
import io.skyhop.tooling.verify.Releases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verified deploys and rollback on Google Cloud through the engine's own path ({@link
 * Deployment#deployVerified}, {@link Deployment#rollback}) against {@link GoogleProjectFake}, whose
 * functions answer at their URLs as the revision their Cloud Run service routes to: a good deploy
 * keeps its revisions as good (service annotation); a deploy whose {@code get} answers 500 turns
 * red naming it and its traffic is back on the good revision; with {@code skyhop.rollback=false}
 * the broken revision stays until {@code skyhop:rollback} moves it; the next deploy takes all
 * traffic again; a function not ACTIVE, a disabled job and a missing push subscription fail naming
 * the function. The policy {@code skyhop:policy} prints covers every call the fake received in
 * deploy, re-deploy, rollback and remove, with and without a stage.
 */
class GcpVerifyRollbackTest {
  static final String GET = "orders-prod-get";

  final GoogleProjectFake google = new GoogleProjectFake();
  WireMockServer wm;
  final List<String> log = new ArrayList<>();
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    wm = GoogleProject.start(google);
    google.serveFunctionsAt(wm.baseUrl() + "/run");
    google.secret("orders_prod_db-password");
    google.secret("orders_prod_api-key");
    Files.writeString(
        dir.resolve("manifest.json"),
        Files.readString(Path.of("src/test/resources/deploy/gcp/app/manifest-prod.json")));
    Files.createDirectories(dir.resolve("gcp"));
    Files.write(dir.resolve("gcp/orders.zip"), GcpDeployerTest.ZIP);
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void aFunctionAnswering500TurnsTheDeployRedAndTrafficReturnsToTheGoodRevision() throws Exception {
    deploy(Map.of());
    assertThat(log).contains("Verified: 4 functions active, HTTP functions answer");
    assertThat(
            google.service(GET).getAsJsonObject("annotations").get(RunServices.GOOD).getAsString())
        .isEqualTo(GET + "-00001-x1");
    assertThat(smokeCalls()).containsExactly("GET /run/" + GET + "/orders/skyhop-smoke");
    assertThat(
            wm.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/run/")))
        .allSatisfy(e -> assertThat(e.getRequest().containsHeader("Authorization")).isFalse());

    google.breakNextRevision(GET);
    newCode();
    assertThatThrownBy(() -> deploy(Map.of()))
        .isInstanceOf(DeployVerificationException.class)
        .hasMessage(
            "The deploy to gcp does not work: get (GET "
                + wm.baseUrl()
                + "/run/"
                + GET
                + "/orders/skyhop-smoke answered 500). Rolled back: "
                + GET
                + " on "
                + GET
                + "-00001-x1, orders-prod-nightly on orders-prod-nightly-00001-x1,"
                + " orders-prod-on-order on orders-prod-on-order-00001-x1, orders-prod-on-upload on"
                + " orders-prod-on-upload-00001-x1 serves again. Fix: correct the functions named and"
                + " deploy again");
    assertThat(traffic(GET)).isEqualTo(pinned(GET + "-00001-x1"));
    assertThat(google.service(GET).get("latestReadyRevision").getAsString()).endsWith("-00002-x2");
    assertThat(smokeStatus()).isEqualTo(200);

    // the next deploy's revision takes all traffic again
    newCode();
    deploy(Map.of());
    assertThat(traffic(GET)).isEqualTo(latest());
    assertThat(
            google.service(GET).getAsJsonObject("annotations").get(RunServices.GOOD).getAsString())
        .isEqualTo(GET + "-00003-x3");
  }

  @Test
  void rollbackFalseKeepsTheBrokenRevisionUntilSkyhopRollbackMovesIt() throws Exception {
    deploy(Map.of());
    google.breakNextRevision(GET);
    newCode();

    assertThatThrownBy(() -> deploy(Map.of("skyhop.rollback", "false")))
        .isInstanceOf(DeployVerificationException.class)
        .hasMessageContaining(
            "The failed version stays deployed (skyhop.rollback=false); 'mvn skyhop:rollback'"
                + " returns to the last good one.");
    assertThat(traffic(GET)).isEqualTo(latest());
    assertThat(smokeStatus()).isEqualTo(500);

    new Deployment(BuildListener.collecting(log)).rollback(provider(), request(Map.of()));

    assertThat(traffic(GET)).isEqualTo(pinned(GET + "-00001-x1"));
    assertThat(smokeStatus()).isEqualTo(200);
    assertThat(log).contains("gcp: " + GET + ": 100 % of traffic to revision " + GET + "-00001-x1");
  }

  @Test
  void verifyFalseSkipsTheSmokeCallsOnly() throws Exception {
    google.breakNextRevision(GET);
    deploy(Map.of("skyhop.verify", "false"));
    assertThat(smokeCalls()).isEmpty();
    assertThat(log).contains("Verified: 4 functions active (smoke calls off: skyhop.verify=false)");
  }

  @Test
  void aFunctionNotActiveADisabledJobOrAMissingPushSubscriptionFailNamingTheFunction()
      throws Exception {
    deploy(Map.of());
    JsonObject nightly = google.resources.get(GoogleProjectFake.FUNCTIONS + "/orders-prod-nightly");
    nightly.addProperty("state", "FAILED");
    nightly.add(
        "stateMessages",
        JsonParser.parseString("[{\"severity\":\"ERROR\",\"message\":\"Build failed\"}]"));
    google
        .resources
        .keySet()
        .removeIf(k -> k.contains("/subscriptions/eventarc-europe-west1-orders-prod-on-order"));
    DeployVerifier verifier = provider().verifier().orElseThrow();

    assertThat(verifier.verify(request(Map.of()), null, true, BuildListener.collecting(log)))
        .extracting(Object::toString)
        .containsExactly(
            "nightly (function orders-prod-nightly is FAILED (ERROR Build failed), not ACTIVE)",
            "on-order (the push subscription"
                + " projects/demo/subscriptions/eventarc-europe-west1-orders-prod-on-order-482913 of"
                + " Eventarc trigger"
                + " projects/demo/locations/europe-west1/triggers/orders-prod-on-order-482913 is"
                + " missing)");

    nightly.addProperty("state", "ACTIVE");
    google
        .resources
        .get("/v1/projects/demo/locations/europe-west1/jobs/orders-prod-nightly")
        .addProperty("state", "PAUSED");
    assertThat(verifier.verify(request(Map.of()), null, false, BuildListener.collecting(log)))
        .extracting(Object::toString)
        .contains("nightly (Cloud Scheduler job orders-prod-nightly is PAUSED)");
  }

  @Test
  void thePrintedPolicyCoversEveryCallOfDeployRedeployRollbackAndRemoveWithAndWithoutStage()
      throws Exception {
    google.secret("orders_db-password");
    google.secret("orders_api-key");
    google.secret("orders_dev_db-password");
    google.secret("orders_dev_api-key");
    // without a stage: deploy, unchanged re-deploy, remove
    deploy(Map.of(), null);
    deploy(Map.of(), null);
    GcpDeployerTest.deployer(wm).remove(request(Map.of(), null), BuildListener.collecting(log));
    // prod and dev: deploy, a broken deploy rolled back, skyhop:rollback, remove of dev
    deploy(Map.of());
    deploy(Map.of(), "dev");
    google.breakNextRevision(GET);
    newCode();
    assertThatThrownBy(() -> deploy(Map.of())).isInstanceOf(DeployVerificationException.class);
    new Deployment(BuildListener.collecting(log)).rollback(provider(), request(Map.of()));
    GcpDeployerTest.deployer(wm)
        .remove(
            request(Map.of("skyhop.remove.data", "true"), "dev"), BuildListener.collecting(log));

    Path printed =
        new PolicyPrinter(BuildListener.collecting(log))
            .print(new GcpTargetProvider(), request(Map.of()));
    assertThat(printed.getFileName()).hasToString("policy-gcp-prod.json");
    JsonObject policy = JsonParser.parseString(Files.readString(printed)).getAsJsonObject();
    List<String> granted = new ArrayList<>();
    policy
        .getAsJsonObject("customRole")
        .getAsJsonArray("includedPermissions")
        .forEach(p -> granted.add(p.getAsString()));
    Map<String, String> needed = new java.util.TreeMap<>();
    List<String> unknown = new ArrayList<>();
    for (var e : wm.getAllServeEvents()) {
      LoggedRequest r = e.getRequest();
      String method =
          "PATCH".equals(r.getHeader("X-HTTP-Method-Override")) ? "PATCH" : r.getMethod().getName();
      String path = r.getUrl().replaceFirst("\\?.*", "");
      if (path.equals("/token")
          || path.startsWith("/gcf-v2-uploads-")
          || path.startsWith("/run/")) {
        continue; // OAuth, the signed-URL upload, the functions' own URLs
      }
      GcpPermissions.of(method, path)
          .ifPresentOrElse(
              p -> needed.put(p, method + " " + path), () -> unknown.add(method + " " + path));
    }
    assertThat(unknown).as("calls missing from GcpPermissions").isEmpty();
    assertThat(needed.keySet()).isSubsetOf(granted);
    assertThat(needed)
        .containsKeys(
            "cloudfunctions.functions.create",
            "cloudfunctions.functions.update",
            "cloudfunctions.functions.delete",
            "run.services.update",
            "run.services.setIamPolicy",
            "cloudscheduler.jobs.create",
            "eventarc.triggers.get",
            "pubsub.topics.create",
            "storage.buckets.create",
            "iam.serviceAccounts.create",
            "secretmanager.secrets.setIamPolicy");
    // functions, triggers and jobs run as the app's account: actAs on it alone
    assertThat(policy.getAsJsonObject("serviceAccountRole"))
        .isEqualTo(
            JsonParser.parseString(
                "{\"resource\":\"projects/demo/serviceAccounts/orders-prod-skyhop@demo.iam.gserviceaccount.com\","
                    + "\"role\":\"roles/iam.serviceAccountUser\","
                    + "\"includedPermissions\":[\"iam.serviceAccounts.actAs\"]}"));
    assertThat(granted).doesNotContain("iam.serviceAccounts.actAs", "run.routes.invoke");
  }

  private void deploy(Map<String, String> extra) throws Exception {
    deploy(extra, "prod");
  }

  private void deploy(Map<String, String> extra, String stage) throws Exception {
    new Deployment(BuildListener.collecting(log))
        .deployVerified(provider(), request(extra, stage), Optional.empty());
  }

  /** A new zip, so every function gets a new revision. */
  private void newCode() throws Exception {
    byte[] zip = Files.readAllBytes(dir.resolve("gcp/orders.zip"));
    byte[] longer = java.util.Arrays.copyOf(zip, zip.length + 1);
    Files.write(dir.resolve("gcp/orders.zip"), longer);
  }

  private JsonObject traffic(String id) {
    return google.service(id).getAsJsonArray("traffic").get(0).getAsJsonObject();
  }

  private static JsonObject pinned(String revision) {
    return JsonParser.parseString(
            "{\"type\":\"TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION\",\"revision\":\""
                + revision
                + "\",\"percent\":100}")
        .getAsJsonObject();
  }

  private static JsonObject latest() {
    return JsonParser.parseString(
            "{\"type\":\"TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST\",\"percent\":100}")
        .getAsJsonObject();
  }

  /** What the function's URL answers now. */
  private int smokeStatus() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    return http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(wm.baseUrl() + "/run/" + GET + "/orders/1"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private List<String> smokeCalls() {
    List<String> calls = new ArrayList<>();
    for (var e : wm.getAllServeEvents()) {
      LoggedRequest r = e.getRequest();
      if (r.getUrl().startsWith("/run/")) {
        calls.add(0, r.getMethod().getName() + " " + r.getUrl());
      }
    }
    return calls;
  }

  DeployRequest request(Map<String, String> extra) {
    return request(extra, "prod");
  }

  /** A request for {@code stage} (null: none). */
  DeployRequest request(Map<String, String> extra, String stage) {
    Map<String, String> settings = new HashMap<>(extra);
    settings.put("skyhop.gcp.project", "demo");
    settings.put("skyhop.region", "europe-west1");
    settings.put("skyhop.gcp.endpoint", wm.baseUrl());
    if (stage != null) {
      settings.put("skyhop.stage", stage);
    }
    return new DeployRequest(Target.named("gcp"), "orders", dir, new Settings(settings), false);
  }

  /** The gcp provider's verifier, releases and deployer, with the fake's credentials and timing. */
  TargetProvider provider() {
    GcpDeployer deployer = GcpDeployerTest.deployer(wm);
    return new TargetProvider() {
      @Override
      public Target target() {
        return Target.named("gcp");
      }

      @Override
      public String adapterArtifact() {
        return "skyhop-gcp-functions";
      }

      @Override
      public TargetPackager packager() {
        throw new UnsupportedOperationException();
      }

      @Override
      public Deployer deployer() {
        return deployer;
      }

      @Override
      public Harness lab(LabContext lab) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Optional<DeployVerifier> verifier() {
        return Optional.of(
            new GcpVerifier(
                deployer.credentials(), deployer.timing(), audience -> "id-" + audience));
      }

      @Override
      public Optional<Releases> releases() {
        return Optional.of(new GcpReleases(deployer.credentials(), deployer.timing()));
      }
    };
  }
}
