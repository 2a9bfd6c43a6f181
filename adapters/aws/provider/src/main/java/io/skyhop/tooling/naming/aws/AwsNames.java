package io.skyhop.tooling.naming.aws;

import io.skyhop.tooling.naming.Naming;

/**
 * AWS names of one app and stage. Limits: Lambda function, IAM role and EventBridge rule names 64
 * characters; SQS queue names 80 ({@code [A-Za-z0-9_-]}); S3 bucket names 3 to 63 lower-case
 * letters, digits, dots and hyphens, global across all accounts.
 */
public final class AwsNames {
  /** Lambda function names. */
  public static final int MAX_FUNCTION = 64;

  /** IAM role names. */
  public static final int MAX_ROLE = 64;

  /** SQS queue names. */
  public static final int MAX_QUEUE = 80;

  /** S3 bucket names. */
  public static final int MAX_BUCKET = 63;

  /** The tag key prefix: {@code skyhop:app}, {@code skyhop:stage}. */
  public static final String TAG_PREFIX = "skyhop:";

  /** Ends the name of a queue's dead-letter queue. */
  public static final String DEAD_LETTER_SUFFIX = "-dlq";

  private final Naming naming;

  private AwsNames(Naming naming) {
    this.naming = naming;
  }

  /** The names of {@code naming}'s app and stage. */
  public static AwsNames of(Naming naming) {
    return new AwsNames(naming);
  }

  /** The Lambda function: {@code <prefix>-<function>}. */
  public String function(String function) {
    return Naming.fit(naming.prefix() + "-" + function, MAX_FUNCTION);
  }

  /** The EventBridge rule of a schedule function: the function's name. */
  public String rule(String function) {
    return function(function);
  }

  /** The execution role Skyhop creates: {@code <prefix>-skyhop-role}. */
  public String role() {
    return Naming.fit(naming.prefix() + "-skyhop-role", MAX_ROLE);
  }

  /** The SQS queue of a logical queue: {@code <prefix>-<queue>}. */
  public String queue(String logical) {
    return Naming.fit(naming.prefix() + "-" + logical, MAX_QUEUE - DEAD_LETTER_SUFFIX.length());
  }

  /** The dead-letter queue of a logical queue: {@code <prefix>-<queue>-dlq}. */
  public String deadLetterQueue(String logical) {
    return queue(logical) + DEAD_LETTER_SUFFIX;
  }

  /**
   * The S3 bucket of a logical bucket, unique across AWS: {@code <prefix>-<bucket>-<hash of
   * account, app, stage and bucket>}.
   */
  public String bucket(String account, String logical) {
    return Naming.unique(
        Naming.dnsSafe(naming.prefix() + "-" + logical),
        MAX_BUCKET,
        "aws",
        account,
        naming.app(),
        naming.stageLabel(),
        logical);
  }

  /** The beginning of every bucket name of the app and stage, to find them among an account's. */
  public String bucketPrefix() {
    return Naming.dnsSafe(naming.prefix());
  }

  /** The beginning of every queue name of the app and stage: {@code <prefix>-}. */
  public String queuePrefix() {
    return naming.prefix() + "-";
  }

  /** The tags of every resource Skyhop owns: {@code skyhop:app}, {@code skyhop:stage}. */
  public java.util.Map<String, String> tags() {
    return naming.tags(TAG_PREFIX);
  }

  /** A function's tags: {@link #tags()} and {@code skyhop:function}. */
  public java.util.Map<String, String> functionTags(String function) {
    java.util.Map<String, String> tags = new java.util.LinkedHashMap<>(tags());
    tags.put(TAG_PREFIX + "function", function);
    return tags;
  }
}
