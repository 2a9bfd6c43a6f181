package io.skyhop.tooling.deploy.aws;

/** ARN parts and the ARNs Skyhop builds. */
final class Arns {
  private Arns() {}

  /** The partition of a region: {@code aws}, {@code aws-cn} or {@code aws-us-gov}. */
  static String partition(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    if (region.startsWith("us-gov-")) {
      return "aws-us-gov";
    }
    return "aws";
  }

  /** The account id of an ARN such as {@code arn:aws:iam::123456789012:role/x}. */
  static String account(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || !parts[4].matches("\\d{12}")) {
      throw new IllegalArgumentException("No account id in ARN " + arn);
    }
    return parts[4];
  }

  /** A Lambda function ARN. */
  static String function(String region, String account, String name) {
    return "arn:" + partition(region) + ":lambda:" + region + ":" + account + ":function:" + name;
  }

  /** An SQS queue ARN; a queue given as an ARN is kept. */
  static String queue(String region, String account, String queue) {
    if (queue.startsWith("arn:")) {
      return queue;
    }
    return "arn:" + partition(region) + ":sqs:" + region + ":" + account + ":" + queue;
  }

  /** An S3 bucket ARN. */
  static String bucket(String region, String bucket) {
    return "arn:" + partition(region) + ":s3:::" + bucket;
  }

  /** An AWS managed policy ARN, e.g. {@code service-role/AWSLambdaBasicExecutionRole}. */
  static String managedPolicy(String region, String name) {
    return "arn:" + partition(region) + ":iam::aws:policy/" + name;
  }
}
