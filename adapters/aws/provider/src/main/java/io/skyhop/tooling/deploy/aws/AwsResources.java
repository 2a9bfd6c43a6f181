package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.ResourceBindings;
import io.skyhop.tooling.pack.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The queues and buckets the app's triggers use on AWS. A logical name bound with {@code
 * skyhop.resources.<logical>} (an SQS queue ARN, an S3 bucket ARN) is used as is; otherwise the
 * queue or bucket of that name in the deploy's region and account must exist. Skyhop owns none of
 * them: it never creates, changes or deletes a queue or bucket.
 */
final class AwsResources {
  private static final Pattern QUEUE_ARN =
      Pattern.compile("arn:aws[a-z-]*:sqs:[a-z]{2}(-[a-z]+)+-\\d{1,2}:\\d{12}:[A-Za-z0-9_-]{1,80}");
  private static final Pattern BUCKET_ARN =
      Pattern.compile("arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  private final ResourceBindings bindings;
  private final String region;

  AwsResources(ResourceBindings bindings, String region) {
    this.bindings = bindings;
    this.region = region;
  }

  /**
   * Checks the bindings of the manifest's queues and buckets before any call.
   *
   * @throws io.skyhop.tooling.ConfigurationException naming {@code skyhop.resources.<logical>}
   */
  void validate(Manifest manifest) {
    for (Manifest.Function f : manifest.functions()) {
      if ("queue".equals(f.triggerType())) {
        queueArn(logical(f, "queue"), "<account>");
      } else if ("storage".equals(f.triggerType())) {
        bucket(logical(f, "bucket"));
      }
    }
  }

  /** The ARN of a logical queue: the bound ARN, or the queue of that name in the account. */
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
        .orElseGet(() -> Arns.queue(region, account, logical));
  }

  /** The name of a logical bucket: the bound bucket's, or the logical name. */
  String bucket(String logical) {
    return bindings
        .get(logical)
        .map(
            arn ->
                ResourceBindings.check(
                    logical, arn, BUCKET_ARN, "an S3 bucket ARN", "arn:aws:s3:::<bucket>"))
        .map(arn -> arn.substring(arn.lastIndexOf(':') + 1))
        .orElse(logical);
  }

  /** The ARN of a logical bucket. */
  String bucketArn(String logical) {
    return Arns.bucket(region, bucket(logical));
  }

  /** The queues and buckets of the manifest, for the deploy record: none is Skyhop's. */
  List<DeployResult.Resource> describe(Manifest manifest, String account) {
    Set<String> seen = new LinkedHashSet<>();
    List<DeployResult.Resource> resources = new ArrayList<>();
    for (Manifest.Function f : manifest.functions()) {
      if ("queue".equals(f.triggerType()) && seen.add("queue " + logical(f, "queue"))) {
        String logical = logical(f, "queue");
        resources.add(resource(logical, "queue", queueArn(logical, account)));
      } else if ("storage".equals(f.triggerType()) && seen.add("bucket " + logical(f, "bucket"))) {
        String logical = logical(f, "bucket");
        resources.add(resource(logical, "bucket", bucketArn(logical)));
      }
    }
    return resources;
  }

  private DeployResult.Resource resource(String logical, String kind, String id) {
    return new DeployResult.Resource(logical, kind, id, false, DeployResult.Action.UNCHANGED);
  }

  private static String logical(Manifest.Function f, String key) {
    return String.valueOf("queue".equals(key) ? f.trigger().queue() : f.trigger().bucket());
  }
}
