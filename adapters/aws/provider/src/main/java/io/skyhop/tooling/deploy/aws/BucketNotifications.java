package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.pack.Manifest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;

/**
 * Storage: an S3 bucket notification to the function, merged into the bucket's existing
 * configuration (other notifications are kept as they are), and the permission for S3 to invoke the
 * function.
 */
final class BucketNotifications {
  private final S3Client s3;
  private final Permissions permissions;
  private final PlanLog log;
  private final AwsResources resources;

  BucketNotifications(S3Client s3, Permissions permissions, PlanLog log, AwsResources resources) {
    this.s3 = s3;
    this.permissions = permissions;
    this.log = log;
    this.resources = resources;
  }

  /** S3 event names of the manifest's storage events. */
  static List<String> events(Manifest.Trigger trigger) {
    List<String> events = new ArrayList<>();
    for (String e : trigger.events() == null ? List.of("CREATED") : trigger.events()) {
      events.add("DELETED".equals(e) ? "s3:ObjectRemoved:*" : "s3:ObjectCreated:*");
    }
    return events;
  }

  /** Ensures the permission, then the notification (S3 checks the permission when it is put). */
  Wired ensure(LiveFunction fn, Manifest.Trigger trigger) {
    String logical = trigger.bucket();
    String bucket = resources.bucket(logical, fn.accountOrPlaceholder());
    List<String> events = events(trigger);
    Set<String> sids = fn.planned() ? Set.of() : permissions.statementIds(fn.qualifiedName());
    boolean changed =
        permissions.ensure(
            fn.qualifiedName(),
            sids,
            AddPermissionRequest.builder()
                .functionName(fn.qualifiedName())
                .statementId("skyhop-s3-" + bucket)
                .action("lambda:InvokeFunction")
                .principal("s3.amazonaws.com")
                .sourceArn(resources.bucketArn(logical, fn.accountOrPlaceholder()))
                .sourceAccount(fn.accountOrPlaceholder())
                .build());
    LambdaFunctionConfiguration desired =
        LambdaFunctionConfiguration.builder()
            .id(fn.name())
            .lambdaFunctionArn(fn.qualifiedArnOrPlaceholder())
            .eventsWithStrings(events)
            .build();
    changed |= ensureNotification(fn, bucket, desired);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("bucket", bucket);
    details.put("notificationId", fn.name());
    details.put("events", events);
    return new Wired("S3 bucket " + bucket + " " + String.join(",", events), changed, details);
  }

  /** Merges {@code desired} into the bucket's configuration; returns whether it changed. */
  private boolean ensureNotification(
      LiveFunction fn, String bucket, LambdaFunctionConfiguration desired) {
    String label = "s3://" + bucket + " -> " + fn.name();
    String events = String.join(", ", desired.eventsAsStrings());
    if (fn.planned()) {
      log.line(PlanLog.Change.CREATE, "notification", label, events);
      return true;
    }
    GetBucketNotificationConfigurationResponse current = read(bucket);
    List<LambdaFunctionConfiguration> ours =
        current.lambdaFunctionConfigurations().stream()
            .filter(c -> fn.name().equals(c.id()))
            .toList();
    boolean same =
        ours.size() == 1
            && desired.lambdaFunctionArn().equals(ours.get(0).lambdaFunctionArn())
            && new HashSet<>(desired.eventsAsStrings())
                .equals(new HashSet<>(ours.get(0).eventsAsStrings()))
            && ours.get(0).filter() == null;
    log.line(
        same
            ? PlanLog.Change.UNCHANGED
            : ours.isEmpty() ? PlanLog.Change.CREATE : PlanLog.Change.UPDATE,
        "notification",
        label,
        events);
    if (!same && !log.dryRun()) {
      List<LambdaFunctionConfiguration> merged = new ArrayList<>();
      current.lambdaFunctionConfigurations().stream()
          .filter(c -> !fn.name().equals(c.id()))
          .forEach(merged::add);
      merged.add(desired);
      write(bucket, current, merged);
    }
    return !same;
  }

  /** Removes the notifications that target one of {@code functionArns}, keeping the others. */
  void remove(String bucket, Predicate<String> isOurFunctionArn) {
    GetBucketNotificationConfigurationResponse current;
    try {
      current = read(bucket);
    } catch (AwsDeployException e) {
      if ("NoSuchBucket".equals(e.errorCode())) {
        return;
      }
      throw e;
    }
    List<LambdaFunctionConfiguration> kept = new ArrayList<>();
    for (LambdaFunctionConfiguration c : current.lambdaFunctionConfigurations()) {
      if (isOurFunctionArn.test(c.lambdaFunctionArn())) {
        log.line(PlanLog.Change.DELETE, "notification", "s3://" + bucket + " " + c.id(), "");
      } else {
        kept.add(c);
      }
    }
    if (kept.size() != current.lambdaFunctionConfigurations().size() && !log.dryRun()) {
      write(bucket, current, kept);
    }
  }

  private GetBucketNotificationConfigurationResponse read(String bucket) {
    return AwsCalls.call(
        "S3 GetBucketNotificationConfiguration " + bucket,
        () -> s3.getBucketNotificationConfiguration(b -> b.bucket(bucket)));
  }

  private void write(
      String bucket,
      GetBucketNotificationConfigurationResponse current,
      List<LambdaFunctionConfiguration> lambdas) {
    NotificationConfiguration.Builder config =
        NotificationConfiguration.builder()
            .topicConfigurations(current.topicConfigurations())
            .queueConfigurations(current.queueConfigurations())
            .lambdaFunctionConfigurations(lambdas);
    if (current.eventBridgeConfiguration() != null) {
      config.eventBridgeConfiguration(current.eventBridgeConfiguration());
    }
    AwsCalls.call(
        "S3 PutBucketNotificationConfiguration " + bucket,
        () ->
            s3.putBucketNotificationConfiguration(
                b -> b.bucket(bucket).notificationConfiguration(config.build())));
  }
}
