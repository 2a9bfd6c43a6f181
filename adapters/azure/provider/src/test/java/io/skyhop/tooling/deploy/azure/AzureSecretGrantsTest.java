package io.skyhop.tooling.deploy.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonParser;
import io.skyhop.tooling.ConfigurationException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Key Vault Secrets User granted to the app's identity on exactly its declared secrets, against the
 * ARM stubs of {@link AzureVaultStubs}.
 */
class AzureSecretGrantsTest extends AzureVaultStubs {
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
