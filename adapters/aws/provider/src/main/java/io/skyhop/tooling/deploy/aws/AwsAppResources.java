package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.naming.aws.AwsNames;
import io.skyhop.tooling.pack.Manifest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The queues and buckets of one app and stage on AWS: deploy creates (or converges) each one the
 * app's triggers use and does not bind with {@code skyhop.resources.<logical>}, before the
 * functions and their triggers; remove deletes the ones whose tags name the app and stage, after
 * the functions. Bound resources are used as they are and never created, changed or deleted.
 */
final class AwsAppResources {
  private final AwsSettings settings;
  private final AwsResources resources;
  private final AppQueues queues;
  private final AppBuckets buckets;
  private final PlanLog log;

  AwsAppResources(AwsClients clients, AwsSettings settings, PlanLog log) {
    this.settings = settings;
    this.resources = settings.resources();
    this.queues = new AppQueues(clients.sqs, settings, log);
    this.buckets = new AppBuckets(clients.s3, settings, log);
    this.log = log;
  }

  /**
   * What the app's triggers use, created where missing.
   *
   * @param records each resource for the deploy record
   * @param queueArns the queues the role reads, owned or bound
   * @param bucketArns the buckets whose objects the role reads, owned or bound
   */
  record Ensured(
      List<DeployResult.Resource> records, List<String> queueArns, List<String> bucketArns) {}

  /** Ensures every queue and bucket of the manifest ({@code account}: the role's account). */
  Ensured ensure(Manifest manifest, String account) {
    List<DeployResult.Resource> records = new ArrayList<>();
    List<String> queueArns = new ArrayList<>();
    List<String> bucketArns = new ArrayList<>();
    for (String logical : AwsResources.queues(manifest)) {
      String arn = resources.queueArn(logical, account);
      queueArns.add(arn);
      if (resources.bound(logical)) {
        records.add(brought(logical, "queue", arn));
        continue;
      }
      int visibility =
          manifest.functions().stream()
              .filter(f -> "queue".equals(f.triggerType()))
              .filter(f -> logical.equals(String.valueOf(f.trigger().queue())))
              .mapToInt(
                  f ->
                      io.skyhop.tooling.pack.aws.SqsQueueSettings.visibilityTimeout(
                          f.timeoutSeconds()))
              .max()
              .orElse(io.skyhop.tooling.pack.aws.SqsQueueSettings.visibilityTimeout(0));
      List<DeployResult.Action> actions =
          queues.ensure(logical, settings.names().queue(logical), arn, visibility);
      records.add(
          new DeployResult.Resource(
              logical,
              "dead-letter queue",
              arn + AwsNames.DEAD_LETTER_SUFFIX,
              true,
              actions.get(0)));
      records.add(new DeployResult.Resource(logical, "queue", arn, true, actions.get(1)));
    }
    for (String logical : AwsResources.buckets(manifest)) {
      String arn = resources.bucketArn(logical, account);
      bucketArns.add(arn);
      if (resources.bound(logical)) {
        records.add(brought(logical, "bucket", arn));
        continue;
      }
      DeployResult.Action action = buckets.ensure(logical, resources.bucket(logical, account));
      records.add(new DeployResult.Resource(logical, "bucket", arn, true, action));
    }
    return new Ensured(records, queueArns, bucketArns);
  }

  private DeployResult.Resource brought(String logical, String kind, String id) {
    log.line(
        PlanLog.Change.UNCHANGED,
        kind,
        id,
        io.skyhop.tooling.deploy.ResourceBindings.property(logical) + ", not managed");
    return new DeployResult.Resource(logical, kind, id, false, DeployResult.Action.UNCHANGED);
  }

  /** The buckets whose tags name the app and stage: their notifications go on remove. */
  List<String> ownedBuckets(Set<String> boundNames) {
    return buckets.listByPrefix(settings.names().bucketPrefix()).stream()
        .filter(b -> !boundNames.contains(b))
        .toList();
  }

  /**
   * Deletes the queues, then the buckets, whose tags name the app and stage, never one of {@code
   * boundNames}; a bucket holding objects only with {@code removeData}.
   */
  void remove(Set<String> boundNames, List<String> candidateBuckets, boolean removeData) {
    List<String> names = new ArrayList<>(queues.listByPrefix(settings.names().queuePrefix()));
    // a queue before its dead-letter queue
    names.sort(Comparator.comparing((String n) -> n.endsWith(AwsNames.DEAD_LETTER_SUFFIX)));
    for (String name : names) {
      if (!boundNames.contains(name)) {
        queues.removeIfOwned(name);
      }
    }
    for (String bucket : candidateBuckets) {
      buckets.removeIfOwned(bucket, removeData);
    }
  }
}
