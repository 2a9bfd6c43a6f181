package io.skyhop.tooling.report.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.azure.AzureDeployException;
import io.skyhop.tooling.deploy.azure.AzureManagement;
import io.skyhop.tooling.deploy.azure.AzureSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Forced cold starts on Azure against a WireMock stub of ARM and of the function app (plain HTTP, a
 * fixed bearer token in the pipeline): restarts, keys, timed requests and the host check.
 */
@Timeout(60)
class AzureColdStartsTest {
  static final String SITE =
      "/subscriptions/sub-1/resourceGroups/orders-rg/providers/Microsoft.Web/sites/orders";
  static final String MASTER = "master-key-never-printed";
  static final String INSTANCE = "instance";

  final WireMockServer wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
  final List<Long> pauses = new ArrayList<>();
  AzureManagement azure;

  @BeforeEach
  void start() {
    wm.start();
    AzureSettings settings =
        new AzureSettings(
            "sub-1", "orders-rg", "westeurope", wm.baseUrl(), "orders", "ordersstorage");
    azure =
        AzureManagement.over(
            settings,
            new HttpPipelineBuilder()
                .policies(
                    new AddHeadersPolicy(
                        new HttpHeaders().set(HttpHeaderName.AUTHORIZATION, "Bearer arm-token")))
                .build(),
            new BuildListener() {
              @Override
              public void info(String message) {}

              @Override
              public void warn(String message) {}
            });
    wm.stubFor(
        post(urlPathEqualTo(SITE + "/host/default/listkeys"))
            .willReturn(
                okJson(
                    "{\"masterKey\":\""
                        + MASTER
                        + "\",\"functionKeys\":{\"default\":\"host-fn-key\"},\"systemKeys\":{}}")));
    wm.stubFor(
        post(urlPathEqualTo(SITE + "/restart"))
            .inScenario(INSTANCE)
            .willReturn(aResponse().withStatus(200))
            .willSetStateTo("restarted"));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  /** The function: slow on the first request after a restart, fast afterwards. */
  void function(String method, int coldStatus) {
    var path = urlPathEqualTo("/api/orders/lab-1");
    var cold = "GET".equals(method) ? get(path) : post(path);
    var warm = "GET".equals(method) ? get(path) : post(path);
    wm.stubFor(
        cold.inScenario(INSTANCE)
            .whenScenarioStateIs("restarted")
            .willReturn(aResponse().withStatus(coldStatus).withFixedDelay(300))
            .willSetStateTo("warm"));
    wm.stubFor(
        warm.inScenario(INSTANCE)
            .whenScenarioStateIs("warm")
            .willReturn(aResponse().withStatus(200)));
  }

  void hostUptime(String state, long uptimeMs) {
    wm.stubFor(
        get(urlPathEqualTo("/admin/host/status"))
            .inScenario("host")
            .whenScenarioStateIs(state)
            .withHeader("x-functions-key", equalTo(MASTER))
            .willReturn(
                okJson(
                    "{\"id\":\"orders\",\"state\":\"Running\",\"version\":\"4.1040.300.1\","
                        + "\"instanceId\":\"71ca196e-638284226452794451\",\"processUptime\":"
                        + uptimeMs
                        + "}")));
  }

  AzureColdStarts.Call call(String method, Optional<String> key) {
    byte[] body = "POST".equals(method) ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0];
    return new AzureColdStarts.Call(
        URI.create(wm.baseUrl() + "/api/orders/lab-1"), method, body, key);
  }

  AzureColdStarts coldStarts() {
    return new AzureColdStarts(azure, pauses::add);
  }

  @Test
  void timesTheFirstRequestAfterEachRestartAndTheNextOne() throws Exception {
    function("GET", 200);
    hostUptime(Scenario.STARTED, 250);

    List<AzureColdStarts.Sample> samples = coldStarts().measure(call("GET", Optional.empty()), 2);

    assertThat(samples).hasSize(2);
    assertThat(samples)
        .allSatisfy(
            s -> {
              assertThat(s.coldMs()).isGreaterThanOrEqualTo(300);
              assertThat(s.warmMs()).isLessThan(300);
              assertThat(s.status()).isEqualTo(200);
              assertThat(s.hostUptimeMs()).isEqualTo(250);
              assertThat(s.restarts()).isEqualTo(1);
            });
    assertThat(wm.findAllUnmatchedRequests()).isEmpty();
    List<LoggedRequest> restarts = wm.findAll(postRequestedFor(urlPathEqualTo(SITE + "/restart")));
    assertThat(restarts).hasSize(2);
    assertThat(restarts)
        .allSatisfy(
            r -> {
              assertThat(r.getUrl())
                  .isEqualTo(
                      SITE + "/restart?api-version=2024-04-01&softRestart=false&synchronous=true");
              assertThat(r.getHeader("Authorization")).isEqualTo("Bearer arm-token");
            });
    wm.verify(
        4,
        getRequestedFor(urlPathEqualTo("/api/orders/lab-1"))
            .withHeader("x-functions-key", absent()));
    wm.verify(2, getRequestedFor(urlPathEqualTo("/admin/host/status")));
    wm.verify(1, postRequestedFor(urlPathEqualTo(SITE + "/host/default/listkeys")));
    assertThat(pauses).isEmpty();
  }

