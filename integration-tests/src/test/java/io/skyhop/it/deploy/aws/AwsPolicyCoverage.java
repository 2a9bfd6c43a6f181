package io.skyhop.it.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks each control-plane call a stub journal holds against the IAM policy {@code skyhop:policy}
 * printed: some statement allows the call's IAM action on the call's resource. The action names
 * come from the IAM service authorization reference, written here independently of the provider's
 * table (a call the table forgot fails).
 */
public final class AwsPolicyCoverage {
  private static final String REGION = "us-east-1";

  /** S3 operations whose IAM action has another name. */
  private static final Map<String, String> S3_ACTIONS =
      Map.of(
          "ListBuckets", "s3:ListAllMyBuckets",
          "HeadBucket", "s3:ListBucket",
          "GetBucketNotificationConfiguration", "s3:GetBucketNotification",
          "PutBucketNotificationConfiguration", "s3:PutBucketNotification",
          "GetBucketEncryption", "s3:GetEncryptionConfiguration",
          "PutBucketEncryption", "s3:PutEncryptionConfiguration",
          "GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock",
          "PutPublicAccessBlock", "s3:PutBucketPublicAccessBlock",
          "DeleteObjects", "s3:DeleteObject");

  private AwsPolicyCoverage() {}

  /** Every call is allowed by the policy; returns the actions seen. */
  public static List<String> covered(JsonObject policy, List<AwsCall> calls) {
    List<String> seen = new ArrayList<>();
    for (AwsCall c : calls) {
      String action = action(c);
      String resource = resource(c);
      assertThat(allows(policy, action, resource))
          .as(
              c.label()
                  + " needs "
                  + action
                  + " on "
                  + resource
                  + ", which the policy does not allow")
          .isTrue();
      if (c.operation().equals("CreateFunction")) {
        assertThat(
                allows(policy, "iam:PassRole", "arn:aws:iam::123456789012:role/orders-skyhop-role"))
            .as("CreateFunction passes the execution role")
            .isTrue();
      }
      seen.add(action);
    }
    return seen;
  }

  private static String action(AwsCall c) {
    return switch (c.service()) {
      case "Lambda" ->
          c.operation().equals("Invoke") ? "lambda:InvokeFunction" : "lambda:" + c.operation();
      case "IAM" -> "iam:" + c.operation();
      case "EventBridge" -> "events:" + c.operation();
      case "S3" -> S3_ACTIONS.getOrDefault(c.operation(), "s3:" + c.operation());
      default -> {
        String url = c.request().getUrl();
        if (url.startsWith("/2017-03-31/tags/")) {
          yield c.request().getMethod().getName().equals("GET")
              ? "lambda:ListTags"
              : "lambda:TagResource";
        }
        throw new AssertionError("a call this check does not know: " + c.label());
      }
    };
  }

  private static String resource(AwsCall c) {
    if (c.resource().isEmpty() || c.operation().startsWith("List")) {
      return "*";
    }
    return switch (c.service()) {
      case "Lambda" ->
          c.operation().endsWith("EventSourceMapping")
              ? "*"
              : "arn:aws:lambda:" + REGION + ":123456789012:function:" + c.resource();
      case "IAM" -> "arn:aws:iam::123456789012:role/" + c.resource();
      case "EventBridge" -> "arn:aws:events:" + REGION + ":123456789012:rule/" + c.resource();
      case "S3" -> "arn:aws:s3:::" + c.resource();
      default -> "*";
    };
  }

  private static boolean allows(JsonObject policy, String action, String resource) {
    for (JsonElement e : policy.getAsJsonArray("Statement")) {
      JsonObject s = e.getAsJsonObject();
      boolean hasAction = false;
      for (JsonElement a : s.getAsJsonArray("Action")) {
        hasAction |= a.getAsString().equals(action);
      }
      if (!hasAction) {
        continue;
      }
      for (JsonElement r : s.getAsJsonArray("Resource")) {
        if (resource.equals("*") || glob(r.getAsString()).matcher(resource).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  private static Pattern glob(String arn) {
    StringBuilder regex = new StringBuilder();
    for (String part : arn.split("\\*", -1)) {
      regex.append(Pattern.quote(part)).append(".*");
    }
    return Pattern.compile(regex.substring(0, regex.length() - 2));
  }
}
