package io.skyhop.tooling.deploy.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.secret.SecretStubs;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** skyhop:secret on AWS against a Secrets Manager stub (botocore secretsmanager 2017-10-17). */
class AwsSecretStoreTest {
  final SecretStubs stubs = new SecretStubs();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    stubs.close();
  }

  DeployRequest request() {
    return SecretStubs.request(
        Target.named("aws"),
        dir,
        Map.of("skyhop.region", "us-east-1", "skyhop.aws.endpoint", stubs.wm.baseUrl()));
  }

  AwsSecretStore store() {
    return new AwsSecretStore(
        () -> StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "x")));
  }

  static void stub(SecretStubs stubs, String operation, int status, String file) {
    stubs.wm.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("secretsmanager." + operation))
            .willReturn(
                SecretStubs.json(file)
                    .withStatus(status)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")));
  }

  @Test
  void aNewSecretIsCreatedTaggedWithAppAndStage() throws Exception {
    stub(stubs, "DescribeSecret", 400, "aws-not-found.json");
    stub(stubs, "CreateSecret", 200, "aws-create-secret.json");

    String where = store().put(request(), "db-password", SecretStubs.value(), stubs.listener());

    assertThat(where)
        .isEqualTo(
            "AWS Secrets Manager as"
                + " arn:aws:secretsmanager:us-east-1:123456789012:secret:orders/dev/db-password-a1B2c3");
    LoggedRequest create = stubs.onlyCarrier(where);
    assertThat(create.getHeader("X-Amz-Target")).isEqualTo("secretsmanager.CreateSecret");
    assertThat(create.getHeader("Authorization"))
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/");
    JsonObject body = JsonParser.parseString(create.getBodyAsString()).getAsJsonObject();
    assertThat(body.get("Name").getAsString()).isEqualTo("orders/dev/db-password");
    assertThat(body.get("SecretString").getAsString()).isEqualTo(SecretStubs.VALUE);
    assertThat(body.get("Tags").toString())
        .contains("{\"Key\":\"skyhop:app\",\"Value\":\"orders\"}")
        .contains("{\"Key\":\"skyhop:stage\",\"Value\":\"dev\"}");
    assertThat(stubs.log).containsExactly("created secret orders/dev/db-password");
  }

  @Test
  void anExistingSecretGetsANewVersion() throws Exception {
    stub(stubs, "DescribeSecret", 200, "aws-describe-secret.json");
    stub(stubs, "PutSecretValue", 200, "aws-put-secret-value.json");

    String where = store().put(request(), "db-password", SecretStubs.value(), stubs.listener());

    LoggedRequest put = stubs.onlyCarrier(where);
    assertThat(put.getHeader("X-Amz-Target")).isEqualTo("secretsmanager.PutSecretValue");
    assertThat(
            JsonParser.parseString(put.getBodyAsString())
                .getAsJsonObject()
                .get("SecretId")
                .getAsString())
        .isEqualTo("orders/dev/db-password");
    assertThat(stubs.wm.getAllServeEvents()).hasSize(2);
  }
}
