package io.skyhop.tooling.invoke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.aws.AwsNames;
import io.skyhop.tooling.naming.azure.AzureNames;
import io.skyhop.tooling.naming.gcp.GcpNames;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code skyhop:invoke -Dskyhop.remote=true} against stubs of each provider: an {@code
 * Auth.FUNCTION} HTTP function gets the target's credentials (SigV4 on the AWS Function URL, a
 * Google ID token for the function's URL, the Azure function key read with listkeys), an anonymous
 * one none; a queue function's payload lands on the app's physical queue of the {@code dev} stage
 * (SQS {@code shop-dev-orders}, Pub/Sub {@code shop-dev-orders}, Storage queue {@code
 * shop-dev-orders}).
 */
@Timeout(60)
class RemoteInvokeTest {
  static final String SITE =
      "/subscriptions/s-1/resourceGroups/shop-rg/providers/Microsoft.Web/sites/shop-dev";
  static final byte[] ORDER = "{\"id\":42}".getBytes(StandardCharsets.UTF_8);

  final WireMockServer wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
  final Naming naming = Naming.of("shop", "dev");
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    wm.start();
    Files.copy(fixture("manifest.json"), dir.resolve("manifest.json"));
    stubFunctions(wm);
  }

  /** The two HTTP functions' URLs under {@code /fn}: orders answers 201, status "up". */
  static void stubFunctions(WireMockServer wm) {
    wm.stubFor(
        any(urlPathEqualTo("/fn/orders"))
            .willReturn(aResponse().withStatus(201).withBody("{\"created\":42}")));
    wm.stubFor(any(urlPathEqualTo("/fn/status")).willReturn(aResponse().withBody("up")));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void awsSignsTheFunctionUrlSendsToTheSqsQueueAndFiresTheSchedule() throws Exception {
    DeployRequest request = request(Target.named("aws"));
    wm.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AmazonSQS.GetQueueUrl"))
            .withRequestBody(matchingJsonPath("$.QueueName", equalTo("shop-dev-orders")))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/x-amz-json-1.0")
                    .withBody(
                        Files.readString(fixture("sqs-get-queue-url.json"))
                            .replace("{{base}}", wm.baseUrl()))));
    wm.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AmazonSQS.SendMessage"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/x-amz-json-1.0")
                    .withBody(
                        "{\"MessageId\":\"5fea7756-0ea4-451a-a703-a558b933e274\","
                            + "\"MD5OfMessageBody\":\""
                            + md5(ORDER)
                            + "\"}")));
    try (AwsRemote aws =
        new AwsRemote(
            KEYS,
            "eu-west-1",
            stubbed(SqsClient.builder()).build(),
            stubbed(LambdaClient.builder()).build(),
            stubbed(S3Client.builder()).forcePathStyle(true).build(),
            AwsNames.of(naming))) {
      Invocation created = RemoteInvoke.invoke(aws, request, function("create-order"), ORDER);
      assertThat(created.status()).isEqualTo(201);
      assertThat(created.body()).isEqualTo("{\"created\":42}");
      assertThat(created.how()).isEqualTo("Function URL, signed with SigV4 (IAM)");
      wm.verify(
          postRequestedFor(urlPathEqualTo("/fn/orders"))
              .withHeader(
                  "Authorization",
                  matching(
                      "AWS4-HMAC-SHA256 Credential=AKIDINVOKE/\\d{8}/eu-west-1/lambda/aws4_request,"
                          + " SignedHeaders=[a-z0-9;-]*host;[a-z0-9;-]*x-amz-date[a-z0-9;-]*,"
                          + " Signature=[0-9a-f]{64}"))
              .withHeader("X-Amz-Date", matching("\\d{8}T\\d{6}Z"))
              .withHeader("x-amz-content-sha256", equalTo(sha256(ORDER)))
              .withRequestBody(equalTo("{\"id\":42}")));

      assertThat(RemoteInvoke.invoke(aws, request, function("status"), new byte[0]).body())
          .isEqualTo("up");
      wm.verify(
          getRequestedFor(urlPathEqualTo("/fn/status")).withHeader("Authorization", absent()));

      wm.stubFor(
          com.github.tomakehurst.wiremock.client.WireMock.get(
                  urlEqualTo("/2015-03-31/functions/shop-dev-nightly/configuration"))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody(Files.readString(fixture("lambda-configuration.json")))));
      wm.stubFor(
          post(urlEqualTo("/2015-03-31/functions/shop-dev-nightly/invocations"))
              .withHeader("X-Amz-Log-Type", equalTo("Tail"))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withHeader("X-Amz-Executed-Version", "$LATEST")
                      .withHeader(
                          "X-Amz-Log-Result",
                          Base64.getEncoder()
                              .encodeToString(Files.readAllBytes(fixture("lambda-log-tail.txt"))))
                      .withBody("null")));
      Invocation nightly = RemoteInvoke.invoke(aws, request, function("nightly"), new byte[0]);
      assertThat(nightly.describe("nightly").get(0))
          .matches(
              "nightly -> 200 in \\d+ ms, billed 784 ms, init 612 ms \\(Lambda Invoke with a"
                  + " Scheduled Event of rule shop-dev-nightly\\)");
      wm.verify(
          postRequestedFor(urlEqualTo("/2015-03-31/functions/shop-dev-nightly/invocations"))
              .withRequestBody(matchingJsonPath("$.detail-type", equalTo("Scheduled Event")))
              .withRequestBody(matchingJsonPath("$.source", equalTo("aws.events")))
              .withRequestBody(
                  matchingJsonPath(
                      "$.resources[0]",
                      equalTo("arn:aws:events:eu-west-1:123456789012:rule/shop-dev-nightly"))));

      wm.stubFor(
          com.github.tomakehurst.wiremock.client.WireMock.get(
                  urlEqualTo("/2015-03-31/functions/shop-dev-on-upload/configuration"))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          Files.readString(fixture("lambda-configuration.json"))
                              .replace("shop-dev-nightly", "shop-dev-on-upload"))));
      wm.stubFor(
          com.github.tomakehurst.wiremock.client.WireMock.put(
                  urlPathMatching("/shop-dev-uploads-[a-z0-9]+/invoke/order.json"))
              .willReturn(aResponse().withHeader("ETag", "\"9b2cf535f27731c974343645a3985328\"")));
      Invocation stored = RemoteInvoke.invoke(aws, request, function("on-upload"), ORDER);
      assertThat(stored.how()).matches("S3 PutObject to shop-dev-uploads-[a-z0-9]+");
      assertThat(stored.how())
          .isEqualTo("S3 PutObject to " + AwsNames.of(naming).bucket("123456789012", "uploads"));

      Invocation queued = RemoteInvoke.invoke(aws, request, function("on-order"), ORDER);
      assertThat(queued.describe("on-order").get(1))
          .isEqualTo("message 5fea7756-0ea4-451a-a703-a558b933e274");
      assertThat(queued.how()).isEqualTo("SQS SendMessage to shop-dev-orders");
      wm.verify(
          postRequestedFor(urlEqualTo("/"))
              .withHeader("X-Amz-Target", equalTo("AmazonSQS.SendMessage"))
              .withRequestBody(
                  matchingJsonPath(
                      "$.QueueUrl", equalTo(wm.baseUrl() + "/123456789012/shop-dev-orders")))
              .withRequestBody(matchingJsonPath("$.MessageBody", equalTo("{\"id\":42}"))));
    }
  }

  @Test
  void gcpSendsAnIdTokenPublishesToTheTopicAndRunsTheSchedulerJob() throws Exception {
    DeployRequest request = request(Target.named("gcp"));
    wm.stubFor(
        post(urlEqualTo("/v1/projects/shop-prod/topics/shop-dev-orders:publish"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(Files.readString(fixture("pubsub-publish.json")))));
    GcpRemote gcp =
        new GcpRemote(
            audience -> "id-token-for-" + audience,
            GoogleCredentials.create(
                new AccessToken("ya29.pubsub", Date.from(Instant.now().plus(Duration.ofHours(1))))),
            Optional.of(wm.baseUrl()),
            "shop-prod",
            "europe-west1",
            GcpNames.of(naming));
    Invocation created = RemoteInvoke.invoke(gcp, request, function("create-order"), ORDER);
    assertThat(created.status()).isEqualTo(201);
    wm.verify(
        postRequestedFor(urlPathEqualTo("/fn/orders"))
            .withHeader("Authorization", equalTo("Bearer id-token-for-" + wm.baseUrl())));
    RemoteInvoke.invoke(gcp, request, function("status"), new byte[0]);
    wm.verify(getRequestedFor(urlPathEqualTo("/fn/status")).withHeader("Authorization", absent()));

    wm.stubFor(
        post(urlEqualTo("/v1/projects/shop-prod/locations/europe-west1/jobs/shop-dev-nightly:run"))
            .withHeader("Authorization", equalTo("Bearer ya29.pubsub"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(Files.readString(fixture("scheduler-run.json")))));
    Invocation nightly = RemoteInvoke.invoke(gcp, request, function("nightly"), new byte[0]);
    assertThat(nightly.status()).isEqualTo(200);
    assertThat(nightly.how())
        .isEqualTo(
            "Cloud Scheduler run of"
                + " projects/shop-prod/locations/europe-west1/jobs/shop-dev-nightly");

    String gcs = GcpNames.of(naming).bucket("shop-prod", "uploads");
    wm.stubFor(
        post(urlEqualTo(
                "/upload/storage/v1/b/" + gcs + "/o?uploadType=media&name=invoke%2Forder.json"))
            .withHeader("Authorization", equalTo("Bearer ya29.pubsub"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"kind\":\"storage#object\",\"name\":\"invoke/order.json\"}")));
    Invocation stored = RemoteInvoke.invoke(gcp, request, function("on-upload"), ORDER);
    assertThat(stored.status()).isEqualTo(200);
    assertThat(gcs).matches("shop-dev-uploads-[a-z0-9]+");

    Invocation queued = RemoteInvoke.invoke(gcp, request, function("on-order"), ORDER);
    assertThat(queued.body()).isEqualTo("message 13298426738296501");
    assertThat(queued.how())
        .isEqualTo("Pub/Sub publish to projects/shop-prod/topics/shop-dev-orders");
    wm.verify(
        postRequestedFor(urlEqualTo("/v1/projects/shop-prod/topics/shop-dev-orders:publish"))
            .withHeader("Authorization", equalTo("Bearer ya29.pubsub"))
            .withRequestBody(
                matchingJsonPath(
                    "$.messages[0].data", equalTo(Base64.getEncoder().encodeToString(ORDER)))));
  }

  @Test
  void azureSendsTheFunctionKeyPutsTheMessageOnTheStorageQueueAndRunsTheTimer() throws Exception {
    DeployRequest request = request(Target.named("azure"));
    wm.stubFor(
        post(urlEqualTo(SITE + "/functions/create-order/listkeys?api-version=2024-04-01"))
            .withHeader("Authorization", equalTo("Bearer arm-token"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(Files.readString(fixture("listkeys.json")))));
    wm.stubFor(
        post(urlEqualTo("/shop-dev-orders/messages"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/xml")
                    .withBody(Files.readString(fixture("queue-put-message.xml")))));
    AzureRemote azure =
        new AzureRemote(
            signed("arm-token"),
            signed("storage-token"),
            wm.baseUrl() + SITE,
            wm.baseUrl(),
            wm.baseUrl(),
            wm::baseUrl,
            AzureNames.of(naming));
    Invocation created = RemoteInvoke.invoke(azure, request, function("create-order"), ORDER);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.describe("create-order"))
        .noneMatch(line -> line.contains("fk_Zm9vYmFyLXNlY3JldC1rZXktdmFsdWU="));
    wm.verify(
        postRequestedFor(urlPathEqualTo("/fn/orders"))
            .withHeader("x-functions-key", equalTo("fk_Zm9vYmFyLXNlY3JldC1rZXktdmFsdWU=")));
    RemoteInvoke.invoke(azure, request, function("status"), new byte[0]);
    wm.verify(
        getRequestedFor(urlPathEqualTo("/fn/status")).withHeader("x-functions-key", absent()));

    wm.stubFor(
        post(urlEqualTo(SITE + "/host/default/listkeys?api-version=2024-04-01"))
            .withHeader("Authorization", equalTo("Bearer arm-token"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(Files.readString(fixture("host-listkeys.json")))));
    wm.stubFor(
        post(urlEqualTo("/admin/functions/nightly")).willReturn(aResponse().withStatus(202)));
    Invocation nightly = RemoteInvoke.invoke(azure, request, function("nightly"), new byte[0]);
    assertThat(nightly.status()).isEqualTo(202);
    assertThat(nightly.describe("nightly")).noneMatch(l -> l.contains("mk_"));
    wm.verify(
        postRequestedFor(urlEqualTo("/admin/functions/nightly"))
            .withHeader("x-functions-key", equalTo("mk_bWFzdGVyLWtleS12YWx1ZQ=="))
            .withRequestBody(equalTo("{\"input\":\"\"}")));

    wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.put(
                urlEqualTo("/shop-dev-uploads/invoke/order.json"))
            .withHeader("Authorization", equalTo("Bearer storage-token"))
            .withHeader("x-ms-blob-type", equalTo("BlockBlob"))
            .willReturn(aResponse().withStatus(201).withHeader("ETag", "\"0x8DD16A2C3B1F2E4\"")));
    Invocation stored = RemoteInvoke.invoke(azure, request, function("on-upload"), ORDER);
    assertThat(stored.body())
        .isEqualTo("blob shop-dev-uploads/invoke/order.json (ETag \"0x8DD16A2C3B1F2E4\")");

    Invocation queued = RemoteInvoke.invoke(azure, request, function("on-order"), ORDER);
    assertThat(queued.status()).isEqualTo(201);
    assertThat(queued.body()).isEqualTo("message 2f1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
    wm.verify(
        postRequestedFor(urlEqualTo("/shop-dev-orders/messages"))
            .withHeader("Authorization", equalTo("Bearer storage-token"))
            .withHeader("x-ms-version", equalTo("2021-12-02"))
            .withRequestBody(
                equalTo(
                    "<QueueMessage><MessageText>"
                        + Base64.getEncoder().encodeToString(ORDER)
                        + "</MessageText></QueueMessage>")));
  }

  @Test
  void aMissingDeployRecordFailsNamingTheFix() throws Exception {
    DeployRequest request = request(Target.named("gcp"));
    RemoteTarget none =
        new GcpRemote(
            a -> "x",
            GoogleCredentials.create(null),
            Optional.empty(),
            "p",
            "r",
            GcpNames.of(naming));
    Files.delete(request.recordFile());
    assertThatThrownBy(
            () -> RemoteInvoke.invoke(none, request, function("create-order"), new byte[0]))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "No deploy record "
                + request.recordFile()
                + ". Fix: deploy first (mvn deploy -Dskyhop.target=gcp -Dskyhop.stage=dev)");
  }

  private static final StaticCredentialsProvider KEYS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDINVOKE", "s3cr3t"));

  /** An AWS SDK client builder pointed at the stub, with test keys. */
  private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B stubbed(B builder) {
    return builder
        .endpointOverride(URI.create(wm.baseUrl()))
        .region(Region.EU_WEST_1)
        .credentialsProvider(KEYS)
        .httpClient(UrlConnectionHttpClient.builder().build());
  }

  private DeployRequest request(Target target) throws Exception {
    DeployRequest request =
        new DeployRequest(
            target,
            "shop",
            dir,
            new Settings(Map.of("skyhop.stage", "dev", RemoteInvoke.KEY, "invoke/order.json")),
            false);
    String base = wm.baseUrl() + "/fn";
    Files.writeString(
        request.recordFile(),
        "{\"target\":\""
            + target.id()
            + "\",\"app\":\"shop\",\"stage\":\"dev\",\"functions\":["
            + "{\"name\":\"create-order\",\"resource\":\"shop-dev-create-order\",\"action\":"
            + "\"CREATED\",\"endpoint\":\""
            + base
            + "/orders\",\"details\":{}},"
            + "{\"name\":\"status\",\"resource\":\"shop-dev-status\",\"action\":\"CREATED\","
            + "\"endpoint\":\""
            + base
            + "/status\",\"details\":{}}],\"resources\":[],\"details\":{}}");
    return request;
  }

  private Manifest.Function function(String name) throws Exception {
    return ManifestFile.read(dir).functions().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** The production pipelines add the bearer token (azure-core allows that over https only). */
  private static com.azure.core.http.HttpPipeline signed(String token) {
    return new HttpPipelineBuilder()
        .policies(new AddHeadersPolicy(new HttpHeaders().set("Authorization", "Bearer " + token)))
        .build();
  }

  private static Path fixture(String name) throws Exception {
    return Path.of(RemoteInvokeTest.class.getResource("/invoke/" + name).toURI());
  }

  private static String md5(byte[] bytes) throws Exception {
    return String.format(
        "%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(bytes)));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return String.format(
        "%064x", new BigInteger(1, MessageDigest.getInstance("SHA-256").digest(bytes)));
  }
}
