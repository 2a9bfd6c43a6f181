package io.skyhop.it.deploy.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.MavenBuild;
import java.nio.charset.StandardCharsets;
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
 * {@code mvn deploy -Dskyhop.target=gcp} of a copy of {@code examples/orders} against stubs of
 * Google's APIs (files under {@code src/test/resources/deploy/gcp}), through Google's own clients:
 * the exact requests of a first deploy, a redeploy that changes nothing, a code change, throttling,
 * conflicts, a persistent server error, a half-finished deploy run again, a dry run, {@code
 * skyhop:remove}, and settings missing before any call. The scenarios share one copy and run in
 * order (the code change builds on the first deploy's zip).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GcpDeployIT {
  static final String P = "/v2/projects/demo/locations/europe-west1";
  static final String S = "/v1/projects/demo/locations/europe-west1";

  /** Calls that only read (Resource Manager reads a project's IAM policy with a POST). */
  static final String READS = "GET .*|POST /token|POST /v1/projects/demo:getIamPolicy";

  static final List<String> IDS =
      List.of(
          "orders-get",
          "orders-create-order",
          "orders-explode",
          "orders-nightly",
          "orders-on-order",
          "orders-on-upload");

  static GcpStubs stubs;
  static GcpOrdersProject project;

  @BeforeAll
  static void copyProject() throws Exception {
    stubs = new GcpStubs();
    project = new GcpOrdersProject(stubs.endpoint());
  }

  @AfterAll
  static void stop() {
    if (stubs != null) {
      stubs.close();
    }
  }

  static JsonElement json(String text) {
    return JsonParser.parseString(text);
  }

  static JsonElement expected(String file, String codeSha) throws Exception {
    return json(
        Files.readString(GcpStubs.ROOT.resolve("expected").resolve(file), StandardCharsets.UTF_8)
            .replace("${codeSha}", codeSha));
  }

  /** Bearer tokens on every API call (fetched from the stubbed token endpoint), none on uploads. */
  static void assertAuthorization() {
    for (LoggedRequest r : stubs.requests()) {
      String path = GcpStubs.path(r);
      if (path.startsWith("/v1/") || path.startsWith("/v2/")) {
        assertThat(r.getHeader("Authorization"))
            .as(GcpStubs.call(r))
            .isEqualTo("Bearer ya29.skyhop-it-token");
      } else if (path.startsWith("/gcf-v2-uploads")) {
        assertThat(r.containsHeader("Authorization")).as(GcpStubs.call(r)).isFalse();
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/zip");
      }
    }
  }

  @Test
  @Order(1)
  void firstDeployCreatesEveryFunctionWithTheExactRequestsGoogleExpects() throws Exception {
    stubs.load(Map.of());

    MavenBuild.Result result = project.deploy();

    GcpOrdersProject.assertGreen(result);
    // the region's ListRuntimes answer wins over the runtime table (java17: October 2027 there)
    assertThat(result.output())
        .contains(
            "gcp: Google Cloud Run functions deprecates java17 on 2027-03-01 (deprecated"
                + " 2027-03-01, ListRuntimes of projects/demo/locations/europe-west1). Fix: set"
                + " maven.compiler.release to 21 (java21)");
    byte[] zip = project.packagedZip();
    String sha = GcpOrdersProject.codeLabel(zip);
    // one token from the stubbed endpoint, through the gcloud application-default credentials
    List<LoggedRequest> tokens = stubs.find("POST", "/token");
    assertThat(tokens).isNotEmpty();
    assertThat(tokens.get(0).getBodyAsString())
        .contains("grant_type=refresh_token", "refresh_token=1%2F%2Fstub-refresh-token");
    assertAuthorization();
    // per function, in order: read, get an upload URL, upload, create, poll
    List<LoggedRequest> creates = stubs.find("POST", P + "/functions");
    assertThat(creates)
        .extracting(r -> r.queryParameter("functionId").firstValue())
        .containsExactlyElementsOf(IDS);
    for (LoggedRequest create : creates) {
      String id = create.queryParameter("functionId").firstValue();
      assertThat(json(create.getBodyAsString()))
          .as(id)
          .isEqualTo(expected("create-" + id + ".json", sha));
    }
    List<LoggedRequest> uploads = stubs.find("PUT", "/gcf-v2-uploads-123-europe-west1/upload.zip");
    assertThat(uploads).hasSize(6).allSatisfy(u -> assertThat(u.getBody()).isEqualTo(zip));
    assertThat(
            stubs.calls().stream()
                .filter(
                    c ->
                        c.contains("orders-get")
                            || c.contains("generateUploadUrl")
                            || c.startsWith("PUT /gcf-"))
                .limit(5))
        .containsExactly(
            "GET " + P + "/functions/orders-get",
            "POST " + P + "/functions:generateUploadUrl",
            "PUT /gcf-v2-uploads-123-europe-west1/upload.zip",
            "GET " + P + "/operations/op-create-orders-get",
            "GET " + P + "/services/orders-get:getIamPolicy");
    // public access for the three anonymous HTTP functions; the schedule's identity may invoke it
    List<LoggedRequest> policies = stubs.find("POST", P + "/services/.*:setIamPolicy");
    assertThat(policies)
        .extracting(GcpStubs::path)
        .containsExactly(
            P + "/services/orders-get:setIamPolicy",
            P + "/services/orders-create-order:setIamPolicy",
            P + "/services/orders-explode:setIamPolicy",
            P + "/services/orders-nightly:setIamPolicy",
            P + "/services/orders-on-order:setIamPolicy",
            P + "/services/orders-on-upload:setIamPolicy");
    assertThat(json(policies.get(0).getBodyAsString()))
        .isEqualTo(
            json(
                "{\"policy\":{\"version\":1,\"etag\":\"ACAB\",\"bindings\":[{\"role\":\"roles/run.invoker\",\"members\":[\"allUsers\"]}]}}"));
    assertThat(json(policies.get(3).getBodyAsString()))
        .isEqualTo(
            json(
                "{\"policy\":{\"version\":1,\"etag\":\"ACAB\",\"bindings\":[{\"role\":\"roles/run.invoker\","
                    + "\"members\":[\"serviceAccount:orders-skyhop@demo.iam.gserviceaccount.com\"]}]}}"));
    // the app's own account may invoke its event functions (Eventarc's push)
    assertThat(json(policies.get(4).getBodyAsString()))
        .isEqualTo(json(policies.get(3).getBodyAsString()));
    List<LoggedRequest> jobs = stubs.find("POST", S + "/jobs");
    assertThat(jobs).hasSize(1);
    assertThat(json(jobs.get(0).getBodyAsString()))
        .isEqualTo(expected("create-job-orders-nightly.json", sha));
    // URLs printed, the record written
    assertThat(result.output())
        .contains(
            "created   get                      https://orders-get-abc123-ew.a.run.app/orders/{id}")
        .contains(
            "created   on-order                 Pub/Sub topic projects/demo/topics/orders-orders");
    // the queue's topic and the storage trigger's bucket, created once and labelled
    List<LoggedRequest> topics = stubs.find("PUT", "/v1/projects/demo/topics/.*");
    assertThat(topics)
        .extracting(GcpStubs::path)
        .containsExactly(
            "/v1/projects/demo/topics/orders-orders", "/v1/projects/demo/topics/orders-orders-dlq");
    assertThat(json(topics.get(0).getBodyAsString()))
        .isEqualTo(json("{\"labels\":{\"skyhop-app\":\"orders\"}}"));
    List<LoggedRequest> buckets = stubs.find("POST", "/storage/v1/b");
    assertThat(buckets).hasSize(1);
    assertThat(json(buckets.get(0).getBodyAsString()))
        .isEqualTo(
            json(
                "{\"name\":\"orders-uploads-e0789338\",\"location\":\"EUROPE-WEST1\","
                    + "\"iamConfiguration\":{\"uniformBucketLevelAccess\":{\"enabled\":true},"
                    + "\"publicAccessPrevention\":\"enforced\"},"
                    + "\"labels\":{\"skyhop-app\":\"orders\"}}"));
    // the app's own service account, created once, named and described for the app
    List<LoggedRequest> accounts = stubs.find("POST", "/v1/projects/demo/serviceAccounts");
    assertThat(accounts).hasSize(1);
    assertThat(json(accounts.get(0).getBodyAsString()))
        .isEqualTo(
            json(
                "{\"accountId\":\"orders-skyhop\",\"serviceAccount\":{\"displayName\":"
                    + "\"Skyhop orders\",\"description\":\"Skyhop: runs the functions and"
                    + " triggers of app orders; deleted by skyhop:remove\"}}"));
    JsonObject record = json(project.record()).getAsJsonObject();
    assertThat(record.get("target").getAsString()).isEqualTo("gcp");
    assertThat(record.getAsJsonArray("functions")).hasSize(6);
    assertThat(record.getAsJsonObject("details").get("codeSha256").getAsString()).startsWith(sha);
  }

  @Test
  @Order(2)
  void redeployWithoutChangesUploadsAndChangesNothing() throws Exception {
    String deployed = GcpOrdersProject.codeLabel(project.packagedZip());
    stubs.load(Map.of("codeSha", deployed), "deployed");

    MavenBuild.Result result = project.deploy();

    GcpOrdersProject.assertGreen(result);
    assertThat(GcpOrdersProject.codeLabel(project.packagedZip()))
        .as("the rebuilt zip is byte-identical")
        .isEqualTo(deployed);
    assertAuthorization();
    assertThat(stubs.calls()).allSatisfy(c -> assertThat(c).matches(READS));
    assertThat(result.output()).contains("unchanged get ");
  }

  @Test
  @Order(2)
  void aRedeployDeletesTheAppsFunctionsThatLeftTheProjectAndNoOtherStages() throws Exception {
    String deployed = GcpOrdersProject.codeLabel(project.packagedZip());
    stubs.load(Map.of("codeSha", deployed), "deployed", "departed");

    MavenBuild.Result result = project.deploy();

    GcpOrdersProject.assertGreen(result);
    assertThat(stubs.calls().stream().filter(c -> !c.matches(READS)))
        .as("orders-retired goes; orders-prod-get (stage prod) stays")
        .containsExactly("DELETE " + P + "/functions/orders-retired");
    assertThat(result.output())
        .contains("The function orders-retired left the project: removing it")
        .contains("deleting function orders-retired");
  }

  @Test
  @Order(3)
  void dryRunPrintsThePlanAndOnlyReads() {
    stubs.load(Map.of());

    MavenBuild.Result result =
        project.run(project.common(), "-Dskyhop.dryRun=true", "skyhop:deploy");

    GcpOrdersProject.assertGreen(result);
    assertThat(stubs.calls()).allSatisfy(c -> assertThat(c).matches(READS));
    assertThat(result.output())
        .contains("plan: create function orders-get", "plan: create job orders-nightly");
  }

  @Test
  @Order(4)
  void aCodeChangeUploadsAndUpdatesOnlyTheCode() throws Exception {
    String before = GcpOrdersProject.codeLabel(project.packagedZip());
    Path source = project.ordersSource();
    Files.writeString(
        source,
        Files.readString(source).replace("nightly report due at", "nightly report (v2) due at"));
    stubs.load(Map.of("codeSha", before), "deployed");

    MavenBuild.Result result = project.deploy();

    GcpOrdersProject.assertGreen(result);
    byte[] zip = project.packagedZip();
    assertThat(GcpOrdersProject.codeLabel(zip)).isNotEqualTo(before);
    assertAuthorization();
    assertThat(stubs.find("POST", P + "/functions")).isEmpty();
    List<LoggedRequest> patches = stubs.find("PATCH", P + "/functions/.*");
    assertThat(patches)
        .extracting(GcpStubs::path)
        .containsExactlyElementsOf(IDS.stream().map(id -> P + "/functions/" + id).toList());
    assertThat(patches)
        .allSatisfy(
            p -> {
              assertThat(p.queryParameter("updateMask").firstValue())
                  .isEqualTo("buildConfig.source,labels");
              assertThat(p.getBodyAsString())
                  .contains("\"skyhop-code-sha256\":\"" + GcpOrdersProject.codeLabel(zip) + "\"");
            });
    assertThat(stubs.find("PUT", "/gcf-v2-uploads.*"))
        .hasSize(6)
        .allSatisfy(u -> assertThat(u.getBody()).isEqualTo(zip));
    assertThat(stubs.calls())
        .noneMatch(c -> c.contains(":setIamPolicy") || c.contains("/jobs") && !c.startsWith("GET"));
  }

  @Test
  @Order(5)
  void throttlingAndConflictsAreRetriedAndConverge() throws Exception {
    stubs.load(Map.of(), "faults");
    project.build.env("GOOGLE_APPLICATION_CREDENTIALS", project.serviceAccountKey.toString());
    MavenBuild.Result result;
    try {
      result = project.deploy();
    } finally {
      project.build.unsetEnv("GOOGLE_APPLICATION_CREDENTIALS");
    }

    GcpOrdersProject.assertGreen(result);
    assertThat(stubs.find("POST", "/token").get(0).getBodyAsString())
        .contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer", "assertion=");
    assertAuthorization();
    // 429 then success
    assertThat(stubs.find("POST", P + "/functions"))
        .extracting(r -> r.queryParameter("functionId").firstValue())
        .containsExactly(
            "orders-get",
            "orders-get",
            "orders-create-order",
            "orders-explode",
            "orders-nightly",
            "orders-on-order",
            "orders-on-upload");
    // 409 ALREADY_EXISTS on create: read it, update it (busy once: 409 ABORTED, waited, retried)
    List<String> createOrder =
        stubs.calls().stream().filter(c -> c.contains("/functions/orders-create-order")).toList();
    assertThat(createOrder)
        .containsExactly(
            "GET " + P + "/functions/orders-create-order",
            "GET " + P + "/functions/orders-create-order",
            "PATCH " + P + "/functions/orders-create-order",
            "PATCH " + P + "/functions/orders-create-order",
            // the verifier's read after the deploy
            "GET " + P + "/functions/orders-create-order");
    assertThat(result.output())
        .contains(
            "orders-create-order: exists already (ALREADY_EXISTS); reading it and updating it instead");
    assertThat(result.output()).contains("created   get ", "updated   create-order ");
  }

  @Test
  @Order(6)
  void aPersistentServerErrorFailsTheBuildNamingTheCall() {
    stubs.load(Map.of(), "server-error");

    MavenBuild.Result result = project.deploy();

    GcpOrdersProject.assertRed(result);
    assertThat(result.output())
        .contains(
            "Google Cloud call CreateFunction orders-explode failed: HTTP 500 INTERNAL: Internal error"
                + " encountered. (gave up after 5 attempts). Fix: the provider is throttling or failing;"
                + " run the deploy again later, it continues where this one stopped");
    assertThat(stubs.find("POST", P + "/functions"))
        .extracting(r -> r.queryParameter("functionId").firstValue())
        .containsExactly(
            "orders-get",
            "orders-create-order",
            "orders-explode",
            "orders-explode",
            "orders-explode",
            "orders-explode",
            "orders-explode");
  }

  @Test
  @Order(7)
  void aRunThatFailedOnTheThirdFunctionConvergesWhenRunAgain() throws Exception {
    stubs.load(Map.of("codeSha", GcpOrdersProject.codeLabel(project.packagedZip())), "partial");
    MavenBuild.Result first = project.deploy();
    GcpOrdersProject.assertRed(first);
    assertThat(first.output()).contains("Google Cloud call CreateFunction orders-explode failed");
    assertThat(stubs.find("POST", P + "/functions"))
        .extracting(r -> r.queryParameter("functionId").firstValue())
        .startsWith("orders-get", "orders-create-order", "orders-explode");
    stubs.state("explode-outage", "recovered");
    stubs.forgetRequests();

    MavenBuild.Result rerun = project.deploy();

    GcpOrdersProject.assertGreen(rerun);
    assertThat(stubs.find("POST", P + "/functions"))
        .extracting(r -> r.queryParameter("functionId").firstValue())
        .containsExactly("orders-explode", "orders-nightly", "orders-on-order", "orders-on-upload");
    assertThat(stubs.find("PATCH", P + "/functions/.*")).isEmpty();
    assertThat(rerun.output())
        .contains("unchanged get ", "unchanged create-order ", "created   explode ");
  }

  @Test
  @Order(8)
  void removeDeletesTheAppsFunctionsAndJobsAndNothingElse() {
    stubs.load(Map.of(), "remove");

    MavenBuild.Result result = project.run(project.common(), "skyhop:remove");

    GcpOrdersProject.assertGreen(result);
    assertAuthorization();
    assertThat(stubs.calls().stream().filter(c -> c.startsWith("DELETE")))
        .containsExactly(
            "DELETE " + S + "/jobs/orders-nightly",
            "DELETE " + P + "/functions/orders-get",
            "DELETE " + P + "/functions/orders-create-order",
            "DELETE " + P + "/functions/orders-explode",
            "DELETE " + P + "/functions/orders-nightly",
            "DELETE " + P + "/functions/orders-on-order",
            "DELETE " + P + "/functions/orders-on-upload",
            "DELETE /v1/projects/demo/topics/orders-orders",
            "DELETE /v1/projects/demo/serviceAccounts/orders-skyhop@demo.iam.gserviceaccount.com");
    assertThat(result.output())
        .contains(
            "gcp: bucket orders-uploads-e0789338 still holds objects and is kept. Fix: empty it,"
                + " or run remove with -Dskyhop.remove.data=true to delete it with its objects");
  }

  @Test
  @Order(8)
  void removeWithRemoveDataDeletesTheBucketsObjectsThenTheBucket() {
    stubs.load(Map.of(), "remove");

    MavenBuild.Result result =
        project.run(project.common(), "-Dskyhop.remove.data=true", "skyhop:remove");

    GcpOrdersProject.assertGreen(result);
    assertThat(stubs.calls().stream().filter(c -> c.startsWith("DELETE /storage")))
        .containsExactly(
            "DELETE /storage/v1/b/orders-uploads-e0789338/o/2026%2F12%2Freceipt.pdf",
            "DELETE /storage/v1/b/orders-uploads-e0789338");
  }

  @Test
  @Order(9)
  void missingProjectRegionOrCredentialsFailBeforeAnyCall() throws Exception {
    stubs.load(Map.of());
    List<String> withoutProject = new ArrayList<>(project.common());
    withoutProject.remove("-Dskyhop.gcp.project=demo");
    MavenBuild.Result noProject = project.run(withoutProject, "skyhop:deploy");
    List<String> withoutRegion = new ArrayList<>(project.common());
    withoutRegion.remove("-Dskyhop.region=europe-west1");
    MavenBuild.Result noRegion = project.run(withoutRegion, "skyhop:deploy");
    project.build.env(
        "CLOUDSDK_CONFIG",
        Files.createDirectories(project.gcloud.resolveSibling("empty-gcloud")).toString());
    project.build.env("NO_GCE_CHECK", "true");
    MavenBuild.Result noCredentials;
    try {
      noCredentials = project.run(project.common(), "skyhop:deploy");
    } finally {
      project.build.env("CLOUDSDK_CONFIG", project.gcloud.toString());
      project.build.unsetEnv("NO_GCE_CHECK");
    }

    GcpOrdersProject.assertRed(noProject);
    assertThat(noProject.output())
        .contains(
            "skyhop.gcp.project is not set. Fix: pass -Dskyhop.gcp.project=… or set"
                + " <skyhop.gcp.project> in the pom's <properties>; the id of the Google Cloud project,"
                + " as 'gcloud config get-value project' shows");
    GcpOrdersProject.assertRed(noRegion);
    assertThat(noRegion.output())
        .contains(
            "skyhop.region is not set. Fix: pass -Dskyhop.region=… or set <skyhop.region> in the pom's"
                + " <properties>; a Cloud Functions region such as europe-west1 or us-central1");
    GcpOrdersProject.assertRed(noCredentials);
    assertThat(noCredentials.output())
        .contains(
            "No Google Cloud credentials found (",
            "). Fix: run 'gcloud auth application-default login', or set the"
                + " environment variable GOOGLE_APPLICATION_CREDENTIALS to the path of a service-account"
                + " key file");
    assertThat(stubs.requests()).as("no call to Google before the settings are complete").isEmpty();
  }
}
