package io.skyhop.it.deploy.aws;

import static io.skyhop.it.deploy.aws.AwsExpectations.ACCESS_KEY;
import static io.skyhop.it.deploy.aws.AwsExpectations.ACCOUNT;
import static io.skyhop.it.deploy.aws.AwsExpectations.FUNCTIONS;
import static io.skyhop.it.deploy.aws.AwsExpectations.ROLE;
import static io.skyhop.it.deploy.aws.AwsExpectations.count;
import static io.skyhop.it.deploy.aws.AwsExpectations.sha256;
import static io.skyhop.it.deploy.aws.AwsExpectations.writes;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import io.skyhop.tooling.naming.aws.AwsNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code mvn deploy -Dskyhop.target=aws} and {@code mvn skyhop:remove} of a copy of
 * examples/orders, as real Maven builds, against WireMock stubs of Lambda, IAM, EventBridge and S3
 * (one scenario per folder under {@code src/test/resources/deploy/aws}), through the official AWS
 * SDK with real SigV4 signing. Several checks share each Maven run to keep the suite short.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsDeployIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String REGION = "-Dskyhop.region=us-east-1";

  /**
   * The queue and bucket the stubbed account already has, bound as the app's (bring your own): the
   * stubs are shaped around them. Creating owned ones is AwsAppResourcesIT's, against emulators.
   */
  private static final String[] BOUND = {
    "-Dskyhop.resources.orders=arn:aws:sqs:us-east-1:" + ACCOUNT + ":orders",
    "-Dskyhop.resources.uploads=arn:aws:s3:::uploads"
  };

  private static MavenBuild build;
  private static AwsEmulators.Sqs sqs;

  @AfterAll
  static void stopSqs() {
    if (sqs != null) {
      sqs.close();
    }
  }

  @BeforeAll
  static void copyTheExample() throws IOException {
    // SQS is ElasticMQ: a dry run reads the app's queues there, remove lists them
    sqs = AwsEmulators.startSqs("us-east-1", ACCOUNT);
    build =
        MavenBuild.copy(Repo.root().resolve("examples/orders"), "aws-orders")
            .env("AWS_ACCESS_KEY_ID", ACCESS_KEY)
            .env("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
            // the rest of the default chain finds nothing here, and fast
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_CONFIG_FILE", "/nonexistent/aws-config")
            .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials")
            // short-lived Maven JVMs start faster with the client compiler only
            .env(
                "MAVEN_OPTS",
                (System.getenv().getOrDefault("MAVEN_OPTS", "") + " -XX:TieredStopAtLevel=1")
                    .trim());
  }

  @Test
  @Order(1)
  void deploysThenRedeploysNothingThenUpdatesOnlyCode() throws Exception {
    String sha = freshDeploy();
    dryRunOfANewApp();
    dryRunWithBroughtResources();
    unchangedRedeploy(sha);
    dryRunOfAnUpdate();
    codeChange(sha);
  }

  /** Nothing deployed yet: everything is created; a 429 on a CreateFunction is retried. */
  private static String freshDeploy() throws Exception {
    try (AwsStubs aws = AwsStubs.serve("fresh", Map.of())) {
      MavenBuild.Result r = mvn(build, aws, "deploy", REGION, BOUND[0], BOUND[1]);
      assertThat(r.succeeded()).as(r + "\n" + r.output()).isTrue();
      assertThat(aws.unmatched()).isEmpty();
      List<AwsCall> calls = aws.calls();
      AwsExpectations.signed(calls);
      byte[] zip = Files.readAllBytes(zip());
      AwsExpectations.roleCreated(calls);
      assertThat(
              calls.stream()
                  .filter(c -> c.operation().equals("CreateFunction"))
                  .map(c -> c.resource() + " " + c.status()))
          .as("orders-get twice: 429 TooManyRequestsException, then accepted")
          .containsExactly(
              "orders-get 429",
              "orders-get 201",
              "orders-create-order 201",
              "orders-explode 201",
              "orders-nightly 201",
              "orders-on-order 201",
              "orders-on-upload 201");
      AwsExpectations.functionsCreated(calls, zip, manifestAws());
      AwsExpectations.requestsAsExpected(calls, aws.expectedRequests());
      AwsExpectations.notificationMerged(calls);
      assertThat(r.output())
          .contains("created   role         orders-skyhop-role")
          .contains("created   function     orders-get (java17, 512 MB, 10 s)")
          .contains("GET https://orders-get-7qwk5dbn3h.lambda-url.us-east-1.on.aws/orders/{id}")
          .contains(
              "POST https://orders-create-order-7qwk5dbn3h.lambda-url.us-east-1.on.aws/orders")
          .contains("cron(0 3 * * ? *) (EventBridge rule orders-nightly, UTC)")
          .contains("SQS arn:aws:sqs:us-east-1:" + ACCOUNT + ":orders")
          .contains("S3 bucket uploads s3:ObjectCreated:*");
      JsonObject record = record();
      assertThat(actions(record)).containsOnly("CREATED").hasSize(6);
      assertThat(record.getAsJsonObject("details").get("role").getAsString()).isEqualTo(ROLE);
      return sha256(zip);
    }
  }

  /** Redeploy without changes: the package is byte-for-byte the same and nothing is written. */
  private static void unchangedRedeploy(String sha) throws Exception {
    try (AwsStubs aws = AwsStubs.serve("deployed", Map.of("codeSha256", sha))) {
      MavenBuild.Result r = mvn(build, aws, "deploy", REGION, BOUND[0], BOUND[1]);
      assertThat(r.succeeded()).as(r + "\n" + r.output()).isTrue();
      assertThat(sha256(Files.readAllBytes(zip())))
          .as("a rebuild packages the same bytes")
          .isEqualTo(sha);
      assertThat(aws.unmatched()).isEmpty();
      assertThat(aws.calls())
          .isNotEmpty()
          .allSatisfy(c -> assertThat(c.readOnly()).as(c.label()).isTrue());
      for (String f : FUNCTIONS.keySet()) {
        assertThat(r.output()).contains("unchanged function     orders-" + f);
      }
      assertThat(r.output())
          .contains(
              "[WARNING] orders-get: keeps environment keys Skyhop did not set: [CONSOLE_FLAG]. Fix:"
                  + " to manage them, put them in src/main/skyhop/<stage>.properties; to drop them,"
                  + " remove them in the provider's console");
      assertThat(actions(record())).containsOnly("UNCHANGED");
      assertThat(r.output())
          .contains(
              "unchanged policy       orders-skyhop-role skyhop-app-resources (1 queues, 1 buckets)")
          .contains(
              "unchanged queue        arn:aws:sqs:us-east-1:"
                  + ACCOUNT
                  + ":orders (skyhop.resources.orders, not managed)");
    }
  }

  /** Dry run when nothing exists: plans to create everything after reading role and functions. */
  private static void dryRunOfANewApp() throws Exception {
    Path recordFile = build.dir().resolve("target/skyhop/deploy-aws.json");
    String recordBefore = Files.readString(recordFile);
    try (AwsStubs aws = AwsStubs.serve("fresh", Map.of())) {
      MavenBuild.Result r = mvn(build, aws, "skyhop:deploy", REGION, "-Dskyhop.dryRun=true");
      assertThat(r.succeeded()).as(r + "\n" + r.output()).isTrue();
      assertThat(aws.calls().stream().map(AwsCall::label))
          .containsExactly(
              "IAM GetRole orders-skyhop-role",
              "Lambda GetFunction orders-get",
              "Lambda GetFunction orders-create-order",
              "Lambda GetFunction orders-explode",
              "Lambda GetFunction orders-nightly",
              "Lambda GetFunction orders-on-order",
              "Lambda GetFunction orders-on-upload",
              "Lambda ListFunctions");
      assertThat(r.output())
          .contains("[dry run] create    role         orders-skyhop-role")
          .contains("[dry run] create    queue        orders-orders-dlq (dead-letter queue)")
          .contains(
              "[dry run] create    queue        orders-orders (redrive to orders-orders-dlq after 5"
                  + " receives)")
          .contains("[dry run] create    bucket       <bucket uploads> (private, SSE-S3, tagged)")
          .contains(
              "[dry run] create    policy       orders-skyhop-role skyhop-app-resources (1 queues, 1"
                  + " buckets)")
          .contains("[dry run] create    function     orders-get (java17, 512 MB, 10 s)")
          .contains("[dry run] create    url          orders-get (AuthType NONE)")
          .contains("[dry run] create    rule         orders-nightly (cron(0 3 * * ? *))")
          .contains(
              "[dry run] create    mapping      arn:aws:sqs:us-east-1:<account>:orders-orders ->"
                  + " orders-on-order")
          .contains("[dry run] create    notification s3://<bucket uploads> -> orders-on-upload")
          .contains("create    get ");
      assertThat(Files.readString(recordFile))
          .as("a dry run records nothing")
          .isEqualTo(recordBefore);
      assertThat(sqs.front().calls())
          .as("the dry run only looked the queues up")
          .allSatisfy(c -> assertThat(c).contains("AmazonSQS.GetQueueUrl"));
    }
  }

  /**
   * Bring your own: the queue and bucket bound with {@code skyhop.resources.<logical>} are what the
   * plan wires, as they are; nothing but reads is called.
   */
  private static void dryRunWithBroughtResources() throws Exception {
    try (AwsStubs aws = AwsStubs.serve("fresh", Map.of())) {
      MavenBuild.Result r =
          mvn(
              build,
              aws,
              "skyhop:deploy",
              REGION,
              "-Dskyhop.dryRun=true",
              "-Dskyhop.resources.orders=arn:aws:sqs:us-east-1:999999999999:shared-orders",
              "-Dskyhop.resources.uploads=arn:aws:s3:::team-uploads");
      assertThat(r.succeeded()).as(r + "\n" + r.output()).isTrue();
      assertThat(aws.calls()).allSatisfy(c -> assertThat(c.readOnly()).as(c.label()).isTrue());
      assertThat(r.output())
          .contains(
              "[dry run] create    mapping      arn:aws:sqs:us-east-1:999999999999:shared-orders"
                  + " -> orders-on-order")
          .contains("[dry run] create    notification s3://team-uploads -> orders-on-upload")
          .doesNotContain("s3://uploads");
    }
  }

  /** Dry run against an older deployment: prints the plan, calls only reads, records nothing. */
  private static void dryRunOfAnUpdate() throws Exception {
    Path recordFile = build.dir().resolve("target/skyhop/deploy-aws.json");
    String recordBefore = Files.readString(recordFile);
    String olderCode = sha256("an older package".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try (AwsStubs aws = AwsStubs.serve("deployed", Map.of("codeSha256", olderCode))) {
      MavenBuild.Result r =
          mvn(build, aws, "skyhop:deploy", REGION, "-Dskyhop.dryRun=true", BOUND[0], BOUND[1]);
      assertThat(r.succeeded()).as(r + "\n" + r.output()).isTrue();
      assertThat(aws.calls())
          .isNotEmpty()
          .allSatisfy(c -> assertThat(c.readOnly()).as(c.label()).isTrue());
      assertThat(r.output())
          .contains("[dry run] update    function     orders-get (code)")
          .contains("[dry run] unchanged url          orders-get (AuthType NONE)")
          .contains("[dry run] unchanged rule         orders-nightly (cron(0 3 * * ? *))")
          .contains("[dry run] unchanged notification s3://uploads -> orders-on-upload");
      assertThat(Files.readString(recordFile))
          .as("a dry run records nothing")
          .isEqualTo(recordBefore);
    }
  }

  /**
   * A code change: UpdateFunctionCode only, for every function (they share one package); a 409
   * while another update runs is waited out and retried.
   */
  private static void codeChange(String previousSha) throws Exception {
    Path source = build.dir().resolve("src/main/java/com/example/orders/Orders.java");
    String original = Files.readString(source);
    try (AwsStubs aws = AwsStubs.serve("deployed", Map.of("codeSha256", previousSha))) {
      Files.writeString(
          source, original.replace("nightly report due at", "nightly report (v2) due at"));
      MavenBuild.Result r = mvn(build, aws, "deploy", REGION, BOUND[0], BOUND[1]);
      assertThat(r.succeeded()).as(r + "\n" + r.output()).isTrue();
      byte[] zip = Files.readAllBytes(zip());
      assertThat(sha256(zip)).isNotEqualTo(previousSha);
      assertThat(aws.unmatched()).isEmpty();
      List<AwsCall> writes = aws.calls().stream().filter(c -> !c.readOnly()).toList();
      assertThat(writes.stream().map(c -> c.operation() + " " + c.resource() + " " + c.status()))
          .as("orders-get twice: 409 ResourceConflictException, then accepted")
          .containsExactly(
              "UpdateFunctionCode orders-get 409",
              "UpdateFunctionCode orders-get 200",
              "UpdateFunctionCode orders-create-order 200",
              "UpdateFunctionCode orders-explode 200",
              "UpdateFunctionCode orders-nightly 200",
              "UpdateFunctionCode orders-on-order 200",
              "UpdateFunctionCode orders-on-upload 200");
      assertThat(writes)
          .allSatisfy(
              c ->
                  assertThat(Base64.getDecoder().decode(c.body().get("ZipFile").getAsString()))
                      .isEqualTo(zip));
      assertThat(r.output())
          .contains("updated   function     orders-get (code)")
          .contains("Lambda UpdateFunctionCode orders-get answered 409 ResourceConflictException");
    } finally {
      Files.writeString(source, original);
    }
  }

  @Test
  @Order(2)
  void aPersistent500FailsTheBuildAndARerunConverges() throws Exception {
    List<AwsCall> first;
    try (AwsStubs aws = AwsStubs.serve("partial-failure", Map.of())) {
      MavenBuild.Result r = mvn(build, aws, "deploy", REGION, BOUND[0], BOUND[1]);
      assertThat(r.succeeded()).as(r.output()).isFalse();
      assertThat(r.output())
          .contains(
              "AWS call Lambda CreateFunction orders-explode failed: ServiceException (HTTP 500): An"
                  + " internal error occurred while processing the request. Fix: AWS kept failing"
                  + " after retries with backoff; re-run later (a re-run continues where this one"
                  + " stopped)");
      first = aws.calls();
      assertThat(count(first, "CreateFunction", "orders-explode"))
          .as("the SDK's attempts, with backoff")
          .isEqualTo(5);
      assertThat(writes(first))
          .containsExactly(
              "IAM CreateRole orders-skyhop-role",
              "IAM AttachRolePolicy orders-skyhop-role",
              "IAM AttachRolePolicy orders-skyhop-role",
              "IAM PutRolePolicy orders-skyhop-role",
              "Lambda CreateFunction orders-get",
              "Lambda CreateFunctionUrlConfig orders-get",
              "Lambda AddPermission orders-get",
              "Lambda AddPermission orders-get",
              "Lambda CreateFunction orders-create-order",
              "Lambda CreateFunctionUrlConfig orders-create-order",
              "Lambda AddPermission orders-create-order",
              "Lambda AddPermission orders-create-order",
              "Lambda CreateFunction orders-explode",
              "Lambda CreateFunction orders-explode",
              "Lambda CreateFunction orders-explode",
              "Lambda CreateFunction orders-explode",
              "Lambda CreateFunction orders-explode");
    }
    // AWS now holds what the first run created (scenario partial-failure-rerun); same package.
    String sha = sha256(Files.readAllBytes(zip()));
    try (AwsStubs aws = AwsStubs.serve("partial-failure-rerun", Map.of("codeSha256", sha))) {
      MavenBuild.Result r = mvn(build, aws, "deploy", REGION, BOUND[0], BOUND[1]);
      assertThat(r.succeeded()).as(r + "\n" + r.output()).isTrue();
      assertThat(sha256(Files.readAllBytes(zip()))).isEqualTo(sha);
      assertThat(aws.unmatched()).isEmpty();
      List<AwsCall> second = aws.calls();
      assertThat(writes(second))
          .containsExactly(
              "Lambda CreateFunction orders-explode",
              "Lambda CreateFunctionUrlConfig orders-explode",
              "Lambda AddPermission orders-explode",
              "Lambda AddPermission orders-explode",
              "Lambda CreateFunction orders-nightly",
              "EventBridge PutRule orders-nightly",
              "EventBridge PutTargets orders-nightly",
              "Lambda AddPermission orders-nightly",
              "Lambda CreateFunction orders-on-order",
              "Lambda CreateEventSourceMapping orders-on-order",
              "Lambda CreateFunction orders-on-upload",
              "Lambda AddPermission orders-on-upload",
              "S3 PutBucketNotificationConfiguration uploads",
              // a function of the app that left the project goes; prod's orders-prod-get stays
              "Lambda DeleteFunctionUrlConfig orders-retired",
              "Lambda DeleteFunction orders-retired");
      List<String> accepted = new ArrayList<>();
      for (List<AwsCall> run : List.of(first, second)) {
        run.stream()
            .filter(c -> c.operation().equals("CreateFunction") && c.status() == 201)
            .forEach(c -> accepted.add(c.resource()));
      }
      assertThat(accepted)
          .as("across both runs, each function created once: no duplicates")
          .containsExactlyInAnyOrderElementsOf(
              FUNCTIONS.keySet().stream().map(f -> "orders-" + f).toList());
      assertThat(r.output())
          .contains("unchanged function     orders-get", "unchanged url          orders-get")
          .contains("The function orders-retired left the project: removing it")
          .contains("deleted   function     orders-retired");
    }
  }

  @Test
  @Order(3)
  void removeDeletesTheAppsResourcesAndNothingElse() throws Exception {
    String teamRole = "arn:aws:iam::" + ACCOUNT + ":role/team-lambda-role";
    try (AwsStubs aws = AwsStubs.serve("remove", Map.of())) {
      MavenBuild.Result r =
          mvn(
              build,
              aws,
              "skyhop:remove",
              REGION,
              "-Dskyhop.aws.role=" + teamRole,
              BOUND[0],
              BOUND[1]);
      assertThat(r.succeeded()).as(r + "\n" + r.output()).isTrue();
      assertThat(aws.unmatched()).isEmpty();
      List<AwsCall> calls = aws.calls();
      AwsExpectations.signed(calls);
      AwsExpectations.appRemoved(calls);
      assertThat(calls)
          .as("the role skyhop.aws.role names is left alone")
          .noneMatch(c -> c.service().equals("IAM"));
      assertThat(r.output())
          .contains("Leaving orders-legacy: its tag skyhop:app does not name orders")
          .contains("Leaving orders-api-get: its tag skyhop:app does not name orders")
          .contains(
              "Leaving orders-prod-get: it belongs to the stage prod, not to no stage"
                  + " (skyhop.stage)")
          .contains(
              "Leaving orders-dev-get: it belongs to the stage dev, not to no stage (skyhop.stage)")
          .contains("Leaving the execution role " + teamRole + " (skyhop.aws.role)");
    }
    try (AwsStubs aws = AwsStubs.serve("remove", Map.of())) {
      MavenBuild.Result r = mvn(build, aws, "skyhop:remove", REGION, BOUND[0], BOUND[1]);
      assertThat(r.succeeded()).as(r + "\n" + r.output()).isTrue();
      List<AwsCall> calls = aws.calls();
      AwsExpectations.appRemoved(calls);
      assertThat(writes(calls).stream().filter(w -> w.startsWith("IAM")))
          .as("the role Skyhop created goes too")
          .containsExactly(
              "IAM DetachRolePolicy orders-skyhop-role",
              "IAM DetachRolePolicy orders-skyhop-role",
              "IAM DeleteRolePolicy orders-skyhop-role",
              "IAM DeleteRole orders-skyhop-role");
    }
    try (AwsStubs aws = AwsStubs.serve("remove", Map.of())) {
      MavenBuild.Result r =
          mvn(build, aws, "skyhop:remove", REGION, "-Dskyhop.stage=dev", BOUND[0], BOUND[1]);
      assertThat(r.succeeded()).as(r + "\n" + r.output()).isTrue();
      assertThat(aws.unmatched()).isEmpty();
      assertThat(writes(aws.calls()))
          .as("remove of dev deletes the dev function only: prod and the unstaged app stay")
          .containsExactly(
              "Lambda DeleteFunctionUrlConfig orders-dev-get",
              "Lambda DeleteFunction orders-dev-get");
      assertThat(r.output())
          .contains(
              "Leaving orders-prod-get: it belongs to the stage prod, not to the stage dev"
                  + " (skyhop.stage)")
          .contains(
              "Leaving orders-get: it belongs to no stage, not to the stage dev (skyhop.stage)");
    }
  }

  /**
   * The app's own queue and bucket, through real Maven builds: {@code mvn deploy} creates the queue
   * with its dead-letter queue in ElasticMQ and the private, encrypted bucket in S3Mock, tagged,
   * wires the mapping and the notification to them, and records them as owned; {@code
   * skyhop:remove} deletes them after the functions.
   */
  @Test
  @Order(4)
  void deployCreatesTheAppsQueueAndBucketInTheEmulatorsAndRemoveDeletesThem() throws Exception {
    String bucket =
        AwsNames.of(io.skyhop.tooling.naming.Naming.of("orders")).bucket(ACCOUNT, "uploads");
    try (AwsEmulators emulators = AwsEmulators.start("us-east-1", ACCOUNT);
        AwsStubs aws = AwsStubs.serve("fresh", Map.of())) {
      String[] data = {
        "-Dskyhop.aws.endpoint.sqs=" + emulators.sqs().endpoint(),
        "-Dskyhop.aws.endpoint.s3=" + emulators.s3().endpoint()
      };
      MavenBuild.Result r = mvn(build, aws, "deploy", REGION, data[0], data[1]);
      assertThat(r.succeeded()).as(r + "\n" + r.output()).isTrue();
      assertThat(aws.unmatched()).isEmpty();
      assertThat(r.output())
          .contains("created   queue        orders-orders-dlq (dead-letter queue)")
          .contains(
              "created   queue        orders-orders (redrive to orders-orders-dlq after 5 receives)")
          .contains("created   bucket       " + bucket + " (private, SSE-S3, tagged)")
          .contains("SQS arn:aws:sqs:us-east-1:" + ACCOUNT + ":orders-orders")
          .contains("S3 bucket " + bucket + " s3:ObjectCreated:*");
      assertThat(
              aws.calls().stream()
                  .filter(c -> c.operation().equals("CreateEventSourceMapping"))
                  .map(c -> c.body().get("EventSourceArn").getAsString()))
          .containsExactly("arn:aws:sqs:us-east-1:" + ACCOUNT + ":orders-orders");
      assertThat(emulators.sqs().calls().stream().filter(c -> c.contains("CreateQueue")))
          .containsExactly(
              "POST / AmazonSQS.CreateQueue orders-orders-dlq",
              "POST / AmazonSQS.CreateQueue orders-orders");
      assertThat(emulators.s3().calls())
          .contains("PUT /" + bucket, "PUT /" + bucket + "?notification");
      JsonObject record = record();
      List<String> owned = new ArrayList<>();
      record
          .getAsJsonArray("resources")
          .forEach(
              x ->
                  owned.add(
                      x.getAsJsonObject().get("kind").getAsString()
                          + " "
                          + x.getAsJsonObject().get("physicalId").getAsString()
                          + " "
                          + x.getAsJsonObject().get("owned").getAsBoolean()));
      assertThat(owned)
          .containsExactly(
              "dead-letter queue arn:aws:sqs:us-east-1:" + ACCOUNT + ":orders-orders-dlq true",
              "queue arn:aws:sqs:us-east-1:" + ACCOUNT + ":orders-orders true",
              "bucket arn:aws:s3:::" + bucket + " true");

      try (AwsStubs removeStubs = AwsStubs.serve("remove", Map.of())) {
        emulators.sqs().clearCalls();
        emulators.s3().clearCalls();
        MavenBuild.Result removed =
            mvn(build, removeStubs, "skyhop:remove", REGION, data[0], data[1]);
        assertThat(removed.succeeded()).as(removed + "\n" + removed.output()).isTrue();
        assertThat(emulators.sqs().calls().stream().filter(c -> c.contains("DeleteQueue")))
            .containsExactly(
                "POST / AmazonSQS.DeleteQueue orders-orders",
                "POST / AmazonSQS.DeleteQueue orders-orders-dlq");
        assertThat(emulators.s3().calls())
            .as("the notification to the removed function goes, then the empty bucket")
            .contains("PUT /" + bucket + "?notification", "DELETE /" + bucket);
      }
    }
  }

  @Test
  @Order(5)
  void missingRegionCredentialsOrTargetFailBeforeAnyCall() throws Exception {
    if (!Files.isRegularFile(zip())) {
      assertThat(build.run(TIMEOUT, "package", "-DskipTests", "-Dspotless.apply.skip").succeeded())
          .isTrue();
    }
    try (AwsStubs aws = AwsStubs.serve("fresh", Map.of())) {
      MavenBuild.Result noRegion = mvn(build, aws, "skyhop:deploy");
      assertThat(noRegion.succeeded()).isFalse();
      assertThat(noRegion.output())
          .contains(
              "skyhop.region is not set. Fix: pass -Dskyhop.region=… or set <skyhop.region> in the"
                  + " pom's <properties>; choose the AWS region to deploy to, e.g."
                  + " -Dskyhop.region=us-east-1");

      MavenBuild noKeys =
          build.variant().unsetEnv("AWS_ACCESS_KEY_ID").unsetEnv("AWS_SECRET_ACCESS_KEY");
      MavenBuild.Result noCredentials = mvn(noKeys, aws, "skyhop:deploy", REGION);
      assertThat(noCredentials.succeeded()).isFalse();
      assertThat(noCredentials.output())
          .contains(
              "No AWS credentials found: Skyhop signs with the AWS default credential chain"
                  + " (environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
          .contains("Fix: run 'aws configure'")
          .contains("export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY before running Maven");

      MavenBuild.Result unknownTarget =
          build.run(
              TIMEOUT,
              "skyhop:deploy",
              "-Dskyhop.target=lambda",
              REGION,
              "-Dskyhop.aws.endpoint=" + aws.endpoint());
      assertThat(unknownTarget.succeeded()).isFalse();
      assertThat(unknownTarget.output())
          .contains(
              "skyhop.target = 'lambda' is not a Skyhop target. Fix: set -Dskyhop.target= to one"
                  + " of [aws, azure, gcp, local, knative]");

      assertThat(aws.calls()).as("no call reached AWS").isEmpty();
    }
  }

  private static MavenBuild.Result mvn(MavenBuild b, AwsStubs stubs, String... goalsAndFlags) {
    List<String> args = new ArrayList<>(List.of(goalsAndFlags));
    args.add("-Dskyhop.target=aws");
    args.add("-Dskyhop.aws.endpoint=" + stubs.endpoint());
    if (args.stream().noneMatch(a -> a.startsWith("-Dskyhop.aws.endpoint.sqs="))) {
      args.add("-Dskyhop.aws.endpoint.sqs=" + sqs.front().endpoint());
    }
    // only what a deploy to aws needs: the aws package, not the example's unit tests
    args.add("-Dskyhop.targets=aws");
    args.add("-DskipTests");
    args.add("-Dmaven.install.skip=true");
    args.add("-Dspotless.apply.skip=true");
    MavenBuild.Result result = b.run(TIMEOUT, args.toArray(String[]::new));
    assertThat(result.output()).as("secrets never reach the log").doesNotContain(SECRET_KEY);
    return result;
  }

  private static Path zip() {
    return build.dir().resolve("target/skyhop/aws/orders.zip");
  }

  private static JsonObject record() throws IOException {
    Path file = build.dir().resolve("target/skyhop/deploy-aws.json");
    return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
  }

  private static List<String> actions(JsonObject record) {
    List<String> actions = new ArrayList<>();
    record
        .getAsJsonArray("functions")
        .forEach(f -> actions.add(f.getAsJsonObject().get("action").getAsString()));
    return actions;
  }

  private static Map<String, JsonObject> manifestAws() throws IOException {
    Path file = build.dir().resolve("target/skyhop/manifest.json");
    JsonObject manifest = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    Map<String, JsonObject> aws = new LinkedHashMap<>();
    manifest
        .getAsJsonArray("functions")
        .forEach(
            f ->
                aws.put(
                    f.getAsJsonObject().get("name").getAsString(),
                    f.getAsJsonObject().getAsJsonObject("targets").getAsJsonObject("aws")));
    return aws;
  }
}
