package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.deploy.DeployResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The SQS queues an app owns: each with a dead-letter queue {@code <queue>-dlq} (kept 14 days) that
 * takes a message after {@value #MAX_RECEIVE_COUNT} receives, as the in-house runtime and Azure do,
 * and a visibility timeout of six times the longest timeout of its functions (at least 30 s), as
 * Lambda advises. Both are created with the app and stage tags; an existing queue is the app's only
 * when its tags say so.
 */
final class AppQueues {
  /** Receives before SQS moves a message to the dead-letter queue. */
  static final int MAX_RECEIVE_COUNT = 5;

  /** How long the dead-letter queue keeps a message: 14 days, the SQS maximum. */
  static final int DEAD_LETTER_RETENTION = 1_209_600;

  private final SqsClient sqs;
  private final AwsSettings settings;
  private final PlanLog log;

  AppQueues(SqsClient sqs, AwsSettings settings, PlanLog log) {
    this.sqs = sqs;
    this.settings = settings;
    this.log = log;
  }

  /**
   * Creates the queue and its dead-letter queue, or checks that they are the app's and converges
   * their attributes.
   *
   * @param name the physical queue name
   * @param arn the queue's ARN ({@code <account>} in a dry run of a new app)
   * @param visibility the visibility timeout in seconds
   * @return what happened, per queue, for the record
   */
  List<DeployResult.Action> ensure(String logical, String name, String arn, int visibility) {
    String dlq = name + io.skyhop.tooling.naming.aws.AwsNames.DEAD_LETTER_SUFFIX;
    String dlqArn = arn + io.skyhop.tooling.naming.aws.AwsNames.DEAD_LETTER_SUFFIX;
    Map<String, String> dlqAttributes =
        Map.of("MessageRetentionPeriod", "" + DEAD_LETTER_RETENTION);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("VisibilityTimeout", "" + visibility);
    attributes.put(
        "RedrivePolicy",
        "{\"deadLetterTargetArn\":\""
            + dlqArn
            + "\",\"maxReceiveCount\":"
            + MAX_RECEIVE_COUNT
            + "}");
    List<DeployResult.Action> actions = new ArrayList<>();
    actions.add(ensureOne(logical, dlq, dlqAttributes, "dead-letter queue"));
    actions.add(
        ensureOne(
            logical,
            name,
            attributes,
            "redrive to " + dlq + " after " + MAX_RECEIVE_COUNT + " receives"));
    return actions;
  }

  /**
   * Creates a queue with {@code attributes}, or converges the ones that differ on an existing one
   * (the dead-letter queue's retention is set on creation only).
   */
  private DeployResult.Action ensureOne(
      String logical, String name, Map<String, String> attributes, String detail) {
    Optional<String> url = url(name);
    if (url.isEmpty()) {
      log.line(PlanLog.Change.CREATE, "queue", name, detail);
      if (log.dryRun()) {
        return DeployResult.Action.CREATE;
      }
      AwsCalls.call(
          "SQS CreateQueue " + name,
          () ->
              sqs.createQueue(
                  b -> b.queueName(name).attributesWithStrings(attributes).tags(settings.tags())));
      return DeployResult.Action.CREATED;
    }
    Map<String, String> tags =
        AwsCalls.call(
                "SQS ListQueueTags " + name, () -> sqs.listQueueTags(b -> b.queueUrl(url.get())))
            .tags();
    if (!settings.owns(tags)) {
      throw new AwsDeployException(
          "SQS queue " + name,
          "",
          "The SQS queue "
              + name
              + " exists but its tags "
              + tags
              + " do not name the app "
              + settings.app()
              + " and its stage, so Skyhop will not take it over. Fix: bind it with -D"
              + io.skyhop.tooling.deploy.ResourceBindings.property(logical)
              + "=<its ARN> to use it as is, or delete it",
          null);
    }
    Map<String, String> current =
        AwsCalls.call(
                "SQS GetQueueAttributes " + name,
                () ->
                    sqs.getQueueAttributes(
                        b ->
                            b.queueUrl(url.get())
                                .attributeNamesWithStrings(List.copyOf(attributes.keySet()))))
            .attributesAsStrings();
    Map<String, String> differing = new LinkedHashMap<>();
    attributes.forEach(
        (k, v) -> {
          if (!"MessageRetentionPeriod".equals(k) && !same(k, v, current.get(k))) {
            differing.put(k, v);
          }
        });
    log.line(
        differing.isEmpty() ? PlanLog.Change.UNCHANGED : PlanLog.Change.UPDATE,
        "queue",
        name,
        differing.isEmpty() ? detail : "set " + String.join(", ", differing.keySet()));
    if (differing.isEmpty()) {
      return DeployResult.Action.UNCHANGED;
    }
    if (log.dryRun()) {
      return DeployResult.Action.UPDATE;
    }
    AwsCalls.call(
        "SQS SetQueueAttributes " + name,
        () -> sqs.setQueueAttributes(b -> b.queueUrl(url.get()).attributesWithStrings(differing)));
    return DeployResult.Action.UPDATED;
  }

  /** Compares attribute values; a redrive policy as JSON, whatever its spacing and key order. */
  private static boolean same(String key, String desired, String current) {
    if (current == null) {
      return false;
    }
    if (QueueAttributeName.REDRIVE_POLICY.toString().equals(key)) {
      return com.google.gson.JsonParser.parseString(desired)
          .equals(normalized(com.google.gson.JsonParser.parseString(current)));
    }
    return desired.equals(current);
  }

  /** SQS may answer {@code maxReceiveCount} as a string. */
  private static com.google.gson.JsonElement normalized(com.google.gson.JsonElement policy) {
    com.google.gson.JsonObject o = policy.getAsJsonObject().deepCopy();
    if (o.has("maxReceiveCount")) {
      o.addProperty("maxReceiveCount", o.get("maxReceiveCount").getAsInt());
    }
    return o;
  }

  /** Deletes the app's queue and its dead-letter queue, when their tags name the app and stage. */
  boolean removeIfOwned(String name) {
    Optional<String> url = url(name);
    if (url.isEmpty()) {
      return false;
    }
    Map<String, String> tags =
        AwsCalls.call(
                "SQS ListQueueTags " + name, () -> sqs.listQueueTags(b -> b.queueUrl(url.get())))
            .tags();
    if (!settings.owns(tags)) {
      log.info("Leaving the SQS queue " + name + ": its tags do not name this app and stage");
      return false;
    }
    log.line(PlanLog.Change.DELETE, "queue", name, "");
    if (!log.dryRun()) {
      AwsCalls.call("SQS DeleteQueue " + name, () -> sqs.deleteQueue(b -> b.queueUrl(url.get())));
    }
    return true;
  }

  /** The app's queue names, by prefix ({@code <app>[-<stage>]-}); tags are checked on removal. */
  List<String> listByPrefix(String prefix) {
    return AwsCalls.call(
        "SQS ListQueues " + prefix,
        () ->
            sqs.listQueuesPaginator(b -> b.queueNamePrefix(prefix)).queueUrls().stream()
                .map(u -> u.substring(u.lastIndexOf('/') + 1))
                .toList());
  }

  private Optional<String> url(String name) {
    try {
      return Optional.of(
          AwsCalls.call("SQS GetQueueUrl " + name, () -> sqs.getQueueUrl(b -> b.queueName(name)))
              .queueUrl());
    } catch (AwsDeployException e) {
      if (e.getCause() instanceof QueueDoesNotExistException) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
