package io.skyhop.tooling.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.deploy.aws.AwsCall;
import io.skyhop.it.deploy.aws.AwsEmulators;
import io.skyhop.it.deploy.aws.AwsStubs;
import io.skyhop.it.deploy.aws.EmulatorSdk;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.aws.AwsNames;
import io.skyhop.tooling.retry.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole app on AWS, per stage, through {@link AwsDeployer} (the engine's deploy and remove,
 * without Maven): the fixture with all four trigger kinds plus a queue function on a bound queue
 * ({@code deploy/aws-app}) deployed with {@code skyhop.stage=prod}, then {@code dev} beside it.
 * Lambda, IAM and EventBridge are WireMock stubs shaped from the service models (scenario {@code
 * deploy/aws/stages}: an account without the app), SQS is ElasticMQ and S3 is S3Mock, all through
 * the official SDK with SigV4. Each function, rule, mapping, permission, queue and bucket is
 * created exactly once per stage and tagged with app and stage; the role's policy names only the
 * stage's ARNs; a dry run lists every resource it would create and changes nothing; removing {@code
 * dev} leaves every {@code prod} resource and the bound queue, and keeps a bucket holding an
 * object.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsAppStagesIT {
  private static final String ACCOUNT = "123456789012";
  private static final String BOUND_QUEUE = "team-audit";
  private static final String BOUND_ARN = "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + BOUND_QUEUE;
  private static final List<String> FUNCTIONS =
      List.of("get", "nightly", "on-order", "on-upload", "on-audit");
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create(
              "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

  private static AwsEmulators emulators;
  private static SqsClient sqs;
  private static S3Client s3;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    emulators = AwsEmulators.start("us-east-1", ACCOUNT);
    sqs = EmulatorSdk.sqs(emulators, CREDENTIALS);
    s3 = EmulatorSdk.s3(emulators, CREDENTIALS);
    Files.copy(
        Path.of("src/test/resources/deploy/aws-app/manifest.json"), dir.resolve("manifest.json"));
    Files.createDirectories(dir.resolve("aws"));
    Files.write(dir.resolve("aws/orders.zip"), "PK-orders".getBytes(StandardCharsets.UTF_8));
    sqs.createQueue(b -> b.queueName(BOUND_QUEUE));
    emulators.sqs().clearCalls();
  }

  @AfterAll
  static void stop() {
    if (emulators != null) {
      emulators.close();
    }
  }

  @Test
  @Order(1)
  void aDryRunListsEveryResourceItWouldCreateAndChangesNothing() throws Exception {
    try (AwsStubs aws = AwsStubs.serve("stages", Map.of("stage", "prod"))) {
      List<String> lines = new ArrayList<>();
      deployer().deploy(request("prod", true, aws), BuildListener.collecting(lines));

      assertThat(aws.unmatched()).isEmpty();
      assertThat(aws.calls()).allSatisfy(c -> assertThat(c.readOnly()).as(c.label()).isTrue());
      assertThat(writes()).isEmpty();
      // a new app: the role, and so the account, do not exist yet; names that hold the account
      // (the bucket's hash, the queue's ARN) are shown as placeholders
      assertThat(lines)
          .filteredOn(l -> l.startsWith("[dry run] create"))
          .extracting(l -> l.replaceAll("^\\[dry run] create +", "").replaceAll(" +", " "))
          .extracting(l -> l.replaceAll(" \\(.*", ""))
          .containsExactlyInAnyOrder(
              "role orders-prod-skyhop-role",
              "queue orders-prod-orders-dlq",
              "queue orders-prod-orders",
              "bucket <bucket uploads>",
              "policy orders-prod-skyhop-role skyhop-app-resources",
              "function orders-prod-get",
              "url orders-prod-get",
              "permission orders-prod-get FunctionURLAllowPublicAccess",
              "permission orders-prod-get FunctionURLAllowInvokeAction",
              "function orders-prod-nightly",
              "rule orders-prod-nightly",
              "target orders-prod-nightly -> orders-prod-nightly",
              "permission orders-prod-nightly skyhop-eventbridge",
              "function orders-prod-on-order",
              "mapping arn:aws:sqs:us-east-1:<account>:orders-prod-orders -> orders-prod-on-order",
              "function orders-prod-on-upload",
              "permission orders-prod-on-upload skyhop-s3-<bucket uploads>",
              "notification s3://<bucket uploads> -> orders-prod-on-upload",
              "function orders-prod-on-audit",
              "mapping " + BOUND_ARN + " -> orders-prod-on-audit");
    }
  }

  @Test
  @Order(2)
  void prodThenDevCreateEachResourceOnceTaggedWithAppAndStageUnderAPolicyOfTheirOwnArns()
      throws Exception {
    for (String stage : List.of("prod", "dev")) {
      try (AwsStubs aws = AwsStubs.serve("stages", Map.of("stage", stage))) {
        DeployResult result =
            deployer()
                .deploy(request(stage, false, aws), BuildListener.collecting(new ArrayList<>()));
        assertThat(aws.unmatched()).isEmpty();
        List<AwsCall> calls = aws.calls();
        String prefix = "orders-" + stage + "-";

        assertThat(ops(calls, "CreateFunction"))
            .containsExactlyInAnyOrderElementsOf(FUNCTIONS.stream().map(f -> prefix + f).toList());
        for (AwsCall create : of(calls, "CreateFunction")) {
          JsonObject tags = create.body().getAsJsonObject("Tags");
          assertThat(tags.get("skyhop:app").getAsString()).isEqualTo("orders");
          assertThat(tags.get("skyhop:stage").getAsString()).isEqualTo(stage);
          assertThat(create.body().get("Role").getAsString())
              .isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/" + prefix + "skyhop-role");
        }
        AwsCall role = of(calls, "CreateRole").get(0);
        assertThat(ops(calls, "CreateRole")).containsExactly(prefix + "skyhop-role");
        assertThat(role.form().values()).contains("skyhop:app", "orders", "skyhop:stage", stage);
        assertThat(ops(calls, "PutRule")).containsExactly(prefix + "nightly");
        assertThat(of(calls, "PutRule").get(0).body().get("Tags").toString())
            .contains("{\"Key\":\"skyhop:app\",\"Value\":\"orders\"}")
            .contains("{\"Key\":\"skyhop:stage\",\"Value\":\"" + stage + "\"}");
        assertThat(
                of(calls, "CreateEventSourceMapping").stream()
                    .map(
                        c ->
                            c.body().get("FunctionName").getAsString()
                                + " <- "
                                + c.body().get("EventSourceArn").getAsString()))
            .containsExactlyInAnyOrder(
                prefix + "on-order <- " + queueArn(prefix + "orders"),
                prefix + "on-audit <- " + BOUND_ARN);
        assertThat(
                of(calls, "AddPermission").stream()
                    .filter(c -> c.body().has("SourceArn"))
                    .map(c -> c.resource() + " " + c.body().get("SourceArn").getAsString()))
            .containsExactlyInAnyOrder(
                prefix
                    + "nightly arn:aws:events:us-east-1:"
                    + ACCOUNT
                    + ":rule/"
                    + prefix
                    + "nightly",
                prefix + "on-upload arn:aws:s3:::" + bucket(stage));
        assertThat(policyResources(calls))
            .as(
                "the %s role may touch exactly its own queue, the bound queue and its bucket",
                stage)
            .containsExactly(
                queueArn(prefix + "orders"), BOUND_ARN, "arn:aws:s3:::" + bucket(stage) + "/*");
        assertThat(result.resources())
            .extracting(r -> r.logical() + " " + r.physicalId() + " " + r.owned())
            .containsExactly(
                "orders " + queueArn(prefix + "orders-dlq") + " true",
                "orders " + queueArn(prefix + "orders") + " true",
                "audit " + BOUND_ARN + " false",
                "uploads arn:aws:s3:::" + bucket(stage) + " true");
        String notification =
            s3.getBucketNotificationConfiguration(b -> b.bucket(bucket(stage)))
                .lambdaFunctionConfigurations()
                .get(0)
                .lambdaFunctionArn();
        assertThat(notification)
            .isEqualTo("arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + prefix + "on-upload");
      }
    }
    assertThat(writes())
        .as("each stage's queues and bucket created exactly once; the bound queue never touched")
        .filteredOn(w -> w.startsWith("CreateQueue") || w.startsWith("CreateBucket"))
        .containsExactlyInAnyOrder(
            "CreateQueue orders-prod-orders-dlq",
            "CreateQueue orders-prod-orders",
            "CreateBucket " + bucket("prod"),
            "CreateQueue orders-dev-orders-dlq",
            "CreateQueue orders-dev-orders",
            "CreateBucket " + bucket("dev"));
    assertThat(writes()).noneMatch(w -> w.contains(BOUND_QUEUE));
    for (String stage : List.of("prod", "dev")) {
      String url = sqs.getQueueUrl(b -> b.queueName("orders-" + stage + "-orders")).queueUrl();
      assertThat(sqs.listQueueTags(b -> b.queueUrl(url)).tags())
          .isEqualTo(Map.of("skyhop:app", "orders", "skyhop:stage", stage));
      assertThat(s3.getBucketTagging(b -> b.bucket(bucket(stage))).tagSet())
          .extracting(t -> t.key() + "=" + t.value())
          .containsExactlyInAnyOrder("skyhop:app=orders", "skyhop:stage=" + stage);
    }
  }

  @Test
  @Order(3)
  void removingDevLeavesProdAndTheBoundQueueAndKeepsABucketHoldingAnObject() throws Exception {
    s3.putObject(b -> b.bucket(bucket("dev")).key("kept.csv"), RequestBody.fromString("a\n"));
    emulators.sqs().clearCalls();
    emulators.s3().clearCalls();
    List<String> lines = new ArrayList<>();
    try (AwsStubs aws = AwsStubs.serve("stages", Map.of("stage", "dev"))) {
      deployer().remove(request("dev", false, aws), BuildListener.collecting(lines));
      assertThat(aws.unmatched()).isEmpty();
    }
    assertThat(writes())
        .containsExactly("DeleteQueue orders-dev-orders", "DeleteQueue orders-dev-orders-dlq");
    assertThat(lines)
        .contains(
            "WARNING Keeping the S3 bucket "
                + bucket("dev")
                + ": it still holds objects. Fix: copy what you need, then run skyhop:remove with"
                + " -Dskyhop.remove.data=true to delete it with its objects");
    assertThat(sqs.listQueues().queueUrls())
        .extracting(u -> u.substring(u.lastIndexOf('/') + 1))
        .containsExactlyInAnyOrder("orders-prod-orders", "orders-prod-orders-dlq", BOUND_QUEUE);
    assertThat(s3.listBuckets().buckets())
        .extracting(b -> b.name())
        .containsExactlyInAnyOrder(bucket("prod"), bucket("dev"));
  }

  // --- helpers

  private static AwsDeployer deployer() {
    Pacer quick =
        new Pacer(
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            Duration.ofSeconds(5),
            RetryPolicy.Sleeper.THREAD);
    return new AwsDeployer(quick, quick, () -> CREDENTIALS);
  }

  private static DeployRequest request(String stage, boolean dryRun, AwsStubs aws) {
    Map<String, String> settings = new HashMap<>();
    settings.put("skyhop.aws.endpoint", aws.endpoint());
    settings.put("skyhop.region", "us-east-1");
    settings.put("skyhop.stage", stage);
    settings.put("skyhop.aws.endpoint.sqs", emulators.sqs().endpoint());
    settings.put("skyhop.aws.endpoint.s3", emulators.s3().endpoint());
    settings.put("skyhop.resources.audit", BOUND_ARN);
    return new DeployRequest(Target.named("aws"), "orders", dir, new Settings(settings), dryRun);
  }

  private static String bucket(String stage) {
    return AwsNames.of(Naming.of("orders", stage)).bucket(ACCOUNT, "uploads");
  }

  private static String queueArn(String name) {
    return "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + name;
  }

  private static List<AwsCall> of(List<AwsCall> calls, String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation)).toList();
  }

  private static List<String> ops(List<AwsCall> calls, String operation) {
    return of(calls, operation).stream().map(AwsCall::resource).toList();
  }

  private static List<String> policyResources(List<AwsCall> calls) {
    List<AwsCall> puts =
        of(calls, "PutRolePolicy").stream()
            .filter(c -> "skyhop-app-resources".equals(c.form().get("PolicyName")))
            .toList();
    assertThat(puts).hasSize(1);
    List<String> resources = new ArrayList<>();
    JsonParser.parseString(puts.get(0).form().get("PolicyDocument"))
        .getAsJsonObject()
        .getAsJsonArray("Statement")
        .forEach(
            s ->
                s.getAsJsonObject()
                    .getAsJsonArray("Resource")
                    .forEach(r -> resources.add(r.getAsString())));
    return resources;
  }

  private static List<String> writes() {
    return EmulatorSdk.writes(emulators);
  }
}
