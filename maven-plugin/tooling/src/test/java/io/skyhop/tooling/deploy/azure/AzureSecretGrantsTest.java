package io.skyhop.tooling.deploy.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpPipelineBuilder;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Key Vault Secrets User granted to the app's identity on exactly its declared secrets, against ARM
 * stubs shaped from azure-rest-api-specs (Microsoft.Authorization roleAssignments 2022-04-01,
 * Microsoft.KeyVault vaults and secrets 2023-07-01).
 */
class AzureSecretGrantsTest {
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
            new Backoff(Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> {}),
            BuildListener.collecting(log));
    Arm arm = new Arm(http, wm.baseUrl(), new Polling(Duration.ZERO, Duration.ZERO, d -> {}));
    return new AzureSecretGrants(arm, azure, dry, BuildListener.collecting(log));
  }

  @Test
  void eachDeclaredSecretGetsOneAssignmentScopedToItAndAnUndeclaredOneIsRevoked() {
    List<String> granted = grants(false).ensure(site, SECRETS, "team-vault");

    List<LoggedRequest> puts =
        wm.findAll(putRequestedFor(urlPathMatching(".*/roleAssignments/.*")));
    assertThat(puts)
        .extracting(r -> r.getUrl().replaceFirst("/providers/Microsoft.Authorization/.*", ""))
        .containsExactlyInAnyOrder(
            VAULT + "/secrets/orders--dev--db-password", VAULT + "/secrets/orders--dev--api-key");
    for (LoggedRequest r : puts) {
      assertThat(r.queryParameter("api-version").firstValue()).isEqualTo("2022-04-01");
      assertThat(JsonParser.parseString(r.getBodyAsString()))
          .isEqualTo(
              JsonParser.parseString(
                  "{\"properties\":{\"roleDefinitionId\":\"/subscriptions/sub-1/providers/"
                      + "Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6\","
                      + "\"principalId\":\""
                      + PRINCIPAL
                      + "\",\"principalType\":\"ServicePrincipal\"}}"));
    }
    wm.verify(
        1,
        deleteRequestedFor(
            urlPathEqualTo(
                VAULT
                    + "/secrets/orders--dev--old-token/providers/Microsoft.Authorization/"
                    + "roleAssignments/0f6c8e1a-5d2b-4c1e-8f0a-9b8c7d6e5f40")));
    wm.verify(1, deleteRequestedFor(anyUrl()));
    assertThat(granted)
        .containsExactlyInAnyOrder(
            VAULT + "/secrets/orders--dev--db-password -> " + PRINCIPAL,
            VAULT + "/secrets/orders--dev--api-key -> " + PRINCIPAL);
    assertThat(log)
        .contains(
            "granted   grant     Key Vault Secrets User on orders--dev--api-key",
            "revoked   grant     Key Vault Secrets User on orders--dev--old-token");
  }

  @Test
  void aRerunFindsTheAssignmentsAndWritesNothing() {
    grants(false).ensure(site, Set.of("orders--dev--old-token"), "team-vault");

    wm.verify(0, putRequestedFor(anyUrl()));
    wm.verify(0, deleteRequestedFor(anyUrl()));
    assertThat(log)
        .contains("unchanged grant     Key Vault Secrets User on orders--dev--old-token");
  }

  @Test
  void aRefusedAssignmentNamesTheMissingPermissionAndTheFix() {
    wm.stubFor(
        put(urlPathMatching(".*/roleAssignments/.*"))
            .willReturn(json("authorization-failed.json").withStatus(403)));

    assertThatThrownBy(
            () -> grants(false).ensure(site, Set.of("orders--dev--db-password"), "team-vault"))
        .isInstanceOf(AzureDeployException.class)
        .hasMessageStartingWith(
            "PUT role assignment on secret orders--dev--db-password failed with HTTP 403"
                + " AuthorizationFailed: The client 'deployer@example.com' with object id")
        .hasMessageEndingWith(
            "/vaults/team-vault/secrets/orders--…. Fix: the deploying"
                + " identity needs Microsoft.Authorization/roleAssignments/write on the vault: give"
                + " it 'Role Based Access Control Administrator' (or 'User Access Administrator')"
                + " on key vault team-vault, or have an administrator run 'az role assignment"
                + " create --role \"Key Vault Secrets User\" --assignee-object-id "
                + PRINCIPAL
                + " --assignee-principal-type ServicePrincipal --scope "
                + VAULT
                + "/secrets/orders--dev--db-password', then re-run");
  }

  @Test
  void aDeclaredSecretMissingFromTheVaultFailsWithTheCommandThatSetsIt() {
    assertThatThrownBy(
            () -> grants(false).ensure(site, Set.of("orders--dev--smtp-password"), "team-vault"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Key vault team-vault has no secret orders--dev--smtp-password. Fix: set it with 'mvn"
                + " skyhop:secret -Dskyhop.target=azure -Dskyhop.secret=smtp-password' (value on"
                + " standard input, same skyhop.stage), then deploy again");
    wm.verify(0, putRequestedFor(anyUrl()));
  }

  @Test
  void aVaultWithAccessPoliciesIsRefusedWithTheSwitch() {
    assertThatThrownBy(() -> grants(false).ensure(site, SECRETS, "old-vault"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(
            "uses vault access policies, so a role assignment would not let the app read its"
                + " secrets. Fix: switch the vault to the Azure RBAC permission model ('az keyvault"
                + " update --name old-vault --enable-rbac-authorization true')");
  }

  @Test
  void aDryRunWritesNothing() {
    grants(true).ensure(site, SECRETS, "team-vault");

    wm.verify(0, putRequestedFor(anyUrl()));
    wm.verify(0, deleteRequestedFor(anyUrl()));
    assertThat(log)
        .contains("[dry run] grant     grant     Key Vault Secrets User on orders--dev--api-key");
  }

  @Test
  void removeDeletesEveryAssignmentOfTheRoleHeldByTheIdentity() {
    grants(false).revokeAll(site);

    wm.verify(1, deleteRequestedFor(anyUrl()));
    wm.verify(1, deleteRequestedFor(urlPathMatching(".*/orders--dev--old-token/providers/.*")));
  }
}
