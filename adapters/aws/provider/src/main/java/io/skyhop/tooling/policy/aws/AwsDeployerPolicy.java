package io.skyhop.tooling.policy.aws;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.ResourceBindings;
import io.skyhop.tooling.naming.aws.AwsNames;
import io.skyhop.tooling.policy.DeployerPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The IAM policy of the identity that deploys an app and stage to AWS: one statement per group of
 * the calls the deployer, the remover, the secret grants, the verifier (its smoke calls are {@code
 * Invoke}) and the rollback make ({@link #CALLS}, the one table), each scoped to the names the app
 * and stage own ({@code <prefix>-*}) and to the queues and buckets bound with {@code
 * skyhop.resources.*}. The account is {@code *} (Skyhop does not call STS to print it): replace it
 * with yours.
 */
public final class AwsDeployerPolicy implements DeployerPolicy {
  /**
   * The calls, as IAM actions, grouped by the resources they act on. {@code iam:PassRole} has no
   * call of its own: CreateFunction and UpdateFunctionConfiguration pass the execution role.
   */
  static final Map<String, List<String>> CALLS =
      Map.of(
          "functions",
          List.of(
              "lambda:CreateFunction",
              "lambda:GetFunction",
              "lambda:GetFunctionConfiguration",
              "lambda:UpdateFunctionCode",
              "lambda:UpdateFunctionConfiguration",
              "lambda:DeleteFunction",
              "lambda:CreateFunctionUrlConfig",
              "lambda:GetFunctionUrlConfig",
              "lambda:UpdateFunctionUrlConfig",
              "lambda:DeleteFunctionUrlConfig",
              "lambda:AddPermission",
              "lambda:RemovePermission",
              "lambda:GetPolicy",
              "lambda:TagResource",
              "lambda:ListTags",
              "lambda:PublishVersion",
              "lambda:GetAlias",
              "lambda:CreateAlias",
              "lambda:UpdateAlias",
              "lambda:PutProvisionedConcurrencyConfig",
              "lambda:InvokeFunction"),
          "event source mappings",
          List.of(
              "lambda:CreateEventSourceMapping",
              "lambda:GetEventSourceMapping",
              "lambda:UpdateEventSourceMapping",
              "lambda:DeleteEventSourceMapping",
              "lambda:ListEventSourceMappings"),
          "listings",
          List.of(
              "lambda:ListFunctions",
              "s3:ListAllMyBuckets",
              "sqs:ListQueues",
              "events:ListRuleNamesByTarget"),
          "role",
          List.of(
              "iam:CreateRole",
              "iam:GetRole",
              "iam:DeleteRole",
              "iam:TagRole",
              "iam:PassRole",
              "iam:PutRolePolicy",
              "iam:GetRolePolicy",
              "iam:DeleteRolePolicy",
              "iam:ListRolePolicies",
              "iam:AttachRolePolicy",
              "iam:DetachRolePolicy",
              "iam:ListAttachedRolePolicies"),
          "rules",
          List.of(
              "events:PutRule",
              "events:DescribeRule",
              "events:DeleteRule",
              "events:PutTargets",
              "events:RemoveTargets",
              "events:ListTargetsByRule",
              "events:TagResource"),
          "buckets",
          List.of(
              "s3:CreateBucket",
              "s3:DeleteBucket",
              "s3:ListBucket",
              "s3:GetBucketTagging",
              "s3:PutBucketTagging",
              "s3:GetEncryptionConfiguration",
              "s3:PutEncryptionConfiguration",
              "s3:GetBucketPublicAccessBlock",
              "s3:PutBucketPublicAccessBlock",
              "s3:GetBucketNotification",
              "s3:PutBucketNotification"),
          "objects",
          List.of("s3:DeleteObject"),
          "queues",
          List.of(
              "sqs:CreateQueue",
              "sqs:GetQueueUrl",
              "sqs:GetQueueAttributes",
              "sqs:SetQueueAttributes",
              "sqs:ListQueueTags",
              "sqs:TagQueue",
              "sqs:DeleteQueue"));

  /** The groups in the order of the document, with the statement id each becomes. */
  private static final List<String> ORDER =
      List.of(
          "functions",
          "event source mappings",
          "listings",
          "role",
          "rules",
          "buckets",
          "objects",
          "queues");

  @Override
  public String document(DeployRequest request) {
    AwsNames names = AwsNames.of(request.naming());
    String region = request.settings().get("skyhop.region").orElse("*");
    String prefix = request.naming().prefix() + "-";
    List<String> boundQueues = new ArrayList<>();
    List<String> boundBuckets = new ArrayList<>();
    ResourceBindings.of(request.settings())
        .bound()
        .values()
        .forEach(
            arn -> {
              if (arn.startsWith("arn:aws:sqs:")) {
                boundQueues.add(arn);
              } else if (arn.startsWith("arn:aws:s3:::")) {
                boundBuckets.add(arn);
              }
            });
    JsonArray statements = new JsonArray();
    for (String group : ORDER) {
      List<String> resources =
          switch (group) {
            case "functions" -> List.of(arn("lambda", region, "function:" + prefix + "*"));
            case "role" -> List.of("arn:aws:iam::*:role/" + names.role());
            case "rules" -> List.of(arn("events", region, "rule/" + prefix + "*"));
            case "buckets" ->
                concat(List.of("arn:aws:s3:::" + names.bucketPrefix() + "-*"), boundBuckets);
            case "objects" -> List.of("arn:aws:s3:::" + names.bucketPrefix() + "-*/*");
            case "queues" -> concat(List.of(arn("sqs", region, prefix + "*")), boundQueues);
            default -> List.of("*");
          };
      statements.add(statement(group, CALLS.get(group), resources));
    }
    JsonObject policy = new JsonObject();
    policy.addProperty("Version", "2012-10-17");
    policy.add("Statement", statements);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(policy)
        + "\n";
  }

  private static JsonObject statement(String group, List<String> actions, List<String> resources) {
    JsonObject s = new JsonObject();
    StringBuilder sid = new StringBuilder("Skyhop");
    for (String word : group.split(" ")) {
      sid.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    s.addProperty("Sid", sid.toString());
    s.addProperty("Effect", "Allow");
    JsonArray a = new JsonArray();
    actions.forEach(a::add);
    s.add("Action", a);
    JsonArray r = new JsonArray();
    resources.forEach(r::add);
    s.add("Resource", r);
    if (group.equals("role")) {
      // PassRole only to Lambda; the other role actions ignore the key
      JsonObject condition = new JsonObject();
      JsonObject equals = new JsonObject();
      JsonArray services = new JsonArray();
      services.add("lambda.amazonaws.com");
      equals.add("iam:PassedToService", services);
      condition.add("StringEqualsIfExists", equals);
      s.add("Condition", condition);
    }
    return s;
  }

  private static String arn(String service, String region, String resource) {
    return "arn:aws:" + service + ":" + region + ":*:" + resource;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
