package io.skyhop.tooling.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.aws.AwsEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

class FunctionSpecTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/orders-skyhop-role";
  private final AwsSettings settings =
      AwsSettings.of("orders", new Settings(Map.of("skyhop.region", "us-east-1")));

  private static Manifest.Function get() {
    return new Manifest.Function(
        "get",
        Manifest.Trigger.http("/orders/{id}", List.of("GET"), "ANONYMOUS"),
        512,
        10,
        0,
        Map.of("GREETING", "hi"),
        Map.of(
            "aws",
            new AwsEntry(
                "orders-get",
                "io.skyhop.aws.SkyhopHandler::handleRequest",
                "java17",
                "aws/orders.zip",
                Map.of("SKYHOP_FUNCTION", "get"))));
  }

  private static FunctionConfiguration.Builder same() {
    return FunctionConfiguration.builder()
        .runtime("java17")
        .handler("io.skyhop.aws.SkyhopHandler::handleRequest")
        .memorySize(512)
        .timeout(10)
        .role(ROLE)
        .environment(e -> e.variables(Map.of("GREETING", "hi", "SKYHOP_FUNCTION", "get")));
  }

  @Test
  void takesNameRuntimeHandlerAndBothEnvironmentsFromTheManifest() {
    FunctionSpec spec = FunctionSpec.of(settings, get(), ROLE);
    assertThat(spec.name()).isEqualTo("orders-get");
    assertThat(spec.runtime()).isEqualTo("java17");
    assertThat(spec.handler()).isEqualTo("io.skyhop.aws.SkyhopHandler::handleRequest");
    assertThat(spec.env())
        .containsOnly(Map.entry("GREETING", "hi"), Map.entry("SKYHOP_FUNCTION", "get"));
    assertThat(spec.tags(settings))
        .containsOnly(Map.entry("skyhop:app", "orders"), Map.entry("skyhop:function", "get"));
  }

  @Test
  void anEqualConfigurationHasNoDifference() {
    assertThat(FunctionSpec.of(settings, get(), ROLE).differences(same().build())).isEmpty();
  }

  @Test
  void namesEachFieldThatDiffers() {
    FunctionConfiguration current =
        same()
            .memorySize(256)
            .timeout(3)
            .environment(e -> e.variables(Map.of("SKYHOP_FUNCTION", "get")))
            .build();
    assertThat(FunctionSpec.of(settings, get(), ROLE).differences(current))
        .containsExactly("MemorySize", "Timeout", "Environment");
  }

  @Test
  void aMissingEnvironmentDiffersFromADesiredOne() {
    FunctionConfiguration current =
        same()
            .environment((software.amazon.awssdk.services.lambda.model.EnvironmentResponse) null)
            .build();
    assertThat(FunctionSpec.of(settings, get(), ROLE).differences(current))
        .containsExactly("Environment");
  }

  @Test
  void aFunctionWithSecretsReadsThemThroughTheExtensionLayerWhenOneIsNamed() {
    Manifest.Function f = get();
    Manifest.Function withSecrets =
        new Manifest.Function(
            f.name(),
            f.trigger(),
            512,
            10,
            0,
            f.env(),
            f.targets(),
            java.util.List.of("db-password"));
    String layer =
        "arn:aws:lambda:us-east-1:177933569100:layer:AWS-Parameters-and-Secrets-Lambda-Extension:12";

    FunctionSpec viaLayer =
        FunctionSpec.of(settings, withSecrets, ROLE, java.util.Optional.of(layer));
    FunctionSpec direct = FunctionSpec.of(settings, withSecrets, ROLE, java.util.Optional.empty());

    assertThat(viaLayer.layers()).containsExactly(layer);
    assertThat(viaLayer.env()).containsEntry("SKYHOP_SECRETS_VIA", "extension");
    assertThat(direct.layers()).isEmpty();
    assertThat(direct.env()).containsEntry("SKYHOP_SECRETS_VIA", "direct");
    assertThat(FunctionSpec.of(settings, get(), ROLE, java.util.Optional.of(layer)).layers())
        .as("no secrets, no layer")
        .isEmpty();
  }
}
