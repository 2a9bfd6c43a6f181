package io.skyhop.tooling.deploy.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.deploy.aws.AwsEmulators;
import io.skyhop.it.deploy.aws.EmulatorSdk;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.naming.aws.AwsNames;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The app's queues and buckets on AWS, deployed and removed by Skyhop's own classes through the
 * official SDK against ElasticMQ (SQS) and S3Mock (S3), with IAM's role policy on a WireMock stub:
 * {@code prod} then {@code dev} of one app side by side, each resource created once and tagged with
 * app and stage; an unchanged re-run only reads; a stale role policy is narrowed to exactly the
 * app's ARNs; remove of {@code dev} leaves {@code prod} alone and keeps a bucket holding objects
 * unless {@code skyhop.remove.data}; a bound queue is used and never created or deleted. (The test
 * sits in the deployer's package to drive {@link AwsAppResources} and {@link AppPolicy} without
 * Lambda.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsAppResourcesIT {
  private static final String ACCOUNT = "123456789012";
  private static final String ROLE_ARN =
      "arn:aws:iam::" + ACCOUNT + ":role/orders-prod-skyhop-role";
  private static final String BOUND_QUEUE = "team-audit";
  private static final String BOUND_ARN = "arn:aws:sqs:us-east-1:000000000000:" + BOUND_QUEUE;
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create(
              "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

  private static AwsEmulators emulators;
  private static WireMockServer iam;
  private static SqsClient sqs;
  private static S3Client s3;
  private static Manifest manifest;

  @BeforeAll
  static void start() throws Exception {
    emulators = AwsEmulators.start("us-east-1", ACCOUNT);
    iam = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    iam.start();
    sqs = EmulatorSdk.sqs(emulators, CREDENTIALS);
    s3 = EmulatorSdk.s3(emulators, CREDENTIALS);
    manifest = ManifestFile.read(Path.of("src/test/resources/deploy/aws-app"));
    // the team's own queue, which the app binds: Skyhop must never create, tag or delete it
    sqs.createQueue(b -> b.queueName(BOUND_QUEUE));
    clearCalls();
  }

  @AfterAll
  static void stop() {
    if (emulators != null) {
      emulators.close();
    }
    if (iam != null) {
      iam.stop();
    }
  }

  @Test
  @Order(1)
  void prodThenDevCreateEachResourceOnceTaggedWithAppAndStage() {
    noRolePolicyYet();
    List<DeployResult.Resource> prod = deploy("prod", new ArrayList<>());
    List<DeployResult.Resource> dev = deploy("dev", new ArrayList<>());

    String prodBucket = Naming("prod").bucket(ACCOUNT, "uploads");
    assertThat(prod)
        .containsExactly(
            owned("orders", "dead-letter queue", queueArn("orders-prod-orders-dlq")),
            owned("orders", "queue", queueArn("orders-prod-orders")),
            new DeployResult.Resource(
                "audit", "queue", BOUND_ARN, false, DeployResult.Action.UNCHANGED),
            owned("uploads", "bucket", "arn:aws:s3:::" + prodBucket));
    assertThat(dev)
        .extracting(DeployResult.Resource::physicalId)
        .contains(queueArn("orders-dev-orders"));

    List<String> writes = writes();
    assertThat(writes)
        .as("each queue and bucket created exactly once; the bound queue never")
        .containsExactlyInAnyOrder(
            "CreateQueue orders-prod-orders-dlq",
            "CreateQueue orders-prod-orders",
            "CreateBucket " + prodBucket,
            "PutBucketTagging " + prodBucket,
            "PutPublicAccessBlock " + prodBucket,
            "PutBucketEncryption " + prodBucket,
            "CreateQueue orders-dev-orders-dlq",
            "CreateQueue orders-dev-orders",
            "CreateBucket " + Naming("dev").bucket(ACCOUNT, "uploads"),
            "PutBucketTagging " + Naming("dev").bucket(ACCOUNT, "uploads"),
            "PutPublicAccessBlock " + Naming("dev").bucket(ACCOUNT, "uploads"),
            "PutBucketEncryption " + Naming("dev").bucket(ACCOUNT, "uploads"));

    for (String stage : List.of("prod", "dev")) {
      String queue = "orders-" + stage + "-orders";
      String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
      String dlqUrl = sqs.getQueueUrl(b -> b.queueName(queue + "-dlq")).queueUrl();
      Map<String, String> tags = Map.of("skyhop:app", "orders", "skyhop:stage", stage);
      assertThat(sqs.listQueueTags(b -> b.queueUrl(url)).tags()).isEqualTo(tags);
      assertThat(sqs.listQueueTags(b -> b.queueUrl(dlqUrl)).tags()).isEqualTo(tags);
      Map<QueueAttributeName, String> attributes =
          sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
              .attributes();
      assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT))
          .as("six times the function's 30 s")
          .isEqualTo("180");
      JsonObject redrive =
          JsonParser.parseString(attributes.get(QueueAttributeName.REDRIVE_POLICY))
              .getAsJsonObject();
      assertThat(redrive.get("deadLetterTargetArn").getAsString())
          .isEqualTo(queueArn(queue + "-dlq"));
      assertThat(redrive.get("maxReceiveCount").getAsInt()).isEqualTo(5);
      String bucket = Naming(stage).bucket(ACCOUNT, "uploads");
      Map<String, String> bucketTags = new HashMap<>();
      s3.getBucketTagging(b -> b.bucket(bucket))
          .tagSet()
          .forEach(t -> bucketTags.put(t.key(), t.value()));
      assertThat(bucketTags).isEqualTo(tags);
      var block = s3.getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration();
      assertThat(
              List.of(
                  block.blockPublicAcls(),
                  block.ignorePublicAcls(),
                  block.blockPublicPolicy(),
                  block.restrictPublicBuckets()))
          .containsOnly(true);
      assertThat(
              s3.getBucketEncryption(b -> b.bucket(bucket))
                  .serverSideEncryptionConfiguration()
                  .rules()
                  .get(0)
                  .applyServerSideEncryptionByDefault()
                  .sseAlgorithmAsString())
          .isEqualTo("AES256");
    }
    assertThat(sqs.listQueueTags(b -> b.queueUrl(boundUrl())).tags())
        .as("the bound queue is not tagged")
        .isEmpty();
  }

  @Test
  @Order(2)
  void theRolePolicyNamesOnlyTheAppsArnsAndAStaleOneIsNarrowed() {
    String stale =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:*\","
            + "\"Resource\":\"*\"}]}";
    rolePolicyIs(stale);
    List<String> lines = new ArrayList<>();
    deploy("prod", lines);
    List<String> puts = rolePolicyPuts();
    assertThat(puts).hasSize(1);
    JsonObject doc = JsonParser.parseString(puts.get(0)).getAsJsonObject();
    List<String> resources = new ArrayList<>();
    doc.getAsJsonArray("Statement")
        .forEach(
            s ->
                s.getAsJsonObject()
                    .getAsJsonArray("Resource")
                    .forEach(r -> resources.add(r.getAsString())));
    String bucket = Naming("prod").bucket(ACCOUNT, "uploads");
    assertThat(resources)
        .as("exactly the app's queues (its own and the bound one) and its bucket's objects")
        .containsExactly(
            queueArn("orders-prod-orders"), BOUND_ARN, "arn:aws:s3:::" + bucket + "/*");
    assertThat(lines)
        .contains(
            "updated   policy       orders-prod-skyhop-role skyhop-app-resources (2 queues, 1 buckets)");
  }

  @Test
  @Order(3)
  void anUnchangedRerunOnlyReads() {
    // IAM now holds the policy the last run put
    rolePolicyIs(
        AppPolicy.document(
                List.of(queueArn("orders-prod-orders"), BOUND_ARN),
                List.of("arn:aws:s3:::" + Naming("prod").bucket(ACCOUNT, "uploads")))
            .orElseThrow());
    clearCalls();
    List<String> lines = new ArrayList<>();
    List<DeployResult.Resource> prod = deploy("prod", lines);
    assertThat(prod)
        .extracting(DeployResult.Resource::action)
        .containsOnly(DeployResult.Action.UNCHANGED);
    assertThat(writes()).isEmpty();
    assertThat(emulators.sqs().calls()).isNotEmpty();
    assertThat(rolePolicyPuts()).isEmpty();
    assertThat(lines)
        .contains(
            "unchanged queue        orders-prod-orders (redrive to orders-prod-orders-dlq after 5 receives)",
            "unchanged queue        " + BOUND_ARN + " (skyhop.resources.audit, not managed)");
  }

  @Test
  @Order(4)
  void removeOfDevLeavesProdAndKeepsABucketHoldingObjectsUnlessRemoveDataIsSet() {
    String devBucket = Naming("dev").bucket(ACCOUNT, "uploads");
    String prodBucket = Naming("prod").bucket(ACCOUNT, "uploads");
    s3.putObject(b -> b.bucket(devBucket).key("report.csv"), RequestBody.fromString("a,b\n"));
    clearCalls();

    List<String> lines = new ArrayList<>();
    remove("dev", false, lines);
    assertThat(writes())
        .as("dev's queues go, queue before its dead-letter queue; its bucket holds an object")
        .containsExactly("DeleteQueue orders-dev-orders", "DeleteQueue orders-dev-orders-dlq");
    assertThat(lines)
        .contains(
            "WARNING Keeping the S3 bucket "
                + devBucket
                + ": it still holds objects. Fix: copy what you need, then run skyhop:remove with"
                + " -Dskyhop.remove.data=true to delete it with its objects");
    assertThat(s3.headBucket(b -> b.bucket(devBucket)).sdkHttpResponse().isSuccessful()).isTrue();

    clearCalls();
    remove("dev", true, new ArrayList<>());
    assertThat(writes()).containsExactly("DeleteObjects " + devBucket, "DeleteBucket " + devBucket);

    assertThat(sqs.listQueues().queueUrls())
        .as("prod and the bound queue are untouched")
        .extracting(u -> u.substring(u.lastIndexOf('/') + 1))
        .containsExactlyInAnyOrder("orders-prod-orders", "orders-prod-orders-dlq", BOUND_QUEUE);
    assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).containsExactly(prodBucket);

    clearCalls();
    remove("prod", false, new ArrayList<>());
    assertThat(writes())
        .containsExactly(
            "DeleteQueue orders-prod-orders",
            "DeleteQueue orders-prod-orders-dlq",
            "DeleteBucket " + prodBucket);
    assertThat(sqs.listQueues().queueUrls())
        .as("a bring-your-own queue is never deleted")
        .containsExactly(boundUrl());
  }

  // --- helpers

  private static List<DeployResult.Resource> deploy(String stage, List<String> lines) {
    AwsSettings settings = settings(stage, false);
    PlanLog log = new PlanLog(BuildListener.collecting(lines), false);
    try (AwsClients clients = new AwsClients(settings, CREDENTIALS)) {
      AwsAppResources.Ensured ensured =
          new AwsAppResources(clients, settings, log).ensure(manifest, ACCOUNT);
      AppPolicy.apply(
          clients.iam,
          settings,
          Optional.of(ROLE_ARN.replace("prod", stage)),
          ensured.queueArns(),
          ensured.bucketArns(),
          log);
      return ensured.records();
    }
  }

  private static void remove(String stage, boolean removeData, List<String> lines) {
    AwsSettings settings = settings(stage, removeData);
    PlanLog log = new PlanLog(BuildListener.collecting(lines), false);
    try (AwsClients clients = new AwsClients(settings, CREDENTIALS)) {
      AwsAppResources resources = new AwsAppResources(clients, settings, log);
      java.util.Set<String> bound = java.util.Set.of(BOUND_QUEUE);
      resources.remove(bound, resources.ownedBuckets(bound), removeData);
    }
  }

  private static AwsSettings settings(String stage, boolean removeData) {
    Map<String, String> values = new HashMap<>();
    values.put("skyhop.region", "us-east-1");
    values.put("skyhop.stage", stage);
    values.put("skyhop.aws.endpoint", "http://127.0.0.1:" + iam.port());
    values.put("skyhop.aws.endpoint.sqs", emulators.sqs().endpoint());
    values.put("skyhop.aws.endpoint.s3", emulators.s3().endpoint());
    values.put("skyhop.resources.audit", BOUND_ARN);
    values.put("skyhop.remove.data", String.valueOf(removeData));
    return AwsSettings.of("orders", new Settings(values));
  }

  private static AwsNames Naming(String stage) {
    return AwsNames.of(io.skyhop.tooling.naming.Naming.of("orders", stage));
  }

  private static DeployResult.Resource owned(String logical, String kind, String id) {
    return new DeployResult.Resource(logical, kind, id, true, DeployResult.Action.CREATED);
  }

  private static String queueArn(String name) {
    return "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + name;
  }

  private static String boundUrl() {
    return sqs.getQueueUrl(b -> b.queueName(BOUND_QUEUE)).queueUrl();
  }

  private static void clearCalls() {
    emulators.sqs().clearCalls();
    emulators.s3().clearCalls();
    iam.resetRequests();
  }

  private static List<String> writes() {
    return EmulatorSdk.writes(emulators);
  }

  private static void noRolePolicyYet() {
    iam.resetAll();
    iam.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=GetRolePolicy"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error>"
                            + "<Type>Sender</Type><Code>NoSuchEntity</Code><Message>The role policy"
                            + " with name skyhop-app-resources cannot be found.</Message></Error>"
                            + "<RequestId>4a1c5f8e-0001-4d3c-9a7e-0f1e2d3c4b5a</RequestId>"
                            + "</ErrorResponse>")));
    stubPutRolePolicy();
  }

  /** IAM answers GetRolePolicy with {@code document}, URL-encoded as IAM returns it. */
  private static void rolePolicyIs(String document) {
    iam.resetAll();
    iam.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=GetRolePolicy"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        "<GetRolePolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                            + "<GetRolePolicyResult><PolicyName>skyhop-app-resources</PolicyName>"
                            + "<RoleName>orders-prod-skyhop-role</RoleName><PolicyDocument>"
                            + URLEncoder.encode(document, StandardCharsets.UTF_8)
                                .replace("+", "%20")
                            + "</PolicyDocument></GetRolePolicyResult><ResponseMetadata><RequestId>"
                            + "4a1c5f8e-0002-4d3c-9a7e-0f1e2d3c4b5a</RequestId></ResponseMetadata>"
                            + "</GetRolePolicyResponse>")));
    stubPutRolePolicy();
  }

  private static void stubPutRolePolicy() {
    iam.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=PutRolePolicy"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        "<PutRolePolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                            + "<ResponseMetadata><RequestId>4a1c5f8e-0003-4d3c-9a7e-0f1e2d3c4b5a"
                            + "</RequestId></ResponseMetadata></PutRolePolicyResponse>")));
  }

  /** The documents of the PutRolePolicy calls IAM received. */
  private static List<String> rolePolicyPuts() {
    List<String> docs = new ArrayList<>();
    iam.getAllServeEvents()
        .forEach(
            e -> {
              String body = e.getRequest().getBodyAsString();
              if (body.contains("Action=PutRolePolicy")) {
                for (String pair : body.split("&")) {
                  if (pair.startsWith("PolicyDocument=")) {
                    docs.add(
                        URLDecoder.decode(
                            pair.substring("PolicyDocument=".length()), StandardCharsets.UTF_8));
                  }
                }
              }
            });
    return docs;
  }
}
