package io.skyhop.tooling.deploy.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonParser;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accessor grants of declared secrets and the environment keys Skyhop did not set, against
 * stubs of Secret Manager and Cloud Functions shaped from googleapis (secretmanager/v1,
 * functions/v2).
 */
class GcpSecretGrantsTest {
  static final String FUNCTIONS = "/v2/projects/demo/locations/europe-west1/functions";
  static final String SECRETS = "/v1/projects/demo/secrets/";

  final WireMockServer wm =
      new WireMockServer(
          options()
              .bindAddress("127.0.0.1")
              .dynamicPort()
              .usingFilesUnderDirectory("src/test/resources/deploy/gcp/wiremock")
              .globalTemplating(true));
  @TempDir Path dir;
  GcpDeployer deployer;
  final List<String> log = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    wm.start();
    Files.copy(
        Path.of("src/test/resources/deploy/gcp/manifest-secrets.json"),
        dir.resolve("manifest.json"));
    Files.createDirectories(dir.resolve("gcp"));
    Files.write(dir.resolve("gcp/orders.zip"), GcpDeployerTest.ZIP);
    deployer = GcpDeployerTest.deployer(wm);
    GcpDeployerTest.stubProvider(wm);
    wm.stubFor(get(urlPathMatching(SECRETS + "orders_[a-z-]+")).willReturn(json("secret.json")));
    wm.stubFor(
        get(urlPathMatching(SECRETS + "orders_[a-z-]+/versions/latest"))
            .willReturn(json("secret-version.json")));
    wm.stubFor(
        get(urlPathMatching(SECRETS + "orders_[a-z-]+:getIamPolicy"))
            .willReturn(json("secret-policy.json")));
    wm.stubFor(
        post(urlPathMatching(SECRETS + "orders_[a-z-]+:setIamPolicy"))
            .willReturn(okJson("{\"etag\":\"BwYm3Kx9Q2E=\"}")));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  static ResponseDefinitionBuilder json(String file) {
    return GcpDeployerTest.json(file);
  }

  DeployRequest request(boolean dryRun) {
    return GcpDeployerTest.request(wm, dir, dryRun);
  }

  @Test
  void eachDeclaredSecretGrantsTheFunctionsAccountAccessorBeforeTheFunctionIsCreated()
      throws Exception {
    DeployResult result = deployer.deploy(request(false), BuildListener.collecting(log));

    List<LoggedRequest> sets =
        wm.findAll(postRequestedFor(urlPathMatching(SECRETS + ".*:setIamPolicy")));
    assertThat(sets)
        .extracting(r -> r.getUrl().replaceFirst("\\?.*", ""))
        .containsExactly(
            SECRETS + "orders_db-password:setIamPolicy", SECRETS + "orders_api-key:setIamPolicy");
    for (LoggedRequest set : sets) {
      assertThat(JsonParser.parseString(set.getBodyAsString()))
          .isEqualTo(
              JsonParser.parseString(
                  "{\"policy\":{\"version\":1,\"etag\":\"BwYm3Kx9Q1E=\",\"bindings\":["
                      + "{\"role\":\"roles/secretmanager.admin\",\"members\":[\"group:ops@example.com\"]},"
                      + "{\"role\":\"roles/secretmanager.secretAccessor\",\"members\":"
                      + "[\"serviceAccount:orders-skyhop@demo.iam.gserviceaccount.com\"]}]}}"));
    }
    LoggedRequest create = wm.findAll(postRequestedFor(urlPathEqualTo(FUNCTIONS))).get(0);
    assertThat(create.getLoggedDate()).isAfterOrEqualTo(sets.get(1).getLoggedDate());
    assertThat(create.getBodyAsString())
        .contains(
            "{\"key\":\"SKYHOP_SECRET_DB_PASSWORD\",\"projectId\":\"demo\","
                + "\"secret\":\"orders_db-password\",\"version\":\"latest\"}");
    assertThat(result.details().get("secretGrants"))
        .isEqualTo(
            List.of(
                "projects/demo/secrets/orders_db-password -> serviceAccount:"
                    + "orders-skyhop@demo.iam.gserviceaccount.com",
                "projects/demo/secrets/orders_api-key -> serviceAccount:"
                    + "orders-skyhop@demo.iam.gserviceaccount.com"));
    // the app's own account, never the project's default compute account every function shares
    assertThat(log).noneMatch(l -> l.contains("default compute service account"));
    assertThat(create.getBodyAsString())
        .contains("\"serviceAccountEmail\":\"orders-skyhop@demo.iam.gserviceaccount.com\"");
  }

