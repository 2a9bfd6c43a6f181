package io.skyhop.tooling.deploy.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineBuilder;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.retry.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 409 "in progress" waited out with a bounded backoff; other errors surface at once. */
@Timeout(60)
class AzureHttpTest {
  static final String PATH =
      "/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/orders";
  static final String SITE_BUSY =
      "{\"Code\":\"Conflict\",\"Message\":\"Cannot modify this site because another operation is"
          + " in progress. Details: Id: 1f6c, OperationName: Update, CreatedTime: 11/26/2026"
          + " 10:00:01 AM, RequestId: 9d2e, EntityType: 3\",\"Target\":null,\"Details\":["
          + "{\"Message\":\"Cannot modify this site because another operation is in progress.\"},"
          + "{\"Code\":\"Conflict\"}],\"Innererror\":null}";
  static final String KUDU_BUSY =
      "There is a deployment currently in progress. Please try again when it completes.";

  final WireMockServer wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
  final List<Duration> pauses = new ArrayList<>();
  final List<String> log = new ArrayList<>();
  AzureHttp http;

  @BeforeEach
  void start() {
    wm.start();
    RetryPolicy backoff =
        RetryPolicy.forTime(
            Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(10), pauses::add);
    http =
        new AzureHttp(
            new HttpPipelineBuilder().build(),
            backoff,
            new BuildListener() {
              @Override
              public void info(String message) {
                log.add(message);
              }

              @Override
              public void warn(String message) {
                log.add("WARN " + message);
              }
            });
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  AzureHttp.Response putSettings() {
    return http.send(
        "PUT app settings",
        HttpMethod.PUT,
        wm.baseUrl() + PATH + "/config/appsettings?api-version=2024-04-01",
        "{\"properties\":{}}".getBytes(StandardCharsets.UTF_8),
        "application/json");
  }

  @Test
  void aConflictWhileAnotherOperationRunsIsWaitedOutAndRetried() {
    wm.stubFor(
        put(urlPathEqualTo(PATH + "/config/appsettings"))
            .inScenario("busy")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(409).withBody(SITE_BUSY))
            .willSetStateTo("cleared"));
    wm.stubFor(
        put(urlPathEqualTo(PATH + "/config/appsettings"))
            .inScenario("busy")
            .whenScenarioStateIs("cleared")
            .willReturn(aResponse().withStatus(200).withBody("{\"properties\":{}}")));

    AzureHttp.Response r = putSettings();

    assertThat(r.status()).isEqualTo(200);
    wm.verify(2, putRequestedFor(urlPathEqualTo(PATH + "/config/appsettings")));
    assertThat(pauses).containsExactly(Duration.ofSeconds(1));
    assertThat(log)
        .containsExactly(
            "PUT app settings answered HTTP 409 Conflict: Cannot modify this site because another"
                + " operation is in progress. Details: Id: 1f6c, OperationName: Update,"
                + " CreatedTime: 11/26/2026 10:00:01 AM, RequestId: 9d2e, EntityType: 3; waiting"
                + " 1000 ms, then retrying");
  }

  @Test
  void aConflictThatNeverClearsFailsNamingTheCallAndTheFix() {
    wm.stubFor(
        put(urlPathEqualTo(PATH + "/config/appsettings"))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "text/plain; charset=utf-8")
                    .withBody(KUDU_BUSY)));

    assertThatThrownBy(this::putSettings)
        .isInstanceOf(AzureDeployException.class)
        .hasMessage(
            "PUT app settings still answered HTTP 409 after waiting 11 s: There is a deployment"
                + " currently in progress. Please try again when it completes. Fix: another deployment"
                + " or operation holds the resource; let it finish or stop it (the resource's"
                + " Activity log in the Azure portal shows it, Kudu's /api/deployments/latest a"
                + " running deployment), then re-run")
        .satisfies(e -> assertThat(((AzureDeployException) e).status()).isEqualTo(409));
    // 1 + 2 + 4 + 4 = 11 s > 10 s budget: doubling, capped at the maximum, bounded
    assertThat(pauses)
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(4));
    wm.verify(5, putRequestedFor(urlPathEqualTo(PATH + "/config/appsettings")));
  }

  @Test
  void aConflictThatWaitingDoesNotCureFailsAtOnceNamingTheSetting() {
    wm.stubFor(
        put(urlPathEqualTo(PATH + "/config/appsettings"))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withBody(
                        "{\"error\":{\"code\":\"StorageAccountAlreadyTaken\",\"message\":\"The"
                            + " storage account named ordersstore is already taken.\"}}")));

    AzureHttp.Response r = putSettings();

    assertThat(pauses).isEmpty();
    assertThatThrownBy(() -> AzureHttp.check("PUT storage account ordersstore", r))
        .isInstanceOf(AzureDeployException.class)
        .hasMessage(
            "PUT storage account ordersstore failed with HTTP 409 StorageAccountAlreadyTaken: The"
                + " storage account named ordersstore is already taken. Fix: storage account names"
                + " are global; set skyhop.azure.storageAccount to an unused name, then re-run");
  }
}
