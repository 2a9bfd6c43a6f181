package io.skyhop.tooling.deploy.azure;

import io.skyhop.core.Secrets;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.secret.SecretNames;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The app settings that bind the app's declared secrets to Azure Key Vault: {@code
 * SKYHOP_SECRET_<NAME> = @Microsoft.KeyVault(SecretUri=https://<vault>.vault.azure.net/secrets/
 * <app>--<stage>--<name>/)}. App Service resolves each reference under the app's system-assigned
 * managed identity; the settings carry references, never values.
 */
final class KeyVaultReferences {
  /** The property naming the vault. */
  static final String VAULT = "skyhop.azure.keyVault";

  /** How every reference starts. */
  static final String PREFIX = "@Microsoft.KeyVault(";

  private KeyVaultReferences() {}

  /**
   * The reference settings, empty when no function declares a secret.
   *
   * @throws ConfigurationException naming {@value #VAULT} when secrets are declared without a vault
   */
  static Map<String, String> of(
      Manifest manifest, String app, Optional<String> stage, Optional<String> vault) {
    Map<String, String> settings = new TreeMap<>();
    for (Manifest.Function f : manifest.functions()) {
      for (String name : f.secrets()) {
        String v =
            vault.orElseThrow(
                () ->
                    new ConfigurationException(
                        VAULT,
                        VAULT
                            + " is not set, but function "
                            + f.name()
                            + " declares secret '"
                            + name
                            + "'. Fix: pass -D"
                            + VAULT
                            + "=<the Key Vault's name> (a vault with Azure RBAC permissions)"));
        settings.put(
            Secrets.envKey(name),
            PREFIX
                + "SecretUri=https://"
                + v
                + ".vault.azure.net/secrets/"
                + SecretNames.azure(app, stage, name)
                + "/)");
      }
    }
    return settings;
  }
}
