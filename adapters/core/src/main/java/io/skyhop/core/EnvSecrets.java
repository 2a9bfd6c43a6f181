package io.skyhop.core;

import java.util.Map;

/**
 * Secrets the platform resolved into the function's environment as {@code SKYHOP_SECRET_<NAME>}:
 * Azure Key Vault references, Google Secret Manager secret environment variables, Kubernetes {@code
 * secretKeyRef}.
 */
public final class EnvSecrets implements SecretSource {
  /** Set by deploy when the function runs in a stage; names it in the set command. */
  public static final String STAGE_ENV = "SKYHOP_STAGE";

  private static final String UNRESOLVED_KEY_VAULT = "@Microsoft.KeyVault(";

  private final Map<String, String> env;
  private final String target;
  private final String storeName;

  /**
   * Secrets from {@code env}.
   *
   * @param target the target id named in the set command
   * @param storeName the provider's store, e.g. {@code Google Secret Manager}
   */
  public EnvSecrets(Map<String, String> env, String target, String storeName) {
    this.env = env;
    this.target = target;
    this.storeName = storeName;
  }

  @Override
  public String value(String name) {
    String value = env.get(Secrets.envKey(name));
    // App Service leaves a Key Vault reference it could not resolve in place: that is no value
    return value == null || value.startsWith(UNRESOLVED_KEY_VAULT) ? null : value;
  }

  @Override
  public String store(String name) {
    return storeName
        + " (environment variable "
        + Secrets.envKey(name)
        + " is unset or unresolved)";
  }

  @Override
  public String howToSet(String name) {
    String stage = env.get(STAGE_ENV);
    return SecretSource.withMaven(
        name,
        " -Dskyhop.target="
            + target
            + (stage == null || stage.isEmpty() ? "" : " -Dskyhop.stage=" + stage));
  }
}