  @Test
  void aGrantAlreadyInThePolicyIsNotWrittenAgain() throws Exception {
    wm.stubFor(
        get(urlPathMatching(SECRETS + "orders_[a-z-]+:getIamPolicy"))
            .willReturn(
                okJson(
                    "{\"etag\":\"BwYm\",\"bindings\":[{\"role\":\"roles/secretmanager.secretAccessor\","
                        + "\"members\":[\"serviceAccount:orders-skyhop@demo.iam.gserviceaccount.com\"]}]}")));

    deployer.deploy(request(false), BuildListener.collecting(log));

    wm.verify(0, postRequestedFor(urlPathMatching(SECRETS + ".*:setIamPolicy")));
    wm.verify(2, getRequestedFor(urlPathMatching(SECRETS + ".*:getIamPolicy")));
  }

  @Test
  void aRefusedGrantNamesTheMissingPermissionAndTheFix() {
    wm.stubFor(
        post(urlPathMatching(SECRETS + "orders_[a-z-]+:setIamPolicy"))
            .willReturn(json("permission-denied.json").withStatus(403)));

    assertThatThrownBy(() -> deployer.deploy(request(false), BuildListener.collecting(log)))
        .isInstanceOf(GcpApiException.class)
        .hasMessage(
            "Google Cloud call SetIamPolicy orders_db-password failed: HTTP 403 PERMISSION_DENIED:"
                + " Permission 'secretmanager.secrets.setIamPolicy' denied for resource"
                + " 'projects/demo/secrets/orders_api-key' (or it may not exist). — the deploying"
                + " identity lacks secretmanager.secrets.setIamPolicy on secret orders_db-password."
                + " Grant it roles/secretmanager.admin on the secret, or have an administrator run"
                + " 'gcloud secrets add-iam-policy-binding orders_db-password"
                + " --member=serviceAccount:orders-skyhop@demo.iam.gserviceaccount.com"
                + " --role=roles/secretmanager.secretAccessor' and deploy again. Fix: enable the"
                + " Cloud Functions, Cloud Build, Artifact Registry, Cloud Run and Cloud Scheduler"
                + " APIs in the project, and grant the deploying identity"
                + " roles/cloudfunctions.developer, roles/run.admin, roles/cloudscheduler.admin and"
                + " roles/iam.serviceAccountUser");
    wm.verify(0, postRequestedFor(urlPathEqualTo(FUNCTIONS)));
  }

  @Test
  void aSecretWithoutAValueFailsTheDeployWithTheCommandThatSetsIt() {
    wm.stubFor(
        get(urlPathMatching(SECRETS + "orders_api-key/versions/latest"))
            .willReturn(json("not-found.json").withStatus(404)));

    assertThatThrownBy(() -> deployer.deploy(request(false), BuildListener.collecting(log)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Function get declares a secret stored as orders_api-key in Google Secret Manager"
                + " (projects/demo/secrets/orders_api-key), which has no enabled version. Fix: set"
                + " it with 'mvn skyhop:secret -Dskyhop.target=gcp -Dskyhop.secret=api-key' (value"
                + " on standard input, same skyhop.stage), then deploy again");
    wm.verify(0, postRequestedFor(urlPathEqualTo(FUNCTIONS)));
  }

  @Test
  void keysSkyhopDidNotSetAreKeptAndReported() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo(FUNCTIONS + "/orders-get"))
            .willReturn(
                okJson(
                    "{\"name\":\"projects/demo/locations/europe-west1/functions/orders-get\","
                        + "\"state\":\"ACTIVE\",\"serviceConfig\":{\"serviceAccountEmail\":"
                        + "\"orders@demo.iam.gserviceaccount.com\",\"environmentVariables\":"
                        + "{\"SKYHOP_FUNCTION\":\"get\",\"SKYHOP_ENV_KEYS\":\"OLD,SKYHOP_FUNCTION\","
                        + "\"OLD\":\"1\",\"CONSOLE_FLAG\":\"on\",\"LOG_EXECUTION_ID\":\"true\"}}}")));

    deployer.deploy(request(false), BuildListener.collecting(log));

    LoggedRequest patch =
        wm.findAll(postRequestedFor(urlPathEqualTo(FUNCTIONS + "/orders-get"))).get(0);
    assertThat(patch.getBodyAsString())
        .contains("\"CONSOLE_FLAG\":\"on\"", "\"SKYHOP_ENV_KEYS\":\"SKYHOP_FUNCTION\"")
        .doesNotContain("\"OLD\"", "LOG_EXECUTION_ID");
    assertThat(log)
        .contains(
            "WARNING orders-get: keeps environment keys Skyhop did not set: [CONSOLE_FLAG]. Fix: to"
                + " manage them, put them in src/main/skyhop/<stage>.properties; to drop them,"
                + " remove them in the provider's console",
            "orders-get: env -OLD");
    assertThat(wm.findAll(postRequestedFor(urlPathMatching(SECRETS + ".*:setIamPolicy"))))
        .allSatisfy(
            r ->
                assertThat(r.getBodyAsString())
                    .contains("serviceAccount:orders-skyhop@demo.iam.gserviceaccount.com"));
  }
}
