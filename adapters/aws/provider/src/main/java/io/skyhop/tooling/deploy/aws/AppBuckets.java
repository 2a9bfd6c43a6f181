package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.deploy.DeployResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The S3 buckets an app owns: private (every public access block on), encrypted at rest (SSE-S3)
 * and tagged with the app and stage. An existing bucket of the app's name in the deploy's account
 * is adopted when it carries no Skyhop tags (a deploy that stopped between creating and tagging it)
 * and refused when its tags name another app or stage. Removal keeps a bucket that holds objects
 * unless {@value #REMOVE_DATA} is true.
 */
final class AppBuckets {
  /** Lets remove delete a bucket's objects with the bucket. */
  static final String REMOVE_DATA = "skyhop.remove.data";

  private static final PublicAccessBlockConfiguration PRIVATE =
      PublicAccessBlockConfiguration.builder()
          .blockPublicAcls(true)
          .ignorePublicAcls(true)
          .blockPublicPolicy(true)
          .restrictPublicBuckets(true)
          .build();

  private final S3Client s3;
  private final AwsSettings settings;
  private final PlanLog log;

  AppBuckets(S3Client s3, AwsSettings settings, PlanLog log) {
    this.s3 = s3;
    this.settings = settings;
    this.log = log;
  }

  /** Creates the bucket or converges it (tags, public access block, encryption). */
  DeployResult.Action ensure(String logical, String bucket) {
    boolean exists = !bucket.startsWith("<") && exists(bucket);
    if (!exists) {
      log.line(PlanLog.Change.CREATE, "bucket", bucket, "private, SSE-S3, tagged");
      if (log.dryRun()) {
        return DeployResult.Action.CREATE;
      }
      AwsCalls.call(
          "S3 CreateBucket " + bucket,
          () ->
              s3.createBucket(
                  b -> {
                    b.bucket(bucket);
                    if (!"us-east-1".equals(settings.region())) {
                      b.createBucketConfiguration(
                          c ->
                              c.locationConstraint(
                                  BucketLocationConstraint.fromValue(settings.region())));
                    }
                  }));
      putTags(bucket);
      putPrivate(bucket);
      putEncryption(bucket);
      return DeployResult.Action.CREATED;
    }
    Optional<Map<String, String>> tags = tags(bucket);
    if (tags.isPresent() && !settings.owns(tags.get())) {
      throw new AwsDeployException(
          "S3 bucket " + bucket,
          "",
          "The S3 bucket "
              + bucket
              + " exists but its tags "
              + tags.get()
              + " do not name the app "
              + settings.app()
              + " and its stage, so Skyhop will not take it over. Fix: bind it with -D"
              + io.skyhop.tooling.deploy.ResourceBindings.property(logical)
              + "=arn:aws:s3:::"
              + bucket
              + " to use it as is, or delete it",
          null);
    }
    boolean untagged = tags.isEmpty();
    boolean open = !PRIVATE.equals(publicAccessBlock(bucket));
    boolean plain = !encrypted(bucket);
    boolean same = !untagged && !open && !plain;
    log.line(
        same ? PlanLog.Change.UNCHANGED : PlanLog.Change.UPDATE,
        "bucket",
        bucket,
        same
            ? "private, SSE-S3, tagged"
            : String.join(
                ", ",
                java.util.stream.Stream.of(
                        untagged ? "tag" : "",
                        open ? "block public access" : "",
                        plain ? "encrypt" : "")
                    .filter(s -> !s.isEmpty())
                    .toList()));
    if (same) {
      return DeployResult.Action.UNCHANGED;
    }
    if (log.dryRun()) {
      return DeployResult.Action.UPDATE;
    }
    if (untagged) {
      putTags(bucket);
    }
    if (open) {
      putPrivate(bucket);
    }
    if (plain) {
      putEncryption(bucket);
    }
    return DeployResult.Action.UPDATED;
  }

  /**
   * Deletes the bucket when its tags name the app and stage: empty, or with its objects when {@code
   * removeData}; a bucket holding objects is otherwise kept, with a warning.
   */
  void removeIfOwned(String bucket, boolean removeData) {
    if (!exists(bucket)) {
      return;
    }
    Optional<Map<String, String>> tags = tags(bucket);
    if (tags.isEmpty() || !settings.owns(tags.get())) {
      log.info("Leaving the S3 bucket " + bucket + ": its tags do not name this app and stage");
      return;
    }
    List<S3Object> objects = objects(bucket, removeData ? 1000 : 1);
    if (!objects.isEmpty() && !removeData) {
      log.warn(
          "Keeping the S3 bucket "
              + bucket
              + ": it still holds objects. Fix: copy what you need, then run skyhop:remove with -D"
              + REMOVE_DATA
              + "=true to delete it with its objects");
      return;
    }
    while (!objects.isEmpty()) {
      log.line(PlanLog.Change.DELETE, "objects", "s3://" + bucket, objects.size() + " objects");
      if (log.dryRun()) {
        break;
      }
      List<ObjectIdentifier> ids =
          objects.stream().map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
      AwsCalls.call(
          "S3 DeleteObjects " + bucket,
          () -> s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids).quiet(true))));
      objects = objects(bucket, 1000);
    }
    log.line(PlanLog.Change.DELETE, "bucket", bucket, "");
    if (!log.dryRun()) {
      AwsCalls.call("S3 DeleteBucket " + bucket, () -> s3.deleteBucket(b -> b.bucket(bucket)));
    }
  }

  /** The names of the account's buckets that start with {@code prefix}. */
  List<String> listByPrefix(String prefix) {
    return AwsCalls.call("S3 ListBuckets", () -> s3.listBuckets()).buckets().stream()
        .map(b -> b.name())
        .filter(n -> n.startsWith(prefix))
        .toList();
  }

  private boolean exists(String bucket) {
    try {
      AwsCalls.call("S3 HeadBucket " + bucket, () -> s3.headBucket(b -> b.bucket(bucket)));
      return true;
    } catch (AwsDeployException e) {
      if (e.getCause() instanceof software.amazon.awssdk.services.s3.model.NoSuchBucketException
          || "NoSuchBucket".equals(e.errorCode())
          || e.getCause() instanceof software.amazon.awssdk.awscore.exception.AwsServiceException s
              && s.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  private Optional<Map<String, String>> tags(String bucket) {
    return AwsCalls.find(
            "S3 GetBucketTagging " + bucket,
            "NoSuchTagSet",
            () -> s3.getBucketTagging(b -> b.bucket(bucket)))
        .map(
            r -> {
              Map<String, String> tags = new HashMap<>();
              r.tagSet().forEach(t -> tags.put(t.key(), t.value()));
              return tags;
            });
  }

  private PublicAccessBlockConfiguration publicAccessBlock(String bucket) {
    return AwsCalls.find(
            "S3 GetPublicAccessBlock " + bucket,
            "NoSuchPublicAccessBlockConfiguration",
            () -> s3.getPublicAccessBlock(b -> b.bucket(bucket)))
        .map(r -> r.publicAccessBlockConfiguration())
        .orElse(null);
  }

  private boolean encrypted(String bucket) {
    return AwsCalls.find(
            "S3 GetBucketEncryption " + bucket,
            "ServerSideEncryptionConfigurationNotFoundError",
            () -> s3.getBucketEncryption(b -> b.bucket(bucket)))
        .map(
            r ->
                r.serverSideEncryptionConfiguration().rules().stream()
                    .anyMatch(x -> x.applyServerSideEncryptionByDefault() != null))
        .orElse(false);
  }

  private void putTags(String bucket) {
    List<Tag> tags =
        settings.tags().entrySet().stream()
            .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
            .toList();
    AwsCalls.call(
        "S3 PutBucketTagging " + bucket,
        () -> s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(tags))));
  }

  private void putPrivate(String bucket) {
    AwsCalls.call(
        "S3 PutPublicAccessBlock " + bucket,
        () ->
            s3.putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(PRIVATE)));
  }

  private void putEncryption(String bucket) {
    AwsCalls.call(
        "S3 PutBucketEncryption " + bucket,
        () ->
            s3.putBucketEncryption(
                b ->
                    b.bucket(bucket)
                        .serverSideEncryptionConfiguration(
                            c ->
                                c.rules(
                                    r ->
                                        r.applyServerSideEncryptionByDefault(
                                            d -> d.sseAlgorithm(ServerSideEncryption.AES256))))));
  }

  private List<S3Object> objects(String bucket, int max) {
    return AwsCalls.call(
            "S3 ListObjectsV2 " + bucket,
            () -> s3.listObjectsV2(b -> b.bucket(bucket).maxKeys(max)))
        .contents();
  }
}
