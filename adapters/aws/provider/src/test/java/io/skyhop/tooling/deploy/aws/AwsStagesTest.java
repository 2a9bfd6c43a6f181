package io.skyhop.tooling.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.secret.SecretStubs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * One app at {@code dev} and {@code prod} (fixtures under {@code deploy/stages}): after {@code
 * skyhop:secret} stored a value in Secrets Manager, each stage's function is sent its own settings
 * and no value, and the role's inline policy names exactly that stage's two secrets.
 */
class AwsStagesTest {
  static final String ACCOUNT = "123456789012";
  final SecretStubs stubs = new SecretStubs();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    stubs.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void eachStageGetsItsSettingsAndAPolicyOnExactlyItsSecrets(String stage) throws Exception {
    SecretStubs.stageManifest(stage, dir);
    Manifest manifest = ManifestFile.read(dir);
    DeployRequest request =
        SecretStubs.request(
            Target.named("aws"),
            dir,
            Map.of(
                "skyhop.region",
                "us-east-1",
                "skyhop.aws.endpoint",
                stubs.wm.baseUrl(),
                "skyhop.stage",
                stage));
    AwsSecretStoreTest.stub(stubs, "DescribeSecret", 400, "aws-not-found.json");
    AwsSecretStoreTest.stub(stubs, "CreateSecret", 200, "aws-create-secret.json");
    String where =
        new AwsSecretStore(
                () -> StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "x")))
            .put(request, "db-password", SecretStubs.value(), stubs.listener());
    LoggedRequest create = stubs.onlyCarrier(where);
    assertThat(create.getBodyAsString()).contains("\"Name\":\"orders/" + stage + "/db-password\"");

    AwsSettings settings = AwsSettings.of("orders", request.settings());
    FunctionSpec spec =
        FunctionSpec.of(
            settings,
            manifest.functions().get(0),
            "arn:aws:iam::" + ACCOUNT + ":role/orders-" + stage + "-skyhop");
    List<String> resources =
        SecretGrant.resources(manifest, "orders", Optional.of(stage), "us-east-1", ACCOUNT);

    assertThat(spec.name()).isEqualTo("orders-" + stage + "-get");
    assertThat(spec.env())
        .containsEntry("GREETING", "hello-" + stage)
        .containsEntry("POOL_SIZE", stage.equals("dev") ? "2" : "16")
        .containsEntry("SKYHOP_SECRETS_VIA", "direct");
    assertThat(spec.toString()).doesNotContain(SecretStubs.VALUE);
    assertThat(SecretGrant.document(resources))
        .isEqualTo(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"secretsmanager:GetSecretValue\",\"Resource\":["
                + "\"arn:aws:secretsmanager:us-east-1:123456789012:secret:orders/"
                + stage
                + "/api-key-??????\","
                + "\"arn:aws:secretsmanager:us-east-1:123456789012:secret:orders/"
                + stage
                + "/db-password-??????\"]}]}");
  }
}
