package io.skyhop.tooling.deploy.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Google's JSON APIs: throttling and server faults retried, listings read to the last page. */
class GcpHttpTest {
  static final String TOPICS = "/v1/projects/demo/topics";
  static final String ERROR_429 =
      "{\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\"}}";

  final WireMockServer wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
  final List<Duration> pauses = new ArrayList<>();
  GcpHttp http;

  @BeforeEach
  void start() {
    wm.start();
    http =
        new GcpHttp(
            GoogleCredentials.create(new AccessToken("t0ken", null)),
            Optional.of(wm.baseUrl()),
            RetryPolicy.forAttempts(Duration.ofMillis(10), 3, pauses::add));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void throttlingAndServerFaultsAreRetriedWithBackoff() {
    String topic = TOPICS + "/orders";
    wm.stubFor(
        put(urlPathEqualTo(topic))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(ERROR_429).withStatus(429))
            .willSetStateTo("503"));
    wm.stubFor(
        put(urlPathEqualTo(topic))
            .inScenario("flaky")
            .whenScenarioStateIs("503")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    wm.stubFor(
        put(urlPathEqualTo(topic))
            .inScenario("flaky")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"name\":\"projects/demo/topics/orders\"}")));

    Optional<JsonObject> answer =
        http.send("PUT", http.pubsub("projects/demo/topics/orders"), null);

    assertThat(answer.orElseThrow().get("name").getAsString())
        .isEqualTo("projects/demo/topics/orders");
    wm.verify(3, putRequestedFor(urlPathEqualTo(topic)));
    assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
  }

  @Test
  void aPersistentThrottleFailsWithTheLastStatusAndAClientErrorIsNotRetried() {
    wm.stubFor(put(urlPathEqualTo(TOPICS + "/busy")).willReturn(okJson(ERROR_429).withStatus(429)));
    wm.stubFor(
        put(urlPathEqualTo(TOPICS + "/bad"))
            .willReturn(
                okJson("{\"error\":{\"code\":400,\"message\":\"Invalid resource name\"}}")
                    .withStatus(400)));

    assertThatThrownBy(() -> http.send("PUT", http.pubsub("projects/demo/topics/busy"), null))
        .isInstanceOfSatisfying(GcpHttp.Failure.class, e -> assertThat(e.status()).isEqualTo(429))
        .hasMessage("PUT " + wm.baseUrl() + TOPICS + "/busy answered 429: Quota exceeded");
    wm.verify(3, putRequestedFor(urlPathEqualTo(TOPICS + "/busy")));
    assertThatThrownBy(() -> http.send("PUT", http.pubsub("projects/demo/topics/bad"), null))
        .hasMessage("PUT " + wm.baseUrl() + TOPICS + "/bad answered 400: Invalid resource name");
    wm.verify(1, putRequestedFor(urlPathEqualTo(TOPICS + "/bad")));
  }

  @Test
  void aListingFollowsNextPageTokenToTheLastPage() {
    wm.stubFor(
        get(urlPathEqualTo(TOPICS))
            .atPriority(5)
            .willReturn(
                okJson(
                    "{\"topics\":[{\"name\":\"projects/demo/topics/a\"}],"
                        + "\"nextPageToken\":\"p/2+\"}")));
    wm.stubFor(
        get(urlPathEqualTo(TOPICS))
            .withQueryParam("pageToken", equalTo("p/2+"))
            .atPriority(1)
            .willReturn(
                okJson(
                    "{\"topics\":[{\"name\":\"projects/demo/topics/b\"},"
                        + "{\"name\":\"projects/demo/topics/c\"}],\"nextPageToken\":\"\"}")));

    List<JsonObject> topics = http.list(http.pubsub("projects/demo/topics"), "topics");

    assertThat(topics)
        .extracting(t -> t.get("name").getAsString())
        .containsExactly(
            "projects/demo/topics/a", "projects/demo/topics/b", "projects/demo/topics/c");
    wm.verify(2, getRequestedFor(urlPathEqualTo(TOPICS)));
  }
}
