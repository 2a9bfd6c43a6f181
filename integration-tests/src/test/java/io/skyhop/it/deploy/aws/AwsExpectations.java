package io.skyhop.it.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** What AWS should receive from a deploy or remove of examples/orders. */
final class AwsExpectations {
  static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
  static final String ACCOUNT = "123456789012";
  static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/orders-skyhop-role";
  static final String HANDLER = "io.skyhop.aws.SkyhopHandler::handleRequest";
  static final String TRUST_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
          + "{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  /** Each function of examples/orders with its memory (MB) and timeout (s), in manifest order. */
  static final Map<String, List<Integer>> FUNCTIONS = new LinkedHashMap<>();

  static {
    FUNCTIONS.put("get", List.of(512, 10));
    FUNCTIONS.put("create-order", List.of(512, 30));
    FUNCTIONS.put("explode", List.of(512, 30));
    FUNCTIONS.put("nightly", List.of(512, 60));
    FUNCTIONS.put("on-order", List.of(512, 30));
    FUNCTIONS.put("on-upload", List.of(512, 30));
  }

  private AwsExpectations() {}

  /**
   * The role: looked up first, created with the Lambda trust policy, the basic execution policy and
   * X-Ray write for active tracing (queue and bucket access is the inline policy naming their
   * ARNs).
   */
  static void roleCreated(List<AwsCall> calls) {
    assertThat(calls.get(0).label()).isEqualTo("IAM GetRole orders-skyhop-role");
    AwsCall createRole = single(calls, c -> c.operation().equals("CreateRole"));
    assertThat(JsonParser.parseString(createRole.form().get("AssumeRolePolicyDocument")))
        .isEqualTo(JsonParser.parseString(TRUST_POLICY));
    assertThat(createRole.form())
        .containsEntry("Tags.member.1.Key", "skyhop:app")
        .containsEntry("Tags.member.1.Value", "orders");
    assertThat(
            calls.stream()
                .filter(c -> c.operation().equals("AttachRolePolicy"))
                .map(c -> c.form().get("PolicyArn")))
        .containsExactly(
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess");
    AwsCall policy = single(calls, c -> c.operation().equals("PutRolePolicy"));
    assertThat(policy.form()).containsEntry("PolicyName", "skyhop-app-resources");
    assertThat(JsonParser.parseString(policy.form().get("PolicyDocument")))
        .as("exactly the app's queue and bucket, no '*' resource")
        .isEqualTo(
            JsonParser.parseString(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"SkyhopQueues\",\"Effect\":"
                    + "\"Allow\",\"Action\":[\"sqs:ReceiveMessage\",\"sqs:DeleteMessage\","
                    + "\"sqs:GetQueueAttributes\",\"sqs:ChangeMessageVisibility\"],\"Resource\":"
                    + "[\"arn:aws:sqs:us-east-1:"
                    + ACCOUNT
                    + ":orders\"]},{\"Sid\":\"SkyhopBucketObjects\",\"Effect\":\"Allow\",\"Action\":"
                    + "[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::uploads/*\"]}]}"));
  }

  /**
   * Every CreateFunction: runtime, handler and environment as the manifest says, memory and timeout
   * as the annotations say, the created role, the Skyhop tags, and the packaged zip.
   */
  static void functionsCreated(List<AwsCall> calls, byte[] zip, Map<String, JsonObject> manifest) {
    for (AwsCall c : calls.stream().filter(c -> c.operation().equals("CreateFunction")).toList()) {
      String function = c.resource().substring("orders-".length());
      JsonObject body = c.body();
      JsonObject aws = manifest.get(function);
      assertThat(body.get("Runtime").getAsString())
          .isEqualTo("java17")
          .isEqualTo(aws.get("runtime").getAsString());
      assertThat(body.getAsJsonObject("TracingConfig").get("Mode").getAsString())
          .as("X-Ray active tracing")
          .isEqualTo("Active");
      assertThat(body.get("Handler").getAsString())
          .isEqualTo(HANDLER)
          .isEqualTo(aws.get("handler").getAsString());
      assertThat(List.of(body.get("MemorySize").getAsInt(), body.get("Timeout").getAsInt()))
          .as("MemorySize and Timeout of " + c.resource())
          .isEqualTo(FUNCTIONS.get(function));
      assertThat(body.get("Role").getAsString()).isEqualTo(ROLE);
      JsonObject variables =
          body.getAsJsonObject("Environment").getAsJsonObject("Variables").deepCopy();
      assertThat(variables)
          .isEqualTo(
              JsonParser.parseString(
                  "{\"SKYHOP_FUNCTION\":\""
                      + function
                      + "\",\"SKYHOP_ENV_KEYS\":\"SKYHOP_FUNCTION\"}"));
      variables.remove("SKYHOP_ENV_KEYS"); // the keys Skyhop set, so a redeploy knows them
      assertThat(variables).isEqualTo(aws.get("env"));
      assertThat(body.getAsJsonObject("Tags"))
          .isEqualTo(
              JsonParser.parseString(
                  "{\"skyhop:app\":\"orders\",\"skyhop:function\":\"" + function + "\"}"));
      assertThat(
              Base64.getDecoder().decode(body.getAsJsonObject("Code").get("ZipFile").getAsString()))
          .as("Code.ZipFile of " + c.resource() + " is the packaged zip")
          .isEqualTo(zip);
    }
  }

  /** The bodies of the calls {@code expected-requests.json} of the scenario lists, in order. */
  static void requestsAsExpected(List<AwsCall> calls, Path expectedFile) throws IOException {
    JsonObject expected = JsonParser.parseString(Files.readString(expectedFile)).getAsJsonObject();
    for (Map.Entry<String, JsonElement> e : expected.entrySet()) {
      List<JsonElement> actual =
          calls.stream()
              .filter(c -> c.label().equals(e.getKey()))
              .map(c -> (JsonElement) c.body())
              .toList();
      assertThat(actual).as(e.getKey()).containsExactlyElementsOf(e.getValue().getAsJsonArray());
    }
  }

  /** The bucket notification: merged with the bucket's own, after the permission S3 checks. */
  static void notificationMerged(List<AwsCall> calls) {
    String notification =
        single(calls, c -> c.operation().equals("PutBucketNotificationConfiguration"))
            .request()
            .getBodyAsString();
    assertThat(notification)
        .as("merged with the bucket's existing configuration")
        .contains("<Id>audit-deletes</Id>", "<Queue>arn:aws:sqs:us-east-1:" + ACCOUNT + ":audit")
        .contains("<Id>thumbnails</Id>", "<Value>images/</Value>")
        .contains(
            "<CloudFunctionConfiguration><Id>orders-on-upload</Id><CloudFunction>"
                + "arn:aws:lambda:us-east-1:"
                + ACCOUNT
                + ":function:orders-on-upload</CloudFunction><Event>s3:ObjectCreated:*</Event>"
                + "</CloudFunctionConfiguration>");
    int permission =
        indexOf(
            calls,
            c -> c.operation().equals("AddPermission") && c.resource().equals("orders-on-upload"));
    int put = indexOf(calls, c -> c.operation().equals("PutBucketNotificationConfiguration"));
    assertThat(permission)
        .as("S3 checks the permission when the notification is put")
        .isLessThan(put);
  }

  /** Remove: the app's resources, in order, and nothing of the other functions or bucket users. */
  static void appRemoved(List<AwsCall> calls) {
    assertThat(writes(calls).stream().filter(w -> !w.startsWith("IAM")))
        .containsExactly(
            "S3 PutBucketNotificationConfiguration uploads",
            "Lambda DeleteFunctionUrlConfig orders-create-order",
            "Lambda DeleteFunction orders-create-order",
            "Lambda DeleteFunctionUrlConfig orders-explode",
            "Lambda DeleteFunction orders-explode",
            "Lambda DeleteFunctionUrlConfig orders-get",
            "Lambda DeleteFunction orders-get",
            "EventBridge RemoveTargets orders-nightly",
            "EventBridge DeleteRule orders-nightly",
            "Lambda DeleteFunctionUrlConfig orders-nightly",
            "Lambda DeleteFunction orders-nightly",
            "Lambda DeleteEventSourceMapping a1b2c3d4-5678-90ab-cdef-11111EXAMPLE",
            "Lambda DeleteFunctionUrlConfig orders-on-order",
            "Lambda DeleteFunction orders-on-order",
            "Lambda DeleteFunctionUrlConfig orders-on-upload",
            "Lambda DeleteFunction orders-on-upload");
    String kept =
        single(calls, c -> c.operation().equals("PutBucketNotificationConfiguration"))
            .request()
            .getBodyAsString();
    assertThat(kept)
        .contains("<Id>audit-deletes</Id>", "<Id>thumbnails</Id>")
        .doesNotContain("orders-on-upload");
    Set<String> others = Set.of("orders-legacy", "orders-api-get", "billing-report");
    assertThat(calls).noneMatch(c -> others.contains(c.resource()) && !c.readOnly());
  }

  /** Every call is SigV4-signed with the test key, for the right service, in us-east-1. */
  static void signed(List<AwsCall> calls) {
    for (AwsCall c : calls) {
      String expected =
          switch (c.service()) {
            case "Lambda" -> "us-east-1/lambda";
            case "IAM" -> "us-east-1/iam";
            case "EventBridge" -> "us-east-1/events";
            case "S3" -> "us-east-1/s3";
            default -> "?";
          };
      assertThat(c.request().getHeader("Authorization"))
          .as(c.label())
          .startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/");
      assertThat(c.signingService()).as(c.label()).isEqualTo(expected);
      assertThat(c.request().getHeader("X-Amz-Date")).as(c.label()).matches("\\d{8}T\\d{6}Z");
    }
  }

  /** Labels of the calls that change something, in order. */
  static List<String> writes(List<AwsCall> calls) {
    return calls.stream().filter(c -> !c.readOnly()).map(AwsCall::label).toList();
  }

  static long count(List<AwsCall> calls, String operation, String resource) {
    return calls.stream()
        .filter(c -> c.operation().equals(operation) && c.resource().equals(resource))
        .count();
  }

  static AwsCall single(List<AwsCall> calls, Predicate<AwsCall> p) {
    List<AwsCall> found = calls.stream().filter(p).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static int indexOf(List<AwsCall> calls, Predicate<AwsCall> p) {
    for (int i = 0; i < calls.size(); i++) {
      if (p.test(calls.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Base64 of SHA-256, as Lambda's CodeSha256. */
  static String sha256(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
