package io.skyhop.tooling.deploy.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.secret.SecretStubs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One app deployed to {@code dev} and {@code prod} (fixtures under {@code deploy/stages}) after
 * {@code skyhop:secret} stored its value: each stage's function carries its own settings and
 * references to its own secrets' {@code latest} version, its service account is granted exactly
 * those two secrets, and the value is in no request but the one that stored it, nor in the result.
 */
class GcpStagesTest {
  static final String FUNCTIONS = GcpDeployerTest.FUNCTIONS;
  static final String SECRETS = "/v1/projects/demo/secrets/";

  final WireMockServer wm =
      new WireMockServer(
          options()
              .bindAddress("127.0.0.1")
              .dynamicPort()
              .usingFilesUnderDirectory("src/test/resources/deploy/gcp/wiremock")
              .globalTemplating(true));
  @TempDir Path dir;
  final List<String> log = new ArrayList<>();

  @BeforeEach
  void start() {
    wm.start();
    GcpDeployerTest.stubProvider(wm);
    String secret = SECRETS + "orders_(dev|prod)_(db-password|api-key)";
    wm.stubFor(get(urlPathMatching(secret)).willReturn(GcpDeployerTest.json("secret.json")));
    wm.stubFor(
        get(urlPathMatching(secret + "/versions/latest"))
            .willReturn(GcpDeployerTest.json("secret-version.json")));
    wm.stubFor(
        post(urlPathMatching(secret + ":addVersion"))
            .willReturn(GcpDeployerTest.json("secret-version.json")));
    wm.stubFor(
        get(urlPathMatching(secret + ":getIamPolicy"))
            .willReturn(GcpDeployerTest.json("secret-policy.json")));
    wm.stubFor(
        post(urlPathMatching(secret + ":setIamPolicy"))
            .willReturn(okJson("{\"etag\":\"BwYm3Kx9Q2E=\"}")));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void eachStageCarriesItsSettingsAndReferencesAndGrantsExactlyItsSecrets(String stage)
      throws Exception {
    SecretStubs.stageManifest(stage, dir);
    Files.createDirectories(dir.resolve("gcp"));
    Files.write(dir.resolve("gcp/orders.zip"), GcpDeployerTest.ZIP);
    Map<String, String> settings =
        Map.of(
            "skyhop.gcp.project",
            "demo",
            "skyhop.region",
            "europe-west1",
            "skyhop.gcp.endpoint",
            wm.baseUrl(),
            "skyhop.stage",
            stage);
    DeployRequest request =
        new DeployRequest(Target.named("gcp"), "orders", dir, new Settings(settings), false);
    GcpSecretStore store =
        new GcpSecretStore(
            GcpCredentials.of(
                GoogleCredentials.create(
                    new AccessToken(
                        "ya29.unit", new Date(System.currentTimeMillis() + 3_600_000)))));
    store.put(request, "db-password", SecretStubs.value(), BuildListener.collecting(log));

    DeployResult result =
        GcpDeployerTest.deployer(wm).deploy(request, BuildListener.collecting(log));

    String other = stage.equals("dev") ? "prod" : "dev";
    LoggedRequest create = wm.findAll(postRequestedFor(urlPathEqualTo(FUNCTIONS))).get(0);
    assertThat(create.queryParameter("functionId").firstValue())
        .isEqualTo("orders-" + stage + "-get");
    JsonObject service =
        JsonParser.parseString(create.getBodyAsString())
            .getAsJsonObject()
            .getAsJsonObject("serviceConfig");
    JsonObject env = service.getAsJsonObject("environmentVariables");
    assertThat(env.get("GREETING").getAsString()).isEqualTo("hello-" + stage);
    assertThat(env.get("POOL_SIZE").getAsString()).isEqualTo(stage.equals("dev") ? "2" : "16");
    assertThat(service.get("secretEnvironmentVariables"))
        .isEqualTo(
            JsonParser.parseString(
                "[{\"key\":\"SKYHOP_SECRET_DB_PASSWORD\",\"projectId\":\"demo\",\"secret\":\"orders_"
                    + stage
                    + "_db-password\",\"version\":\"latest\"},{\"key\":\"SKYHOP_SECRET_API_KEY\","
                    + "\"projectId\":\"demo\",\"secret\":\"orders_"
                    + stage
                    + "_api-key\",\"version\":\"latest\"}]"));
    assertThat(wm.findAll(postRequestedFor(urlPathMatching(SECRETS + ".*:setIamPolicy"))))
        .extracting(r -> r.getUrl().replaceFirst("\\?.*", ""))
        .containsExactly(
            SECRETS + "orders_" + stage + "_db-password:setIamPolicy",
            SECRETS + "orders_" + stage + "_api-key:setIamPolicy");
    String data =
        JsonParser.parseString(
                wm.findAll(postRequestedFor(urlPathMatching(".*:addVersion")))
                    .get(0)
                    .getBodyAsString())
            .getAsJsonObject()
            .getAsJsonObject("payload")
            .get("data")
            .getAsString();
    assertThat(new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8))
        .isEqualTo(SecretStubs.VALUE);
    for (var event : wm.getAllServeEvents()) {
      LoggedRequest r = event.getRequest();
      String body = r.getBodyAsString();
      assertThat(r.getUrl()).doesNotContain("_" + other + "_", "-" + other + "-");
      if (!r.getUrl().contains(":addVersion")) {
        assertThat(body).as(r.getUrl()).doesNotContain(SecretStubs.VALUE, data);
      }
    }
    String record = new Gson().toJson(result);
    assertThat(record)
        .doesNotContain(SecretStubs.VALUE, data)
        .contains("orders_" + stage + "_api-key");
    assertThat(String.join("\n", log)).doesNotContain(SecretStubs.VALUE, data);
  }
}
