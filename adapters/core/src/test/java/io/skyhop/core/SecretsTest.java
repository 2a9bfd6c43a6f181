package io.skyhop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.api.Context;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
  private static Context context(List<String> declared, Map<String, String> env) {
    return InvocationContext.of(
        "req-1",
        "get-order",
        "gcp",
        Long.MAX_VALUE,
        message -> {},
        env,
        new Secrets("get-order", declared, new EnvSecrets(env, "gcp", "Google Secret Manager")));
  }

  @Test
  void aDeclaredSecretIsReadFromItsEnvironmentVariable() {
    Context context =
        context(List.of("db-password"), Map.of("SKYHOP_SECRET_DB_PASSWORD", "s3cr3t-value"));

    assertThat(context.secret("db-password")).isEqualTo("s3cr3t-value");
  }

  @Test
  void anUndeclaredSecretIsRefusedEvenWhenItsValueIsThere() {
    Context context =
        context(
            List.of("db-password"),
            Map.of("SKYHOP_SECRET_DB_PASSWORD", "a", "SKYHOP_SECRET_API_KEY", "b"));

    assertThatThrownBy(() -> context.secret("api-key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Function 'get-order' reads secret 'api-key' but does not declare it (it declares"
                + " [db-password]). Fix: add \"api-key\" to @Function(secrets = {...}) on the"
                + " function, then package and deploy again");
  }

  @Test
  void aDeclaredSecretWithoutValueNamesTheStoreAndTheCommand() {
    Context context = context(List.of("db-password"), Map.of("SKYHOP_STAGE", "prod"));

    assertThatThrownBy(() -> context.secret("db-password"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Secret 'db-password' of function 'get-order' has no value in Google Secret Manager"
                + " (environment variable SKYHOP_SECRET_DB_PASSWORD is unset or unresolved). Fix:"
                + " set it with 'mvn skyhop:secret -Dskyhop.secret=db-password -Dskyhop.target=gcp"
                + " -Dskyhop.stage=prod' (value on standard input), then deploy again");
  }

  @Test
  void anUnresolvedKeyVaultReferenceIsNoValue() {
    Context context =
        context(
            List.of("db-password"),
            Map.of(
                "SKYHOP_SECRET_DB_PASSWORD",
                "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/db-password)"));

    assertThatThrownBy(() -> context.secret("db-password"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aContextWithoutSecretStoreSaysSo() {
    Context context =
        InvocationContext.of("req-1", "get-order", "test", Long.MAX_VALUE, m -> {}, Map.of());

    assertThatThrownBy(() -> context.secret("db-password"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Function 'get-order' reads secret 'db-password' but does not declare it. Fix: add"
                + " \"db-password\" to @Function(secrets = {...}) on the function, then package"
                + " and deploy again");
  }

  @Test
  void namesMapToEnvironmentKeys() {
    assertThat(Secrets.envKey("db-password")).isEqualTo("SKYHOP_SECRET_DB_PASSWORD");
  }
}
