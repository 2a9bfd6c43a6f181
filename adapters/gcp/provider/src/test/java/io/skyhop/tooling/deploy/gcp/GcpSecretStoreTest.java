package io.skyhop.tooling.deploy.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.gson.JsonParser;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.secret.SecretStubs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** skyhop:secret on Google Cloud against a Secret Manager v1 stub (googleapis secretmanager/v1). */
class GcpSecretStoreTest {
  static final String SECRETS = "/v1/projects/demo/secrets";
  final SecretStubs stubs = new SecretStubs();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    stubs.close();
  }

  DeployRequest request() {
    return SecretStubs.request(
        Target.named("gcp"),
        dir,
        Map.of(
            "skyhop.gcp.project", "demo",
            "skyhop.region", "europe-west1",
            "skyhop.gcp.endpoint", stubs.wm.baseUrl()));
  }

  GcpSecretStore store() {
    return new GcpSecretStore(
        GcpCredentials.of(
            GoogleCredentials.create(
                new AccessToken("ya29.unit", new Date(System.currentTimeMillis() + 3_600_000)))));
  }

  @Test
  void aNewSecretIsCreatedLabelledThenGetsItsFirstVersion() throws Exception {
    stubs.wm.stubFor(
        get(urlPathEqualTo(SECRETS + "/orders_dev_db-password"))
            .willReturn(SecretStubs.json("gcp-not-found.json").withStatus(404)));
    stubs.wm.stubFor(
        post(urlPathEqualTo(SECRETS)).willReturn(SecretStubs.json("gcp-secret-created.json")));
    stubs.wm.stubFor(
        post(urlPathEqualTo(SECRETS + "/orders_dev_db-password:addVersion"))
            .willReturn(SecretStubs.json("gcp-version-added.json")));

    String where = store().put(request(), "db-password", SecretStubs.value(), stubs.listener());

    assertThat(where)
        .isEqualTo(
            "Google Secret Manager as projects/123456789/secrets/orders_dev_db-password/versions/1");
    LoggedRequest create = stubs.wm.findAll(postRequestedFor(urlPathEqualTo(SECRETS))).get(0);
    assertThat(create.queryParameter("secretId").firstValue()).isEqualTo("orders_dev_db-password");
    assertThat(JsonParser.parseString(create.getBodyAsString()))
        .isEqualTo(
            JsonParser.parseString(
                "{\"replication\":{\"automatic\":{}},"
                    + "\"labels\":{\"skyhop-app\":\"orders\",\"skyhop-stage\":\"dev\"}}"));
    // the payload is base64 in the JSON body: decode it to find the one carrier
    String data =
        JsonParser.parseString(
                stubs
                    .wm
                    .findAll(
                        postRequestedFor(
                            urlPathEqualTo(SECRETS + "/orders_dev_db-password:addVersion")))
                    .get(0)
                    .getBodyAsString())
            .getAsJsonObject()
            .getAsJsonObject("payload")
            .get("data")
            .getAsString();
    assertThat(new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8))
        .isEqualTo(SecretStubs.VALUE);
    assertThat(stubs.log).containsExactly("created secret orders_dev_db-password");
    assertThat(String.join("\n", stubs.log) + where).doesNotContain(SecretStubs.VALUE, data);
  }
}
