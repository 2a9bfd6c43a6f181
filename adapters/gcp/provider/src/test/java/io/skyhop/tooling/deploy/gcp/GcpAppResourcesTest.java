package io.skyhop.tooling.deploy.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.DeployResult.Action;
import io.skyhop.tooling.deploy.ResourceBindings;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.gcp.GcpNames;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app's Pub/Sub topics and Cloud Storage buckets against a stub shaped from Google's JSON APIs
 * (pubsub v1 projects.topics, storage v1 buckets and objects).
 */
class GcpAppResourcesTest {
  static final String PROD_TOPIC = "/v1/projects/demo/topics/orders-prod-orders";
  static final String DEV_TOPIC = "/v1/projects/demo/topics/orders-dev-orders";
  static final String PROD_LABELS = "{\"skyhop-app\":\"orders\",\"skyhop-stage\":\"prod\"}";
  static final String DEV_LABELS = "{\"skyhop-app\":\"orders\",\"skyhop-stage\":\"dev\"}";

  final WireMockServer wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
  final List<String> lines = new ArrayList<>();
  Manifest manifest;
  String prodBucket;
  String devBucket;

  @BeforeEach
  void start() throws Exception {
    wm.start();
    manifest = ManifestFile.read(Path.of("src/test/resources/deploy/gcp"));
    prodBucket = GcpNames.of(Naming.of("orders", "prod")).bucket("demo", "uploads");
    devBucket = GcpNames.of(Naming.of("orders", "dev")).bucket("demo", "uploads");
    wm.stubFor(
        get(anyUrl())
            .atPriority(9)
            .willReturn(
                okJson("{\"error\":{\"code\":404,\"message\":\"not found\"}}").withStatus(404)));
    wm.stubFor(put(urlPathMatching("/v1/projects/demo/topics/.*")).willReturn(okJson("{}")));
    wm.stubFor(post(urlPathEqualTo("/storage/v1/b")).willReturn(okJson("{}")));
    wm.stubFor(delete(anyUrl()).willReturn(aResponse().withStatus(204)));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  GcpAppResources resources(String stage, Map<String, String> bound) {
    GoogleCredentials token = GoogleCredentials.create(new AccessToken("t0ken", null));
    GcpSettings gcp = new GcpSettings("demo", "europe-west1", Optional.of(wm.baseUrl()));
    return new GcpAppResources(
        new GcpHttp(token, gcp.endpoint()),
        gcp,
        Naming.of("orders", stage),
        new ResourceBindings(bound),
        BuildListener.collecting(lines));
  }

  @Test
  void createsTheTopicAndBucketLabelledWithAppAndStageThenAReRunOnlyReads() {
    List<DeployResult.Resource> created = resources("prod", Map.of()).ensure(manifest, false);

    assertThat(created)
        .containsExactly(
            new DeployResult.Resource(
                "orders", "topic", "projects/demo/topics/orders-prod-orders", true, Action.CREATED),
            new DeployResult.Resource(
                "orders",
                "deadLetterTopic",
                "projects/demo/topics/orders-prod-orders-dlq",
                true,
                Action.CREATED),
            new DeployResult.Resource("uploads", "bucket", prodBucket, true, Action.CREATED));
    wm.verify(
        1,
        putRequestedFor(urlPathEqualTo(PROD_TOPIC + "-dlq"))
            .withRequestBody(equalToJson("{\"labels\":" + PROD_LABELS + "}")));
    wm.verify(
        1,
        putRequestedFor(urlPathEqualTo(PROD_TOPIC))
            .withHeader("Authorization", equalTo("Bearer t0ken"))
            .withRequestBody(equalToJson("{\"labels\":" + PROD_LABELS + "}")));
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo("/storage/v1/b"))
            .withQueryParam("project", equalTo("demo"))
            .withRequestBody(
                equalToJson(
                    "{\"name\":\""
                        + prodBucket
                        + "\",\"location\":\"EUROPE-WEST1\",\"iamConfiguration\":"
                        + "{\"uniformBucketLevelAccess\":{\"enabled\":true},"
                        + "\"publicAccessPrevention\":\"enforced\"},\"labels\":"
                        + PROD_LABELS
                        + "}")));

    wm.stubFor(
        get(urlPathMatching(PROD_TOPIC + "(-dlq)?"))
            .willReturn(okJson("{\"labels\":" + PROD_LABELS + "}")));
    wm.stubFor(
        get(urlPathEqualTo("/storage/v1/b/" + prodBucket))
            .willReturn(okJson("{\"labels\":" + PROD_LABELS + "}")));
    wm.resetRequests();
    List<DeployResult.Resource> again = resources("prod", Map.of()).ensure(manifest, false);

