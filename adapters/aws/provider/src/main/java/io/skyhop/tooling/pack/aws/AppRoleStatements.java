package io.skyhop.tooling.pack.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an app's execution role may do, the one table for both ways to deploy: the role {@code mvn
 * deploy} creates ({@code deploy.aws.ExecutionRole}, {@code AppPolicy}, {@code SecretGrant}) and
 * the {@code AppRole} of {@code aws/template.yaml}. Resources are whatever the caller names them
 * with: ARNs for deploy, CloudFormation intrinsics for the template.
 */
public final class AppRoleStatements {
  /** The inline policy naming the app's queues and buckets. */
  public static final String RESOURCES_POLICY = "skyhop-app-resources";

  /** The inline policy naming the app's secrets. */
  public static final String SECRETS_POLICY = "skyhop-secrets";

  /**
   * The AWS managed policies attached (logs, and X-Ray for active tracing), after {@code policy/}.
   */
  public static final List<String> MANAGED =
      List.of("service-role/AWSLambdaBasicExecutionRole", "AWSXrayWriteOnlyAccess");

  /** What Lambda's SQS poller needs on a queue. */
  public static final List<String> QUEUE_ACTIONS =
      List.of(
          "sqs:ReceiveMessage",
          "sqs:DeleteMessage",
          "sqs:GetQueueAttributes",
          "sqs:ChangeMessageVisibility");

  /** What a storage function needs on its bucket's objects. */
  public static final List<String> BUCKET_OBJECT_ACTIONS = List.of("s3:GetObject");

  /** What a function needs on each secret it declares. */
  public static final String SECRET_ACTION = "secretsmanager:GetSecretValue";

  private AppRoleStatements() {}

  /**
   * The statements of {@value #RESOURCES_POLICY}: the queues, then the buckets' objects; empty
   * lists leave their statement out.
   */
  public static List<Object> resources(List<?> queues, List<?> bucketObjects) {
    List<Object> statements = new java.util.ArrayList<>();
    if (!queues.isEmpty()) {
      statements.add(statement("SkyhopQueues", QUEUE_ACTIONS, queues));
    }
    if (!bucketObjects.isEmpty()) {
      statements.add(statement("SkyhopBucketObjects", BUCKET_OBJECT_ACTIONS, bucketObjects));
    }
    return statements;
  }

  /** The statement of {@value #SECRETS_POLICY}. */
  public static Map<String, Object> secrets(List<?> secrets) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Effect", "Allow");
    statement.put("Action", SECRET_ACTION);
    statement.put("Resource", secrets);
    return statement;
  }

  /** The trust policy: Lambda may assume the role. */
  public static Map<String, Object> trust() {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Effect", "Allow");
    statement.put("Principal", Map.of("Service", "lambda.amazonaws.com"));
    statement.put("Action", "sts:AssumeRole");
    return document(List.of(statement));
  }

  /** A policy document of {@code statements}. */
  public static Map<String, Object> document(List<?> statements) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("Version", "2012-10-17");
    doc.put("Statement", statements);
    return doc;
  }

  private static Map<String, Object> statement(
      String sid, List<String> actions, List<?> resources) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("Sid", sid);
    s.put("Effect", "Allow");
    s.put("Action", actions);
    s.put("Resource", resources);
    return s;
  }
}
