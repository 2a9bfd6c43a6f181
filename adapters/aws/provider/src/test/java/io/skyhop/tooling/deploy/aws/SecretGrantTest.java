package io.skyhop.tooling.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.tooling.pack.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretGrantTest {
  private static Manifest.Function function(String name, List<String> secrets) {
    return new Manifest.Function(
        name,
        Manifest.Trigger.http("/", List.of("GET"), "ANONYMOUS"),
        512,
        10,
        0,
        Map.of(),
        Map.of(),
        secrets);
  }

  private static final Manifest MANIFEST =
      new Manifest(
          "orders",
          "1.0",
          21,
          List.of(
              function("get", List.of("db-password")),
              function("report", List.of("db-password", "api-key")),
              function("nightly", List.of())));

  @Test
  void grantsExactlyTheDeclaredSecretsOfTheStage() {
    List<String> prod =
        SecretGrant.resources(MANIFEST, "orders", Optional.of("prod"), "eu-west-1", "123456789012");

    assertThat(prod)
        .containsExactly(
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/prod/api-key-??????",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/prod/db-password-??????");
    assertThat(SecretGrant.document(prod))
        .isEqualTo(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"secretsmanager:GetSecretValue\",\"Resource\":["
                + "\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/prod/api-key-??????\","
                + "\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/prod/db-password-??????\"]}]}");
    assertThat(SecretGrant.resources(MANIFEST, "orders", Optional.empty(), "cn-north-1", "1"))
        .containsExactly(
            "arn:aws-cn:secretsmanager:cn-north-1:1:secret:orders/api-key-??????",
            "arn:aws-cn:secretsmanager:cn-north-1:1:secret:orders/db-password-??????");
  }

  @Test
  void anAppWithoutSecretsGetsNoGrant() {
    Manifest none = new Manifest("orders", "1.0", 21, List.of(function("nightly", List.of())));

    assertThat(SecretGrant.resources(none, "orders", Optional.of("dev"), "us-east-1", "1"))
        .isEmpty();
  }
}
