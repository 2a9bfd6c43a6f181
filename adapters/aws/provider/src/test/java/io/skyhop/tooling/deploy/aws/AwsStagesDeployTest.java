package io.skyhop.tooling.deploy.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.retry.RetryPolicy;
import io.skyhop.tooling.secret.SecretStubs;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@link AwsDeployer#deploy} of the two-stage fixture app ({@code deploy/stages}: function {@code
 * get} with the secrets {@code db-password} and {@code api-key} and per-stage settings) to {@code
 * dev} and {@code prod}, through the official SDK with SigV4 signing against stubs of Lambda, IAM
 * and Secrets Manager (bodies under {@code deploy/aws-stages/__files}): each stage's function gets
 * its own settings, its role exactly its own two secrets, and no request body, log line or deploy
 * record carries a secret's value; a declared secret without a value stops the deploy before any
 * change (a dry run warns); environment drift is reported and keys Skyhop did not set are kept; a
 * function whose URL must tighten loses public access before its new code goes live.
 */
class AwsStagesDeployTest {
  private static final Path FILES = Path.of("src/test/resources/deploy/aws-stages/__files");
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/EXAMPLEKEY"));
  private static final String SECRETS_ACCOUNT = "arn:aws:secretsmanager:us-east-1:123456789012";

  private final WireMockServer wm =
      new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().globalTemplating(true));
  private final List<String> log = new ArrayList<>();
  private final byte[] zip = "PK-the-app's-package".getBytes(StandardCharsets.UTF_8);
  @TempDir Path dir;

  @BeforeEach
  void start() {
    wm.start();
    // IAM: the stage's role exists, is Skyhop's, has its managed policies and no inline policy
    for (String stage : List.of("dev", "prod")) {
      iam("GetRole", "RoleName=orders-" + stage + "-skyhop-role", 200, "iam-get-role.xml", stage);
    }
    iam("ListAttachedRolePolicies", "", 200, "iam-attached.xml", "");
    iam("GetRolePolicy", "", 404, "iam-no-such-entity.xml", "");
    iam("PutRolePolicy", "", 200, "iam-put-role-policy.xml", "");
    // Secrets Manager: every declared secret has a current value
    secrets("DescribeSecret", 200, "sm-describe-secret.json");
    secrets("PutSecretValue", 200, "sm-put-secret-value.json");
    // Lambda: no function yet; creation, waits, URL and its public statements
    lambda(get(urlPathMatching(FUNCTION + "/[a-z-]+")), 404, "lambda-not-found.json", NOT_FOUND);
    lambda(post(urlPathEqualTo("/2015-03-31/functions")), 201, "lambda-create-function.json", "");
    lambda(get(urlPathMatching(FUNCTION + "/[a-z-]+/configuration")), 200, CONFIG, "");
    lambda(get(urlPathMatching(URL)), 404, "lambda-not-found.json", NOT_FOUND);
    lambda(post(urlPathMatching(URL)), 201, "lambda-url.json", "NONE");
    lambda(get(urlPathMatching(POLICY)), 404, "lambda-not-found.json", NOT_FOUND);
    lambda(post(urlPathMatching(POLICY)), 201, "lambda-add-permission.json", "");
    lambda(get(urlPathEqualTo(FUNCTION)), 200, "lambda-list-functions.json", "");
  }

  @AfterEach
  void stop() {
    assertThat(wm.findAllUnmatchedRequests())
        .extracting(r -> r.getMethod() + " " + r.getUrl() + " " + label(r))
        .as("calls no stub answers")
        .isEmpty();
    wm.stop();
  }

  @Test
  void devAndProdGetTheirOwnSettingsAndExactlyTheirOwnSecretsAndNeverAValue() throws Exception {
    String where = storeTheValue("dev");
    Map<String, DeployResult> results = new HashMap<>();
    for (String stage : List.of("dev", "prod")) {
      results.put(stage, deployer().deploy(request(stage, false), listener()));
    }

    for (String stage : List.of("dev", "prod")) {
      JsonObject create = body(only("POST", "/2015-03-31/functions", "orders-" + stage + "-get"));
      JsonObject env = create.getAsJsonObject("Environment").getAsJsonObject("Variables");
      assertThat(env.get("GREETING").getAsString()).isEqualTo("hello-" + stage);
      assertThat(env.get("POOL_SIZE").getAsString()).isEqualTo(stage.equals("dev") ? "2" : "16");
      assertThat(env.get("SKYHOP_SECRETS_VIA").getAsString()).isEqualTo("direct");
      assertThat(create.get("Role").getAsString())
          .isEqualTo("arn:aws:iam::123456789012:role/orders-" + stage + "-skyhop-role");
      assertThat(create.getAsJsonObject("Tags").toString())
          .isEqualTo(
              "{\"skyhop:app\":\"orders\",\"skyhop:stage\":\""
                  + stage
                  + "\",\"skyhop:function\":\"get\"}");
      assertThat(secretPolicyResources(stage))
          .as("the %s role may read exactly its stage's two declared secrets", stage)
          .containsExactly(
              SECRETS_ACCOUNT + ":secret:orders/" + stage + "/api-key-??????",
              SECRETS_ACCOUNT + ":secret:orders/" + stage + "/db-password-??????");
      assertThat(described())
          .contains("orders/" + stage + "/db-password", "orders/" + stage + "/api-key");
    }
    assertThat(
            wm.getAllServeEvents().stream()
                .map(e -> e.getRequest().getHeader("Authorization"))
                .filter(a -> a == null || !a.startsWith("AWS4-HMAC-SHA256 Credential=AKIA"))
                .toList())
        .as("every call is SigV4-signed")
        .isEmpty();
    String records = new Gson().toJson(results);
    assertThat(records + String.join("\n", log)).doesNotContain(SecretStubs.VALUE);
    assertThat(carriers())
        .as("only skyhop:secret's one request carries the value; no deploy call does")
        .containsExactly("POST / secretsmanager.PutSecretValue");
    assertThat(where).doesNotContain(SecretStubs.VALUE);
    assertThat(log)
        .contains(
            "created   policy       orders-dev-skyhop-role skyhop-secrets (GetSecretValue on ["
                + SECRETS_ACCOUNT
                + ":secret:orders/dev/api-key-??????, "
                + SECRETS_ACCOUNT
                + ":secret:orders/dev/db-password-??????])");
  }

  /**
   * #17's scan: both declared secrets get a value through skyhop:secret's engine path from the
   * environment ({@code -Dskyhop.secret.fromEnv}), then the app is deployed through the engine,
   * which writes the deploy record; neither value is in the log, in any file under the project's
   * {@code target/skyhop} (manifest, package, record) or in any deploy call.
   */
  @Test
  void afterSecretsFromTheEnvironmentAndADeployNoValueIsInTheLogTargetSkyhopOrTheRecord()
      throws Exception {
    Map<String, String> env = Map.of("DB_PW", "db-\u00e9t\u00e9-7781", "API_KEY", "ak-ZX81-9c1d");
    DeployRequest dev = request("dev", false);
    for (Map.Entry<String, String> secret :
        Map.of("db-password", "DB_PW", "api-key", "API_KEY").entrySet()) {
      io.skyhop.tooling.secret.SecretValue value =
          io.skyhop.tooling.secret.SecretValue.read(
              secret.getKey(),
              java.util.Optional.of(secret.getValue()),
              env,
              java.io.InputStream.nullInputStream());
      new AwsSecretStore(() -> CREDENTIALS).put(dev, secret.getKey(), value, listener());
    }

    new io.skyhop.tooling.deploy.Deployment(listener()).deploy(deployer(), dev);

    assertThat(dev.recordFile()).exists();
    StringBuilder scanned = new StringBuilder(String.join("\n", log));
    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        scanned.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      }
    }
    for (String value : env.values()) {
      assertThat(scanned.toString()).doesNotContain(value);
      assertThat(
              requests().stream()
                  .filter(r -> (r.getUrl() + r.getBodyAsString()).contains(value))
                  .map(r -> r.getHeader("X-Amz-Target")))
          .as("only skyhop:secret's PutSecretValue carries the value")
          .containsExactly("secretsmanager.PutSecretValue");
    }
  }

  @Test
  void aDeclaredSecretWithoutAValueStopsTheDeployBeforeAnyChangeAndADryRunWarns() throws Exception {
    wm.stubFor(
        secretsCall("DescribeSecret")
            .withRequestBody(matchingJsonPath("$.SecretId", equalTo("orders/prod/api-key")))
            .atPriority(1)
            .willReturn(amzJson(400, "sm-not-found.json")));
    wm.stubFor(
        secretsCall("DescribeSecret")
            .withRequestBody(matchingJsonPath("$.SecretId", equalTo("orders/prod/db-password")))
            .atPriority(1)
            .willReturn(amzJson(200, "sm-describe-secret-no-version.json")));
    String expected =
        "Function get declares the secret db-password, stored as orders/prod/db-password in AWS"
            + " Secrets Manager, which has no value. Fix: set it with 'mvn skyhop:secret"
            + " -Dskyhop.target=aws -Dskyhop.secret=db-password' (value on standard input, same"
            + " skyhop.stage), then deploy again\n"
            + "Function get declares the secret api-key, stored as orders/prod/api-key in AWS"
            + " Secrets Manager, which has no value. Fix: set it with 'mvn skyhop:secret"
            + " -Dskyhop.target=aws -Dskyhop.secret=api-key' (value on standard input, same"
            + " skyhop.stage), then deploy again";

    assertThatThrownBy(() -> deployer().deploy(request("prod", false), listener()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(expected);
    assertThat(mutations()).as("nothing changed").isEmpty();

    log.clear();
    assertThat(deployer().deploy(request("prod", true), listener()).functions().get(0).action())
        .isEqualTo(DeployResult.Action.CREATE);
    assertThat(log)
        .contains("WARNING " + expected.split("\n")[0], "WARNING " + expected.split("\n")[1]);
    assertThat(mutations()).isEmpty();
  }

  @Test
  void environmentDriftIsReportedKeysSkyhopDidNotSetAreKeptAndAnEqualGrantIsNotRewritten()
      throws Exception {
    existingDevFunction(LambdaFunctions.Code.of(zip).sha256(), "NONE");
    devSecretsPolicyIs(
        List.of(
            SECRETS_ACCOUNT + ":secret:orders/dev/api-key-??????",
            SECRETS_ACCOUNT + ":secret:orders/dev/db-password-??????"));

    deployer().deploy(request("dev", false), listener());

    assertThat(log)
        .contains(
            "updated   function     orders-dev-get (env +POOL_SIZE ~GREETING -OLD_KEY)",
            "WARNING orders-dev-get: keeps environment keys Skyhop did not set: [CONSOLE_FLAG]."
                + " Fix: to manage them, put them in src/main/skyhop/<stage>.properties; to drop"
                + " them, remove them in the provider's console",
            "unchanged policy       orders-dev-skyhop-role skyhop-secrets (GetSecretValue on ["
                + SECRETS_ACCOUNT
                + ":secret:orders/dev/api-key-??????, "
                + SECRETS_ACCOUNT
                + ":secret:orders/dev/db-password-??????])");
    JsonObject env =
        body(only("PUT", FUNCTION + "/orders-dev-get/configuration", ""))
            .getAsJsonObject("Environment")
            .getAsJsonObject("Variables");
    assertThat(env.get("CONSOLE_FLAG").getAsString()).isEqualTo("on");
    assertThat(env.get("GREETING").getAsString()).isEqualTo("hello-dev");
    assertThat(env.has("OLD_KEY")).isFalse();
    assertThat(env.get("SKYHOP_ENV_KEYS").getAsString()).doesNotContain("CONSOLE_FLAG");
    assertThat(mutations())
        .as("same code, same grant: only the configuration changes")
        .containsExactly("PUT /2015-03-31/functions/orders-dev-get/configuration");
  }

  @Test
  void aUrlThatMustRequireIamIsTightenedBeforeTheNewCodeGoesLive() throws Exception {
    SecretStubs.stageManifest("dev", dir);
    Files.writeString(
        dir.resolve("manifest.json"),
        Files.readString(dir.resolve("manifest.json"))
            .replace("\"auth\": \"ANONYMOUS\"", "\"auth\": \"FUNCTION\""));
    existingDevFunction("an-older-package-sha256", "NONE");

    deployer().deploy(request("dev", false), listener());

    assertThat(mutations())
        .as("the URL requires IAM and the public statements are gone before UpdateFunctionCode")
        .containsSubsequence(
            "PUT /2021-10-31/functions/orders-dev-get/url",
            "DELETE /2015-03-31/functions/orders-dev-get/policy/FunctionURLAllowPublicAccess",
            "DELETE /2015-03-31/functions/orders-dev-get/policy/FunctionURLAllowInvokeAction",
            "PUT /2015-03-31/functions/orders-dev-get/code");
    assertThat(mutations())
        .as("each change once: the URL's own step after the new code finds nothing left to do")
        .filteredOn(m -> m.contains("/url") || m.contains("/policy"))
        .hasSize(3);
    assertThat(
            body(only("PUT", "/2021-10-31/functions/orders-dev-get/url", ""))
                .get("AuthType")
                .getAsString())
        .isEqualTo("AWS_IAM");
    assertThat(log)
        .contains(
            "updated   url          orders-dev-get (AuthType AWS_IAM, before the new version)");
  }

  @Test
  void aFunctionThatIsNoLongerHttpLosesItsUrlAndPublicStatements() throws Exception {
    existingDevFunction("an-older-package-sha256", "NONE");
    wm.stubFor(
        delete(urlPathEqualTo("/2021-10-31/functions/orders-dev-get/url"))
            .willReturn(aResponse().withStatus(204)));
    AwsSettings settings = AwsSettings.of("orders", request("dev", false).settings());
    PlanLog plan = new PlanLog(listener(), false);
    try (AwsClients clients = new AwsClients(settings, CREDENTIALS)) {
      new FunctionUrls(clients.lambda, new Permissions(clients.lambda, plan), plan)
          .tighten("orders-dev-get", "queue", Manifest.Trigger.queue("orders"));
    }

    assertThat(mutations())
        .containsExactly(
            "DELETE /2021-10-31/functions/orders-dev-get/url",
            "DELETE /2015-03-31/functions/orders-dev-get/policy/FunctionURLAllowPublicAccess",
            "DELETE /2015-03-31/functions/orders-dev-get/policy/FunctionURLAllowInvokeAction");
    assertThat(log).contains("deleted   url          orders-dev-get (now a queue function)");
  }

  @Test
  void whenNoFunctionDeclaresASecretAnyMoreTheGrantIsDeleted() throws Exception {
    SecretStubs.stageManifest("dev", dir);
    JsonObject manifest =
        JsonParser.parseString(Files.readString(dir.resolve("manifest.json"))).getAsJsonObject();
    manifest.getAsJsonArray("functions").get(0).getAsJsonObject().remove("secrets");
    Files.writeString(dir.resolve("manifest.json"), manifest.toString());
    devSecretsPolicyIs(List.of(SECRETS_ACCOUNT + ":secret:orders/dev/api-key-??????"));
    iam("DeleteRolePolicy", "", 200, "iam-put-role-policy.xml", "");

    deployer().deploy(request("dev", false), listener());

    assertThat(mutations())
        .filteredOn(m -> m.contains("RolePolicy"))
        .containsExactly("POST / DeleteRolePolicy");
    assertThat(
            requests().stream()
                .filter(r -> r.getBodyAsString().startsWith("Action=DeleteRolePolicy&"))
                .map(LoggedRequest::getBodyAsString))
        .singleElement()
        .asString()
        .contains("PolicyName=skyhop-secrets", "RoleName=orders-dev-skyhop-role");
    assertThat(described()).as("nothing declared, nothing to check").isEmpty();
    assertThat(log)
        .contains(
            "deleted   policy       orders-dev-skyhop-role skyhop-secrets (no function declares a"
                + " secret)");
  }

  /** IAM holds this skyhop-secrets policy on the dev role. */
  private void devSecretsPolicyIs(List<String> resources) {
    wm.stubFor(
        iamCall("GetRolePolicy")
            .withRequestBody(containing("PolicyName=skyhop-secrets"))
            .atPriority(1)
            .willReturn(
                xml(
                    200,
                    "iam-get-role-policy.xml",
                    Map.of(
                        "stage",
                        "dev",
                        "document",
                        URLEncoder.encode(
                            SecretGrant.document(resources), StandardCharsets.UTF_8)))));
  }

  // --- the existing function of the last two tests

  private void existingDevFunction(String codeSha256, String auth) throws IOException {
    String env =
        "{\"SKYHOP_FUNCTION\":\"get\",\"SKYHOP_ENV_KEYS\":\"GREETING,OLD_KEY,SKYHOP_FUNCTION,"
            + "SKYHOP_SECRETS_VIA\",\"SKYHOP_SECRETS_VIA\":\"direct\",\"GREETING\":\"hello-old\","
            + "\"OLD_KEY\":\"1\",\"CONSOLE_FLAG\":\"on\"}";
    wm.stubFor(
        get(urlPathEqualTo(FUNCTION + "/orders-dev-get"))
            .atPriority(1)
            .willReturn(
                json(
                    200,
                    "lambda-get-function.json",
                    Map.of("codeSha256", codeSha256, "env", env))));
    wm.stubFor(
        put(urlPathMatching(FUNCTION + "/orders-dev-get/(code|configuration)"))
            .willReturn(json(200, "lambda-update.json", Map.of())));
    // the URL as it is, then as the tightening left it
    wm.stubFor(
        get(urlPathEqualTo("/2021-10-31/functions/orders-dev-get/url"))
            .inScenario("url")
            .whenScenarioStateIs(STARTED)
            .atPriority(1)
            .willReturn(json(200, "lambda-url.json", Map.of("auth", auth))));
    wm.stubFor(
        put(urlPathEqualTo("/2021-10-31/functions/orders-dev-get/url"))
            .inScenario("url")
            .willSetStateTo("iam")
            .willReturn(json(200, "lambda-url.json", Map.of("auth", "AWS_IAM"))));
    wm.stubFor(
        get(urlPathEqualTo("/2021-10-31/functions/orders-dev-get/url"))
            .inScenario("url")
            .whenScenarioStateIs("iam")
            .atPriority(1)
            .willReturn(json(200, "lambda-url.json", Map.of("auth", "AWS_IAM"))));
    // the URL's two public statements, until the second is removed
    wm.stubFor(
        get(urlPathEqualTo(FUNCTION + "/orders-dev-get/policy"))
            .inScenario("policy")
            .whenScenarioStateIs(STARTED)
            .atPriority(1)
            .willReturn(json(200, "lambda-public-policy.json", Map.of())));
    wm.stubFor(
        delete(urlPathEqualTo(FUNCTION + "/orders-dev-get/policy/FunctionURLAllowPublicAccess"))
            .willReturn(aResponse().withStatus(204)));
    wm.stubFor(
        delete(urlPathEqualTo(FUNCTION + "/orders-dev-get/policy/FunctionURLAllowInvokeAction"))
            .inScenario("policy")
            .willSetStateTo("private")
            .willReturn(aResponse().withStatus(204)));
  }

  // --- deploy

  private AwsDeployer deployer() {
    Pacer quick =
        new Pacer(
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            Duration.ofSeconds(5),
            RetryPolicy.Sleeper.THREAD);
    return new AwsDeployer(quick, quick, () -> CREDENTIALS);
  }

  private DeployRequest request(String stage, boolean dryRun) throws IOException {
    if (!Files.exists(dir.resolve("manifest.json"))) {
      SecretStubs.stageManifest(stage, dir);
    } else if (!stage.equals("dev")) {
      Files.delete(dir.resolve("manifest.json"));
      SecretStubs.stageManifest(stage, dir);
    }
    Files.createDirectories(dir.resolve("aws"));
    Files.write(dir.resolve("aws/orders.zip"), zip);
    Map<String, String> settings = new HashMap<>();
    settings.put("skyhop.region", "us-east-1");
    settings.put("skyhop.stage", stage);
    settings.put("skyhop.aws.endpoint", wm.baseUrl());
    return new DeployRequest(Target.named("aws"), "orders", dir, new Settings(settings), dryRun);
  }

  private String storeTheValue(String stage) throws Exception {
    return new AwsSecretStore(() -> CREDENTIALS)
        .put(request(stage, false), "db-password", SecretStubs.value(), listener());
  }

  private BuildListener listener() {
    return BuildListener.collecting(log);
  }

  // --- stubs

  private static final String FUNCTION = "/2015-03-31/functions";
  private static final String URL = "/2021-10-31/functions/[a-z-]+/url";
  private static final String POLICY = FUNCTION + "/[a-z-]+/policy";
  private static final String CONFIG = "lambda-configuration.json";
  private static final String NOT_FOUND = "ResourceNotFoundException";

  private void iam(String action, String alsoContaining, int status, String file, String stage) {
    MappingBuilder call = iamCall(action);
    if (!alsoContaining.isEmpty()) {
      call = call.withRequestBody(containing(alsoContaining));
    }
    wm.stubFor(call.atPriority(5).willReturn(xml(status, file, Map.of("stage", stage))));
  }

  private static MappingBuilder iamCall(String action) {
    return post(urlEqualTo("/"))
        .withHeader("Authorization", containing("/us-east-1/iam/aws4_request"))
        .withRequestBody(containing("Action=" + action + "&"));
  }

  private static MappingBuilder secretsCall(String operation) {
    return post(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("secretsmanager." + operation))
        .withHeader("Authorization", containing("/us-east-1/secretsmanager/aws4_request"));
  }

  private void secrets(String operation, int status, String file) {
    wm.stubFor(secretsCall(operation).atPriority(5).willReturn(amzJson(status, file)));
  }

  private void lambda(MappingBuilder call, int status, String file, String errorTypeOrAuth) {
    ResponseDefinitionBuilder answer =
        json(
            status, file, Map.of("auth", errorTypeOrAuth.equals(NOT_FOUND) ? "" : errorTypeOrAuth));
    if (errorTypeOrAuth.equals(NOT_FOUND)) {
      answer = answer.withHeader("x-amzn-ErrorType", NOT_FOUND);
    }
    wm.stubFor(
        call.withHeader("Authorization", containing("/us-east-1/lambda/aws4_request"))
            .atPriority(5)
            .willReturn(answer));
  }

  private static ResponseDefinitionBuilder json(
      int status, String file, Map<String, String> values) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(file(file, values));
  }

  private static ResponseDefinitionBuilder amzJson(int status, String file) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(file(file, Map.of()));
  }

  private static ResponseDefinitionBuilder xml(
      int status, String file, Map<String, String> values) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "text/xml")
        .withBody(file(file, values));
  }

  private static String file(String name, Map<String, String> values) {
    try {
      String text = Files.readString(FILES.resolve(name), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> v : values.entrySet()) {
        text = text.replace("@" + v.getKey() + "@", v.getValue());
      }
      return text;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // --- what the stubs received

  private List<LoggedRequest> requests() {
    return wm.getAllServeEvents().stream()
        .map(e -> e.getRequest())
        .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
        .toList();
  }

  /** Every call that changes something, as {@code METHOD path [operation]}. */
  private List<String> mutations() {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : requests()) {
      String body = r.getBodyAsString();
      String target = r.getHeader("X-Amz-Target");
      boolean read =
          r.getMethod().getName().equals("GET")
              || (target != null && target.endsWith(".DescribeSecret"))
              || body.matches("(?s)Action=(Get|List)[A-Za-z]+&.*");
      if (!read) {
        out.add(r.getMethod().getName() + " " + r.getUrl() + label(r));
      }
    }
    return out;
  }

  private static String label(LoggedRequest r) {
    String target = r.getHeader("X-Amz-Target");
    if (target != null) {
      return " " + target;
    }
    String body = r.getBodyAsString();
    return body.startsWith("Action=") ? " " + body.substring(7, body.indexOf('&')) : "";
  }

  /** The requests whose URL, headers or body hold the secret's value. */
  private List<String> carriers() {
    return requests().stream()
        .filter(
            r -> (r.getUrl() + r.getHeaders() + r.getBodyAsString()).contains(SecretStubs.VALUE))
        .map(r -> r.getMethod().getName() + " " + r.getUrl() + label(r))
        .toList();
  }

  private List<String> described() {
    return requests().stream()
        .filter(r -> "secretsmanager.DescribeSecret".equals(r.getHeader("X-Amz-Target")))
        .map(r -> body(r).get("SecretId").getAsString())
        .toList();
  }

  private LoggedRequest only(String method, String path, String bodyContaining) {
    List<LoggedRequest> found =
        requests().stream()
            .filter(r -> r.getMethod().getName().equals(method) && r.getUrl().equals(path))
            .filter(r -> r.getBodyAsString().contains(bodyContaining))
            .toList();
    assertThat(found).as(method + " " + path + " " + bodyContaining).hasSize(1);
    return found.get(0);
  }

  private List<String> secretPolicyResources(String stage) {
    List<LoggedRequest> puts =
        requests().stream()
            .filter(r -> r.getBodyAsString().startsWith("Action=PutRolePolicy&"))
            .filter(r -> r.getBodyAsString().contains("RoleName=orders-" + stage + "-skyhop-role"))
            .filter(r -> r.getBodyAsString().contains("PolicyName=skyhop-secrets"))
            .toList();
    assertThat(puts).hasSize(1);
    String form = puts.get(0).getBodyAsString();
    String encoded = form.replaceAll("(?s).*PolicyDocument=([^&]*).*", "$1");
    JsonObject doc =
        JsonParser.parseString(URLDecoder.decode(encoded, StandardCharsets.UTF_8))
            .getAsJsonObject();
    JsonArray statements = doc.getAsJsonArray("Statement");
    assertThat(statements).hasSize(1);
    JsonObject statement = statements.get(0).getAsJsonObject();
    assertThat(statement.get("Action").getAsString()).isEqualTo("secretsmanager:GetSecretValue");
    List<String> resources = new ArrayList<>();
    statement.getAsJsonArray("Resource").forEach(e -> resources.add(e.getAsString()));
    return resources;
  }

  private static JsonObject body(LoggedRequest r) {
    return JsonParser.parseString(r.getBodyAsString()).getAsJsonObject();
  }
}
