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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
  void awaitsEveryFunctionThenFailsNamingTheMissingOnes() {
    wm.stubFor(
        get(urlPathEqualTo(SITE + "/functions"))
            .willReturn(okJson("{\"value\":[" + function("get") + "]}")));

    assertThatThrownBy(() -> listing.await(Set.of("get", "nightly", "explode"), "orders.scm.host"))
        .isInstanceOf(AzureDeployException.class)
        .hasMessage(
            "After publishing, function app orders lists get but not explode, nightly (waited 6 s)."
                + " Fix: read the deployment log at"
                + " https://orders.scm.host/api/deployments/latest/log and the app's log stream (the"
                + " host did not index them), then re-run: the package is published again");
    assertThat(pauses).hasSize(3);
    wm.verify(3, getRequestedFor(urlPathEqualTo(SITE + "/functions")));
    assertThat(listing.await(Set.of("get"), "orders.scm.host")).containsExactly("get");
  }
}
