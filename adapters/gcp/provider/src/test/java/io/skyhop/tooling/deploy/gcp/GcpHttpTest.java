package io.skyhop.tooling.deploy.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.gson.JsonObject;
import io.skyhop.tooling.retry.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Pub/Sub and Cloud Storage JSON calls: 429 and 5xx retried through the one retry policy (the
 * pauses recorded, not slept), listings read page after page ({@code nextPageToken}); the answers
 * are shaped as the APIs' {@code ListTopicsResponse} and error body.
 */
class GcpHttpTest {
  private static final Path FIXTURES = Path.of("src/test/resources/deploy/gcp-http");
  private static final String TOPICS = "/v1/projects/demo/topics";

  private final WireMockServer wm = new WireMockServer(options().dynamicPort());
  private final List<Duration> pauses = new ArrayList<>();
  private GcpHttp http;

  @BeforeEach
  void start() {
    wm.start();
    http =
        new GcpHttp(
            GoogleCredentials.create(new AccessToken("t0ken", null)),
            Optional.of(wm.baseUrl()),
            RetryPolicy.forAttempts(Duration.ofSeconds(1), 3, pauses::add));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private static String fixture(String name) throws Exception {
    return Files.readString(FIXTURES.resolve(name));
  }

  @Test
  void aListingFollowsNextPageToken() throws Exception {
    wm.stubFor(get(urlPathEqualTo(TOPICS)).willReturn(okJson(fixture("topics-page-1.json"))));
    wm.stubFor(
        get(urlPathEqualTo(TOPICS))
            .withQueryParam("pageToken", equalTo("page/2=="))
            .willReturn(okJson(fixture("topics-page-2.json"))));

    List<JsonObject> topics = http.list(http.pubsub("projects/demo/topics"), "topics");

    assertThat(topics.stream().map(t -> t.get("name").getAsString()))
        .containsExactly(
            "projects/demo/topics/orders-prod-orders", "projects/demo/topics/orders-prod-refunds");
    wm.verify(2, getRequestedFor(urlPathEqualTo(TOPICS)));
  }

  @Test
  void throttlingAndServerFaultsAreRetriedWithBackoff() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo(TOPICS))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withBody("{}"))
            .willSetStateTo("busy"));
    wm.stubFor(
        get(urlPathEqualTo(TOPICS))
            .inScenario("flaky")
            .whenScenarioStateIs("busy")
            .willReturn(okJson(fixture("unavailable.json")).withStatus(503))
            .willSetStateTo("ok"));
    wm.stubFor(
        get(urlPathEqualTo(TOPICS))
            .inScenario("flaky")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(fixture("topics-page-2.json"))));

    assertThat(http.get(http.pubsub("projects/demo/topics"))).isPresent();
    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void aFaultThatLastsFailsNamingTheCallAndTheAttempts() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo(TOPICS))
            .willReturn(okJson(fixture("unavailable.json")).withStatus(503)));

    assertThatThrownBy(() -> http.get(http.pubsub("projects/demo/topics")))
        .isInstanceOf(GcpHttp.Failure.class)
        .hasMessage(
            "GET "
                + wm.baseUrl()
                + TOPICS
                + " answered 503: The service is currently unavailable. (gave up after 3"
                + " attempts)");
    wm.verify(3, getRequestedFor(urlPathEqualTo(TOPICS)));
  }

  @Test
  void aClientErrorIsNotRetried() {
    wm.stubFor(get(urlPathEqualTo(TOPICS)).willReturn(aResponse().withStatus(403).withBody("no")));

    assertThatThrownBy(() -> http.get(http.pubsub("projects/demo/topics")))
        .isInstanceOf(GcpHttp.Failure.class)
        .hasMessageEndingWith("answered 403: no");
    assertThat(pauses).isEmpty();
  }
}
