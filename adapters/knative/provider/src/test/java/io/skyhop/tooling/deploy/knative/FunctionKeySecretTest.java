package io.skyhop.tooling.deploy.knative;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Secret of the function keys as deploy writes it: new keys added, existing ones kept. */
class FunctionKeySecretTest {
  @Test
  @SuppressWarnings("unchecked")
  void aNewSecretHoldsA32ByteBase64UrlKeyPerFunctionLabelledForRemove() {
    Map<String, Object> secret =
        FunctionKeySecret.desired("shop", Map.of(), List.of("admin", "audit"), new SecureRandom());

    assertThat(secret)
        .containsEntry("apiVersion", "v1")
        .containsEntry("kind", "Secret")
        .containsEntry("type", "Opaque")
        .containsEntry(
            "metadata",
            Map.of(
                "name",
                "shop-function-keys",
                "labels",
                Map.of("skyhop.io/app", "shop", "app.kubernetes.io/managed-by", "skyhop")));
    Map<String, String> data = (Map<String, String>) secret.get("data");
    assertThat(data).containsOnlyKeys("admin", "audit");
    for (String value : data.values()) {
      String key = new String(Base64.getDecoder().decode(value), StandardCharsets.US_ASCII);
      assertThat(key).matches("[A-Za-z0-9_-]{43}");
      assertThat(Base64.getUrlDecoder().decode(key)).hasSize(32);
    }
    assertThat(data.get("admin")).isNotEqualTo(data.get("audit"));
  }

  @Test
  void existingKeysAreKeptAndOnlyMissingOnesAdded() {
    Map<String, String> existing = Map.of("admin", "b2xk", "gone", "a2VwdA==");

    Map<String, Object> secret =
        FunctionKeySecret.desired("shop", existing, List.of("admin", "audit"), new SecureRandom());

    assertThat(secret.get("data"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("admin", "b2xk")
        .containsEntry("gone", "a2VwdA==")
        .containsKey("audit")
        .hasSize(3);
  }

  @Test
  void deployPrintsHowToReadAKeyNeverTheKey() {
    assertThat(FunctionKeySecret.readCommand("shop-function-keys", "prod", "admin"))
        .isEqualTo(
            "kubectl get secret shop-function-keys -n prod -o jsonpath='{.data.admin}'"
                + " | base64 -d");
  }
}