    assertThat(again).extracting(DeployResult.Resource::action).containsOnly(Action.UNCHANGED);
    wm.verify(0, putRequestedFor(anyUrl()));
    wm.verify(0, postRequestedFor(anyUrl()));
    wm.verify(0, deleteRequestedFor(anyUrl()));
  }

  @Test
  void aDryRunOnlyReads() {
    assertThat(resources("prod", Map.of()).ensure(manifest, true))
        .extracting(DeployResult.Resource::action)
        .containsOnly(Action.CREATE);
    wm.verify(0, putRequestedFor(anyUrl()));
    wm.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void aBoundTopicAndBucketAreNeverReadCreatedOrDeleted() {
    List<DeployResult.Resource> records =
        resources(
                "prod",
                Map.of(
                    "orders", "projects/shared-project/topics/all-orders",
                    "uploads", "gs://shared-uploads"))
            .ensure(manifest, false);

    assertThat(records)
        .containsExactly(
            new DeployResult.Resource(
                "orders",
                "topic",
                "projects/shared-project/topics/all-orders",
                false,
                Action.UNCHANGED),
            new DeployResult.Resource(
                "orders",
                "deadLetterTopic",
                "projects/demo/topics/orders-prod-orders-dlq",
                true,
                Action.CREATED),
            new DeployResult.Resource(
                "uploads", "bucket", "shared-uploads", false, Action.UNCHANGED));
    // only the dead-letter topic, which is the app's own even for a bound queue
    assertThat(wm.getAllServeEvents())
        .extracting(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl())
        .containsExactlyInAnyOrder("GET " + PROD_TOPIC + "-dlq", "PUT " + PROD_TOPIC + "-dlq");
  }

  @Test
  void aTopicOfThatNameWithOtherLabelsStopsTheDeploy() {
    wm.stubFor(
        get(urlPathEqualTo(PROD_TOPIC)).willReturn(okJson("{\"labels\":" + DEV_LABELS + "}")));

    assertThatThrownBy(() -> resources("prod", Map.of()).ensure(manifest, false))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.resources.orders = 'projects/demo/topics/orders-prod-orders' is a Pub/Sub"
                + " topic without the labels {skyhop-app=orders, skyhop-stage=prod} of this app"
                + " and stage, so Skyhop does not own it. Fix: bind it with"
                + " skyhop.resources.orders=projects/demo/topics/orders-prod-orders, or delete it"
                + " and deploy again");
    wm.verify(0, putRequestedFor(anyUrl()));
  }

  @Test
  void aRefusedCreateNamesTheRolesDeployNeeds() {
    wm.stubFor(
        put(urlPathEqualTo(PROD_TOPIC))
            .willReturn(
                okJson(
                        "{\"error\":{\"code\":403,\"message\":\"User not authorized to perform"
                            + " this action.\",\"status\":\"PERMISSION_DENIED\"}}")
                    .withStatus(403)));

    assertThatThrownBy(() -> resources("prod", Map.of()).ensure(manifest, false))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageEndingWith(
            " answered 403: User not authorized to perform this action.). Fix: enable the Pub/Sub"
                + " and Cloud Storage APIs in the project and grant the deploying identity"
                + " roles/pubsub.admin and roles/storage.admin")
        .hasMessageContaining(
            "Google Cloud call CreateTopic projects/demo/topics/orders-prod-orders was refused");
  }

  @Test
  void aBucketNameHeldElsewhereNamesTheBinding() {
    wm.stubFor(
        post(urlPathEqualTo("/storage/v1/b"))
            .willReturn(
                okJson(
                        "{\"error\":{\"code\":409,\"message\":\"Your previous request to create"
                            + " the named bucket succeeded and you already own it.\"}}")
                    .withStatus(409)));

    assertThatThrownBy(() -> resources("prod", Map.of()).ensure(manifest, false))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.resources.uploads = '"
                + prodBucket
                + "' is a Cloud Storage bucket name another project holds (names are global). Fix:"
                + " bind your own bucket with skyhop.resources.uploads=gs://<bucket>, or deploy"
                + " under another skyhop.stage");
  }

  void listed(boolean devBucketHoldsObjects) {
    wm.stubFor(
        get(urlPathEqualTo("/v1/projects/demo/topics"))
            .willReturn(
                okJson(
                    "{\"topics\":[{\"name\":\"projects/demo/topics/orders-prod-orders\",\"labels\":"
                        + PROD_LABELS
                        + "},{\"name\":\"projects/demo/topics/orders-dev-orders\",\"labels\":"
                        + DEV_LABELS
                        + "},{\"name\":\"projects/demo/topics/orders-dev-other\"}]}")));
    wm.stubFor(
        get(urlPathEqualTo("/storage/v1/b"))
            .withQueryParam("prefix", equalTo("orders-dev-"))
            .willReturn(
                okJson(
                    "{\"items\":[{\"name\":\""
                        + devBucket
                        + "\",\"labels\":"
                        + DEV_LABELS
                        + "}]}")));
    wm.stubFor(
        get(urlPathEqualTo("/storage/v1/b/" + devBucket + "/o"))
            .willReturn(
                okJson(devBucketHoldsObjects ? "{\"items\":[{\"name\":\"a/b.csv\"}]}" : "{}")));
  }

  @Test
  void removeOfDevDeletesOnlyDevAndKeepsABucketHoldingObjects() {
    listed(true);

    resources("dev", Map.of()).remove(false, false);

    wm.verify(1, deleteRequestedFor(urlPathEqualTo(DEV_TOPIC)));
    wm.verify(0, deleteRequestedFor(urlPathEqualTo(PROD_TOPIC)));
    wm.verify(0, deleteRequestedFor(urlPathMatching("/v1/projects/demo/topics/orders-dev-other")));
    wm.verify(0, deleteRequestedFor(urlPathMatching("/storage/.*")));
    assertThat(lines)
        .contains(
            "WARNING gcp: bucket "
                + devBucket
                + " still holds objects and is kept. Fix: empty it, or run remove with"
                + " -Dskyhop.remove.data=true to delete it with its objects");
  }

  @Test
  void removeWithRemoveDataDeletesTheObjectsThenTheBucket() {
    listed(true);

    resources("dev", Map.of()).remove(true, false);

    wm.verify(1, deleteRequestedFor(urlPathEqualTo("/storage/v1/b/" + devBucket + "/o/a%2Fb.csv")));
    wm.verify(1, deleteRequestedFor(urlPathEqualTo("/storage/v1/b/" + devBucket)));
  }
}
