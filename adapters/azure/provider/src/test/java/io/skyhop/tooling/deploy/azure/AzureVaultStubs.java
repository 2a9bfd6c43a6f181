package io.skyhop.tooling.deploy.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.azure.core.http.HttpPipelineBuilder;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.retry.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * ARM and Key Vault stubs for the secret grants' tests, shaped from azure-rest-api-specs
 * (Microsoft.Authorization roleAssignments 2022-04-01, Microsoft.KeyVault vaults and secrets
 * 2023-07-01).
 */
abstract class AzureVaultStubs {
  static final Path ROOT = Path.of("src/test/resources/deploy/azure/secrets");
  static final String VAULT =
      "/subscriptions/sub-1/resourceGroups/shared/providers/Microsoft.KeyVault/vaults/team-vault";
  static final String ASSIGNMENTS =
      "/subscriptions/sub-1/providers/Microsoft.Authorization/roleAssignments";
  static final String PRINCIPAL = "7f3d2a10-1c2b-4e5f-9a8b-0c1d2e3f4a5b";
  static final Set<String> SECRETS = Set.of("orders--dev--db-password", "orders--dev--api-key");

  final WireMockServer wm =
      new WireMockServer(
          options()
              .bindAddress("127.0.0.1")
              .dynamicPort()
              .usingFilesUnderDirectory(ROOT.toString())
              .globalTemplating(true));
  final List<String> log = new ArrayList<>();
  JsonObject site;
  AzureSettings azure;

  @BeforeEach
  void start() throws Exception {
    wm.start();
    site = JsonParser.parseString(Files.readString(ROOT.resolve("site.json"))).getAsJsonObject();
    azure =
        AzureSettings.of(
            new Settings(
                Map.of(
                    AzureSettings.SUBSCRIPTION,
                    "sub-1",
                    AzureSettings.RESOURCE_GROUP,
                    "apps",
                    AzureSettings.REGION,
                    "westeurope",
                    "skyhop.stage",
                    "dev")),
            "orders");
    wm.stubFor(get(anyUrl()).atPriority(9).willReturn(json("not-found.json").withStatus(404)));
    wm.stubFor(
        get(urlPathEqualTo("/subscriptions/sub-1/providers/Microsoft.KeyVault/vaults"))
            .withQueryParam("api-version", equalTo("2023-07-01"))
            .willReturn(json("vaults.json")));
    wm.stubFor(
        get(urlPathMatching(VAULT + "/secrets/orders--dev--(db-password|api-key|old-token)"))
            .willReturn(json("secret.json")));
    wm.stubFor(
        get(urlPathEqualTo(ASSIGNMENTS))
            .withQueryParam("api-version", equalTo("2022-04-01"))
            .withQueryParam("$filter", equalTo("principalId eq '" + PRINCIPAL + "'"))
            .willReturn(json("role-assignments.json")));
    wm.stubFor(
        put(urlPathMatching(".*/providers/Microsoft.Authorization/roleAssignments/[-0-9a-f]{36}"))
            .willReturn(json("role-assignment-created.json").withStatus(201)));
    wm.stubFor(
        delete(urlPathMatching(".*/providers/Microsoft.Authorization/roleAssignments/.*"))
            .willReturn(aResponse().withStatus(200)));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  static ResponseDefinitionBuilder json(String file) {
    return aResponse().withHeader("Content-Type", "application/json").withBodyFile(file);
  }

  AzureSecretGrants grants(boolean dry) {
    AzureHttp http =
        new AzureHttp(
            new HttpPipelineBuilder().build(),
            RetryPolicy.forTime(Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> {}),
            BuildListener.collecting(log));
    Arm arm = new Arm(http, wm.baseUrl(), new Polling(Duration.ZERO, Duration.ZERO, d -> {}));
    return new AzureSecretGrants(arm, azure, dry, BuildListener.collecting(log));
  }
}
