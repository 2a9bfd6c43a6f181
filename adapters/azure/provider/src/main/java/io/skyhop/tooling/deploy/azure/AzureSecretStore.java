package io.skyhop.tooling.deploy.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpPipeline;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import com.azure.security.keyvault.secrets.models.SecretProperties;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.azure.AzureNames;
import io.skyhop.tooling.secret.SecretNames;
import io.skyhop.tooling.secret.SecretStore;
import io.skyhop.tooling.secret.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code skyhop:secret} on Azure: Key Vault {@code setSecret} of {@code <app>--<stage>--<name>} in
 * the vault {@value KeyVaultReferences#VAULT} names, through the Key Vault SDK (a new version; the
 * secret is created on first use, tagged with app and stage). The app's Key Vault references name
 * the secret without a version, so App Service picks the new value up on its next refresh. Needs
 * the data-plane role {@code Key Vault Secrets Officer} on the vault for the deploying identity.
 */
public final class AzureSecretStore implements SecretStore {
  private final Supplier<TokenCredential> credentials;
  private final Optional<HttpPipeline> pipeline;

  /** A store using {@code DefaultAzureCredential}. */
  public AzureSecretStore() {
    this(() -> AzureCredentials.defaultChain(System::getenv), Optional.empty());
  }

  /** A store sending through {@code pipeline} when given (tests), else the credential's. */
  AzureSecretStore(Supplier<TokenCredential> credentials, Optional<HttpPipeline> pipeline) {
    this.credentials = credentials;
    this.pipeline = pipeline;
  }

  @Override
  public String put(DeployRequest request, String name, SecretValue value, BuildListener listener) {
    String vault =
        request
            .settings()
            .get(KeyVaultReferences.VAULT)
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        KeyVaultReferences.VAULT,
                        KeyVaultReferences.VAULT
                            + " is not set. Fix: pass -D"
                            + KeyVaultReferences.VAULT
                            + "=<the Key Vault's name>, the vault deploy references"));
    String id = SecretNames.azure(request.app(), request.settings().get(Naming.STAGE), name);
    SecretClientBuilder builder = new SecretClientBuilder().vaultUrl(vaultUrl(vault));
    if (pipeline.isPresent()) {
      builder.pipeline(pipeline.get());
    } else {
      builder.credential(credentials.get());
    }
    SecretClient client = builder.buildClient();
    SecretProperties properties =
        new SecretProperties().setTags(AzureNames.of(request.naming()).tags());
    KeyVaultSecret stored;
    try {
      stored =
          client.setSecret(
              new KeyVaultSecret(id, new String(value.bytes(), StandardCharsets.UTF_8))
                  .setProperties(properties));
    } catch (com.azure.core.exception.HttpResponseException e) {
      int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
      throw new AzureDeployException(
          "Key Vault SetSecret " + id,
          status,
          "",
          "Key Vault SetSecret "
              + id
              + " in "
              + vault
              + " failed with HTTP "
              + status
              + (status == 403
                  ? ". Fix: give the identity running Maven the role 'Key Vault Secrets Officer' on"
                      + " key vault "
                      + vault
                      + " (the vault must use Azure RBAC), then run skyhop:secret again"
                  : ". Fix: check "
                      + KeyVaultReferences.VAULT
                      + " and the credentials, then re-run"),
          null);
    }
    return "Azure Key Vault as " + stored.getProperties().getId();
  }

  /** The vault's data-plane URL, as the app's Key Vault references name it. */
  static String vaultUrl(String vault) {
    return "https://" + vault + ".vault.azure.net";
  }
}
