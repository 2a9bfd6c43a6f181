package io.skyhop.tooling.deploy.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.secret.SecretStubs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One app at {@code dev} and {@code prod} (fixtures under {@code deploy/stages}): after {@code
 * skyhop:secret} stored a value in Key Vault, each stage's app settings carry its own values and
 * Key Vault references to its own secrets, and the stage's identity is granted exactly those two
 * secrets; the value is in no request but {@code setSecret}, and in no setting.
 */
class AzureStagesTest extends AzureVaultStubs {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void eachStageReferencesAndIsGrantedExactlyItsSecrets(String stage) throws Exception {
    SecretStubs.stageManifest(stage, dir);
    Manifest manifest = ManifestFile.read(dir);
    String principal = stage.equals("dev") ? PRINCIPAL : "5e0c1b2a-9d8e-4f7a-8b6c-3d2e1f0a9b8c";
    JsonObject stageSite = site.deepCopy();
    stageSite.getAsJsonObject("identity").addProperty("principalId", principal);
    wm.stubFor(
        get(urlPathEqualTo(ASSIGNMENTS))
            .withQueryParam("$filter", equalTo("principalId eq '" + principal + "'"))
            .atPriority(1)
            .willReturn(okJson("{\"value\":[]}")));
    wm.stubFor(
        get(urlPathMatching(VAULT + "/secrets/orders--" + stage + "--(db-password|api-key)"))
            .willReturn(json("secret.json")));
    wm.stubFor(
        put(urlPathMatching("/secrets/orders--" + stage + "--db-password"))
            .willReturn(
                okJson(
                    "{\"id\":\"https://team-vault.vault.azure.net/secrets/orders--"
                        + stage
                        + "--db-password/4387e9f3d6e14c459867679a90fd0f79\",\"attributes\":{\"enabled\":true}}")));
    DeployRequest request =
        SecretStubs.request(
            Target.named("azure"),
            dir,
            Map.of(
                AzureSettings.SUBSCRIPTION,
                "sub-1",
                AzureSettings.RESOURCE_GROUP,
                "apps",
                AzureSettings.REGION,
                "westeurope",
                KeyVaultReferences.VAULT,
                "team-vault",
                "skyhop.stage",
                stage));

    vaultStore().put(request, "db-password", SecretStubs.value(), stubsListener());
    Map<String, String> settings =
        FlexApp.of(manifest)
            .withSettings(
                KeyVaultReferences.of(
                    manifest, "orders", Optional.of(stage), Optional.of("team-vault")))
            .settings(Map.of(), Map.of("AzureWebJobsStorage__accountName", "a"), "sha");
    List<String> granted =
        grants(false)
            .ensure(
                stageSite,
                AzureSecretGrants.names(manifest, "orders", Optional.of(stage)),
                "team-vault");

    assertThat(settings)
        .containsEntry("GREETING", "hello-" + stage)
        .containsEntry("POOL_SIZE", stage.equals("dev") ? "2" : "16")
        .containsEntry(
            "SKYHOP_SECRET_DB_PASSWORD",
            "@Microsoft.KeyVault(SecretUri=https://team-vault.vault.azure.net/secrets/orders--"
                + stage
                + "--db-password/)")
        .containsEntry(
            "SKYHOP_SECRET_API_KEY",
            "@Microsoft.KeyVault(SecretUri=https://team-vault.vault.azure.net/secrets/orders--"
                + stage
                + "--api-key/)");
    assertThat(settings.toString()).doesNotContain(SecretStubs.VALUE);
    assertThat(wm.findAll(putRequestedFor(urlPathMatching(".*/roleAssignments/.*"))))
        .extracting(r -> r.getUrl().replaceFirst("/providers/Microsoft.Authorization/.*", ""))
        .containsExactlyInAnyOrder(
            VAULT + "/secrets/orders--" + stage + "--db-password",
            VAULT + "/secrets/orders--" + stage + "--api-key");
    assertThat(granted).allSatisfy(g -> assertThat(g).endsWith(" -> " + principal));
    for (var event : wm.getAllServeEvents()) {
      LoggedRequest r = event.getRequest();
      if (!r.getUrl().startsWith("/secrets/")) {
        assertThat(r.getBodyAsString()).as(r.getUrl()).doesNotContain(SecretStubs.VALUE);
      }
    }
    assertThat(String.join("\n", log) + granted).doesNotContain(SecretStubs.VALUE);
  }

  private io.skyhop.tooling.BuildListener stubsListener() {
    return io.skyhop.tooling.BuildListener.collecting(log);
  }

  private AzureSecretStore vaultStore() {
    String stub = wm.baseUrl();
    HttpPipelineSyncPolicy toStub =
        new HttpPipelineSyncPolicy() {
          @Override
          protected void beforeSendingRequest(HttpPipelineCallContext context) {
            var request = context.getHttpRequest();
            request.setUrl(stub + request.getUrl().getPath() + "?" + request.getUrl().getQuery());
          }
        };
    return new AzureSecretStore(
        () -> {
          throw new AssertionError("no credential with a test pipeline");
        },
        Optional.of(new HttpPipelineBuilder().policies(toStub).build()));
  }
}
