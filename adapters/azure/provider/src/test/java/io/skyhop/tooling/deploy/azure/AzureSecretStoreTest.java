package io.skyhop.tooling.deploy.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.secret.SecretStubs;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * skyhop:secret on Azure through the Key Vault SDK against a stub of the vault's data plane
 * (azure-rest-api-specs keyvault data-plane secrets, SetSecret); the SDK's pipeline is sent to the
 * stub by a policy that replaces {@code https://team-vault.vault.azure.net}.
 */
class AzureSecretStoreTest {
  final SecretStubs stubs = new SecretStubs();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    stubs.close();
  }

  DeployRequest request() {
    return SecretStubs.request(
        Target.named("azure"),
        dir,
        Map.of(
            AzureSettings.SUBSCRIPTION, "sub-1",
            AzureSettings.RESOURCE_GROUP, "apps",
            AzureSettings.REGION, "westeurope",
            KeyVaultReferences.VAULT, "team-vault"));
  }

  AzureSecretStore store() {
    URI stub = URI.create(stubs.wm.baseUrl());
    HttpPipelineSyncPolicy toStub =
        new HttpPipelineSyncPolicy() {
          @Override
          protected void beforeSendingRequest(HttpPipelineCallContext context) {
            var request = context.getHttpRequest();
            assertThat(request.getUrl().getHost()).isEqualTo("team-vault.vault.azure.net");
            request.setUrl(stub + request.getUrl().getPath() + "?" + request.getUrl().getQuery());
          }
        };
    return new AzureSecretStore(
        () -> {
          throw new AssertionError("no credential with a test pipeline");
        },
        Optional.of(new HttpPipelineBuilder().policies(toStub).build()));
  }

  @Test
  void setSecretStoresANewVersionTaggedWithAppAndStage() throws Exception {
    stubs.wm.stubFor(
        put(urlPathEqualTo("/secrets/orders--dev--db-password"))
            .willReturn(SecretStubs.json("azure-set-secret.json")));

    String where = store().put(request(), "db-password", SecretStubs.value(), stubs.listener());

    assertThat(where)
        .isEqualTo(
            "Azure Key Vault as https://team-vault.vault.azure.net/secrets/orders--dev--db-password"
                + "/4387e9f3d6e14c459867679a90fd0f79");
    // the stub echoes the value as Key Vault does: only the answer's id is shown
    LoggedRequest set = stubs.wm.getAllServeEvents().get(0).getRequest();
    assertThat(set.queryParameter("api-version").isPresent()).isTrue();
    JsonObject body = JsonParser.parseString(set.getBodyAsString()).getAsJsonObject();
    assertThat(body.get("value").getAsString()).isEqualTo(SecretStubs.VALUE);
    assertThat(body.getAsJsonObject("tags").toString())
        .isEqualTo("{\"skyhop-app\":\"orders\",\"skyhop-stage\":\"dev\"}");
    assertThat(stubs.wm.getAllServeEvents()).hasSize(1);
    assertThat(String.join("\n", stubs.log) + where).doesNotContain(SecretStubs.VALUE);
  }

  @Test
  void aRefusalNamesTheRoleToGrantAndNeverTheValue() {
    stubs.wm.stubFor(
        put(urlPathEqualTo("/secrets/orders--dev--db-password"))
            .willReturn(SecretStubs.json("azure-forbidden.json").withStatus(403)));

    assertThatThrownBy(
            () -> store().put(request(), "db-password", SecretStubs.value(), stubs.listener()))
        .isInstanceOf(AzureDeployException.class)
        .hasMessage(
            "Key Vault SetSecret orders--dev--db-password in team-vault failed with HTTP 403. Fix:"
                + " give the identity running Maven the role 'Key Vault Secrets Officer' on key"
                + " vault team-vault (the vault must use Azure RBAC), then run skyhop:secret again");
  }
}