  @Test
  void sendsTheFunctionKeyAndTheBodyOfAFunctionLevelFunction() throws Exception {
    function("POST", 201);
    hostUptime(Scenario.STARTED, 250);

    List<AzureColdStarts.Sample> samples =
        coldStarts().measure(call("POST", Optional.of("fn-key")), 1);

    assertThat(samples.get(0).status()).isEqualTo(201);
    wm.verify(
        2,
        postRequestedFor(urlPathEqualTo("/api/orders/lab-1"))
            .withHeader("x-functions-key", equalTo("fn-key"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalTo("{}")));
  }

  @Test
  void aHostOlderThanTheRestartIsRestartedAgain() throws Exception {
    function("GET", 200);
    wm.stubFor(
        get(urlPathEqualTo("/admin/host/status"))
            .inScenario("host")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("{\"state\":\"Running\",\"processUptime\":3600000}"))
            .willSetStateTo("recycled"));
    hostUptime("recycled", 250);

    List<AzureColdStarts.Sample> samples = coldStarts().measure(call("GET", Optional.empty()), 1);

    assertThat(samples.get(0).restarts()).isEqualTo(2);
    assertThat(samples.get(0).hostUptimeMs()).isEqualTo(250);
    assertThat(pauses).containsExactly(10_000L);
    wm.verify(2, postRequestedFor(urlPathEqualTo(SITE + "/restart")));
  }

  @Test
  void noNewHostAfterThreeRestartsFailsNamingWhatWasSeen() {
    function("GET", 200);
    hostUptime(Scenario.STARTED, 3_600_000);

    assertThatThrownBy(() -> coldStarts().measure(call("GET", Optional.empty()), 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageMatching(
            "Restarting function app orders 3 times gave no cold start of "
                + java.util.regex.Pattern.quote(wm.baseUrl())
                + "/api/orders/lab-1 \\((first answer HTTP 200, host up 3600000 ms \\d+ ms after"
                + " the restart(; )?){3}\\): the request was served by a host that predates the"
                + " restart, or by the front end while the app restarted\\. Fix: set the app's"
                + " site update strategy to Recreate \\(az functionapp update-strategy config set"
                + " --type Recreate\\), then re-run");
    assertThat(pauses).containsExactly(10_000L, 10_000L);
    wm.verify(3, postRequestedFor(urlPathEqualTo(SITE + "/restart")));
  }

  @Test
  void aFrontEnd503WhileTheAppRestartsIsNoColdStart() throws Exception {
    function("GET", 503);
    hostUptime(Scenario.STARTED, 250);

    assertThatThrownBy(() -> coldStarts().measure(call("GET", Optional.empty()), 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("(first answer HTTP 503, host up 250 ms ");
  }

  @Test
  void aHostStatusWithoutTheMasterKeyFails() {
    function("GET", 200);
    wm.stubFor(get(urlPathEqualTo("/admin/host/status")).willReturn(aResponse().withStatus(401)));

    assertThatThrownBy(() -> coldStarts().measure(call("GET", Optional.empty()), 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "GET "
                + wm.baseUrl()
                + "/admin/host/status (the Functions host status, with the master key) answered"
                + " HTTP 401, so the restart of orders cannot be shown to have given a new host."
                + " Fix: check that the app runs Functions host v4 and that its admin endpoints"
                + " are not blocked, then re-run");
  }

  @Test
  void aFailedRestartFailsWithArmsError() {
    wm.stubFor(
        post(urlPathEqualTo(SITE + "/restart"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"The client"
                            + " may not perform action 'Microsoft.Web/sites/restart/action'.\"}}")));

    assertThatThrownBy(() -> coldStarts().measure(call("GET", Optional.empty()), 1))
        .isInstanceOf(AzureDeployException.class)
        .hasMessage(
            "POST restart of function app orders failed with HTTP 403 AuthorizationFailed: The"
                + " client may not perform action 'Microsoft.Web/sites/restart/action'. Fix: give"
                + " the identity the Contributor role on the subscription or resource group");
  }

  @Test
  void readsFunctionKeysFlatAsAzureAnswersOrUnderPropertiesAsSpecified() {
    wm.stubFor(
        post(urlPathEqualTo(SITE + "/functions/create-order/listkeys"))
            .withQueryParam("api-version", equalTo("2024-04-01"))
            .willReturn(okJson("{\"ci\":\"second\",\"default\":\"flat-default\"}")));
    wm.stubFor(
        post(urlPathEqualTo(SITE + "/functions/get/listkeys"))
            .willReturn(
                okJson(
                    "{\"id\":\"x\",\"name\":\"get\",\"properties\":{\"only\":\"nested-only\"}}")));

    assertThat(azure.functionKey("create-order")).isEqualTo("flat-default");
    assertThat(azure.functionKey("get")).isEqualTo("nested-only");
  }

  @Test
  void aFunctionWithoutKeysFailsNamingTheCommandThatCreatesOne() {
    wm.stubFor(post(urlPathEqualTo(SITE + "/functions/get/listkeys")).willReturn(okJson("{}")));

    assertThatThrownBy(() -> azure.functionKey("get"))
        .isInstanceOf(AzureDeployException.class)
        .hasMessage(
            "Function get of orders has no function key. Fix: az functionapp function keys set -g"
                + " orders-rg -n orders --function-name get --key-name default, then re-run");
  }
}
