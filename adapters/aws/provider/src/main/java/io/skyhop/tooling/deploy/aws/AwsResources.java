package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.deploy.ResourceBindings;
import io.skyhop.tooling.naming.aws.AwsNames;
import io.skyhop.tooling.pack.Manifest;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The queues and buckets the app's triggers use on AWS, by logical name. A logical name bound with
 * {@code skyhop.resources.<logical>} (an SQS queue ARN, an S3 bucket ARN) is used as is and never
 * created, changed or deleted; any other is the app's own, under the naming module's physical name
 * ({@code <app>[-<stage>]-<queue>}, {@code <app>[-<stage>]-<bucket>-<hash>}), created and removed
 * by {@link AwsAppResources}.
 */
final class AwsResources {
  private static final Pattern QUEUE_ARN =
      Pattern.compile("arn:aws[a-z-]*:sqs:[a-z]{2}(-[a-z]+)+-\\d{1,2}:\\d{12}:[A-Za-z0-9_-]{1,80}");
  private static final Pattern BUCKET_ARN =
      Pattern.compile("arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  /** Stands for the account id before it is known (a dry run of a new app). */
  static final String UNKNOWN_ACCOUNT = "<account>";

  private final ResourceBindings bindings;
  private final String region;
  private final AwsNames names;

  AwsResources(ResourceBindings bindings, String region, AwsNames names) {
    this.bindings = bindings;
    this.region = region;
    this.names = names;
  }

  /**
   * Checks the bindings of the manifest's queues and buckets before any call.
   *
   * @throws io.skyhop.tooling.ConfigurationException naming {@code skyhop.resources.<logical>}
   */
  void validate(Manifest manifest) {
    queues(manifest).forEach(q -> queueArn(q, UNKNOWN_ACCOUNT));
    buckets(manifest).forEach(b -> bucket(b, UNKNOWN_ACCOUNT));
  }

  /** Whether the user brought the resource of this logical name. */
  boolean bound(String logical) {
    return bindings.get(logical).isPresent();
  }

  /** The ARN of a logical queue: the bound ARN, or the app's queue in the account. */
  String queueArn(String logical, String account) {
    return bindings
        .get(logical)
        .map(
            arn ->
                ResourceBindings.check(
                    logical,
                    arn,
                    QUEUE_ARN,
                    "an SQS queue ARN",
                    "arn:aws:sqs:<region>:<account>:<queue>"))
        .orElseGet(() -> Arns.queue(region, account, names.queue(logical)));
  }

  /**
   * The name of a logical bucket: the bound bucket's, or the app's (its hash covers the account, so
   * before the account is known it is a placeholder).
   */
  String bucket(String logical, String account) {
    return bindings
        .get(logical)
        .map(
            arn ->
                ResourceBindings.check(
                    logical, arn, BUCKET_ARN, "an S3 bucket ARN", "arn:aws:s3:::<bucket>"))
        .map(arn -> arn.substring(arn.lastIndexOf(':') + 1))
        .orElseGet(
            () ->
                UNKNOWN_ACCOUNT.equals(account)
                    ? "<bucket " + logical + ">"
                    : names.bucket(account, logical));
  }

  /** The ARN of a logical bucket. */
  String bucketArn(String logical, String account) {
    return Arns.bucket(region, bucket(logical, account));
  }

  /** The logical queues of the manifest's queue functions, in order, once each. */
  static Set<String> queues(Manifest manifest) {
    return logicals(manifest, "queue");
  }

  /** The logical buckets of the manifest's storage functions, in order, once each. */
  static Set<String> buckets(Manifest manifest) {
    return logicals(manifest, "storage");
  }

  private static Set<String> logicals(Manifest manifest, String type) {
    Set<String> names = new LinkedHashSet<>();
    for (Manifest.Function f : manifest.functions()) {
      if (type.equals(f.triggerType())) {
        names.add(
            String.valueOf("queue".equals(type) ? f.trigger().queue() : f.trigger().bucket()));
      }
    }
    return names;
  }
}
