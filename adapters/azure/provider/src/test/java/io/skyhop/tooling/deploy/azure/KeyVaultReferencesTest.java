package io.skyhop.tooling.deploy.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.pack.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyVaultReferencesTest {
  private static Manifest manifest(List<String> secrets) {
    Manifest.Function f = FlexAppTest.fn("get", 512, 0, Map.of("GREETING", "hi"));
    return new Manifest(
        "orders",
        "1.0",
        21,
        List.of(
            new Manifest.Function(
                f.name(), f.trigger(), 512, 10, 0, f.env(), f.targets(), secrets)));
  }

  @Test
  void declaredSecretsBecomeKeyVaultReferencesAndTheAppGetsAnIdentity() {
    Manifest m = manifest(List.of("db-password", "api-key"));
    Map<String, String> refs =
        KeyVaultReferences.of(m, "orders", Optional.of("prod"), Optional.of("orders-kv"));

    assertThat(refs)
        .containsExactly(
            Map.entry(
                "SKYHOP_SECRET_API_KEY",
                "@Microsoft.KeyVault(SecretUri=https://orders-kv.vault.azure.net/secrets/orders--prod--api-key/)"),
            Map.entry(
                "SKYHOP_SECRET_DB_PASSWORD",
                "@Microsoft.KeyVault(SecretUri=https://orders-kv.vault.azure.net/secrets/orders--prod--db-password/)"));
    FlexApp app = FlexApp.of(m).withSettings(refs);
    JsonObject site = app.site(FlexAppTest.azure(), io.skyhop.tooling.naming.Naming.of("orders"));
    assertThat(site.getAsJsonObject("identity").get("type").getAsString())
        .isEqualTo("SystemAssigned");
    JsonObject withoutIdentity = site.deepCopy();
    withoutIdentity.remove("identity");
    assertThat(app.matches(site, FlexAppTest.azure())).isTrue();
    assertThat(app.matches(withoutIdentity, FlexAppTest.azure())).isFalse();
    assertThat(app.settings(Map.of(), Map.of("AzureWebJobsStorage__accountName", "a"), "sha"))
        .containsEntry("GREETING", "hi")
        .containsEntry("SKYHOP_SECRET_DB_PASSWORD", refs.get("SKYHOP_SECRET_DB_PASSWORD"));
  }

  @Test
  void anAppWithoutSecretsNeedsNoVaultButStillGetsItsIdentityForStorage() {
    Manifest m = manifest(List.of());
    assertThat(KeyVaultReferences.of(m, "orders", Optional.empty(), Optional.empty())).isEmpty();
    assertThat(
            FlexApp.of(m)
                .site(FlexAppTest.azure(), io.skyhop.tooling.naming.Naming.of("orders"))
                .has("identity"))
        .as("the identity-based AzureWebJobsStorage connection needs it")
        .isTrue();
  }

  @Test
  void secretsWithoutAVaultFailNamingTheSetting() {
    assertThatThrownBy(
            () ->
                KeyVaultReferences.of(
                    manifest(List.of("db-password")), "orders", Optional.empty(), Optional.empty()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.azure.keyVault is not set, but function get declares secret 'db-password'."
                + " Fix: pass -Dskyhop.azure.keyVault=<the Key Vault's name> (a vault with Azure"
                + " RBAC permissions)");
  }
}
