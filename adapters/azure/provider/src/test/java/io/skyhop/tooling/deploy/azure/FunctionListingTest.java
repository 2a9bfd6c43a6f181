package io.skyhop.tooling.deploy.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpPipelineBuilder;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The functions a function app lists, across pages, awaited after a publish. */
@Timeout(60)
class FunctionListingTest {
  static final String SITE =
      "/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/orders";

  final WireMockServer wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
  final List<Duration> pauses = new ArrayList<>();
  FunctionListing listing;

  @BeforeEach
  void start() {
    wm.start();
    AzureSettings azure = new AzureSettings("s", "g", "westeurope", wm.baseUrl(), "orders", "st");
    Polling polling = new Polling(Duration.ofSeconds(2), Duration.ofSeconds(6), pauses::add);
    AzureHttp http =
        new AzureHttp(
            new HttpPipelineBuilder().build(), AzureHttp.conflicts(), BuildListener.stdout());
    listing = new FunctionListing(new Arm(http, wm.baseUrl(), polling), azure, polling);
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  static String function(String name) {
    return "{\"id\":\""
        + SITE
        + "/functions/"
        + name
        + "\",\"name\":\"orders/"
        + name
        + "\",\"type\":\"Microsoft.Web/sites/functions\",\"properties\":{\"name\":\""
        + name
        + "\",\"language\":\"Java\",\"isDisabled\":false}}";
  }

  @Test
  void followsNextLink() {
    wm.stubFor(
        get(urlPathEqualTo(SITE + "/functions"))
            .withQueryParam("api-version", equalTo("2024-04-01"))
            .willReturn(
                okJson(
                    "{\"value\":["
                        + function("get")
                        + "],\"nextLink\":\""
                        + wm.baseUrl()
                        + SITE
                        + "/functions?api-version=2024-04-01&$skiptoken=2\"}")));
    wm.stubFor(
        get(urlPathEqualTo(SITE + "/functions"))
            .withQueryParam("$skiptoken", equalTo("2"))
            .willReturn(okJson("{\"value\":[" + function("nightly") + "],\"nextLink\":null}")));

    assertThat(listing.listed()).containsExactly("get", "nightly");
  }

  @Test
  void awaitsEveryFunctionThenReturnsWhatIsListed() {
    wm.stubFor(
        get(urlPathEqualTo(SITE + "/functions"))
            .willReturn(okJson("{\"value\":[" + function("get") + "]}")));

    // the verifier fails the deploy naming the functions still missing (AzureVerifier)
    assertThat(listing.await(Set.of("get", "nightly", "explode"))).containsExactly("get");
    assertThat(pauses).hasSize(3);
    wm.verify(3, getRequestedFor(urlPathEqualTo(SITE + "/functions")));
    assertThat(FunctionListing.missing(Set.of("get", "nightly", "explode"), Set.of("get")))
        .containsExactly("explode", "nightly");
    assertThat(listing.await(Set.of("get"))).containsExactly("get");
  }

  @Test
  void theWaitAfterAPublishIsASetting() {
    Polling polling = new Polling(Duration.ofSeconds(2), Duration.ofMinutes(10), pauses::add);
    assertThat(FunctionListing.waiting(new Settings(Map.of()), polling)).isSameAs(polling);
    assertThat(
            FunctionListing.waiting(
                    new Settings(Map.of("skyhop.azure.listingWaitSeconds", "4")), polling)
                .maxPolls())
        .isEqualTo(2);
    assertThatThrownBy(
            () ->
                FunctionListing.waiting(
                    new Settings(Map.of("skyhop.azure.listingWaitSeconds", "soon")), polling))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.azure.listingWaitSeconds = 'soon' is not a number of seconds. Fix: give how"
                + " long deploy waits for the host to list the functions after a publish, e.g."
                + " 300");
  }
}
