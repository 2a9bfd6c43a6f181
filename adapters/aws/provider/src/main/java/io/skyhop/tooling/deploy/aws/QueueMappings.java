package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.pack.Manifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;

/**
 * Queues: an SQS event source mapping from the queue to the function, with partial batch responses
 * ({@code ReportBatchItemFailures}) so only failed messages return to the queue.
 */
final class QueueMappings {
  /** Messages per batch (the SQS default). */
  static final int BATCH_SIZE = 10;

  private final LambdaClient lambda;
  private final PlanLog log;
  private final AwsResources resources;

  QueueMappings(LambdaClient lambda, PlanLog log, AwsResources resources) {
    this.lambda = lambda;
    this.log = log;
    this.resources = resources;
  }

  /** Ensures the mapping. */
  Wired ensure(LiveFunction fn, Manifest.Trigger trigger) {
    String queueArn = resources.queueArn(trigger.queue(), fn.accountOrPlaceholder());
    String label = queueArn + " -> " + fn.qualifiedName();
    List<EventSourceMappingConfiguration> current =
        fn.planned()
            ? List.of()
            : AwsCalls.call(
                "Lambda ListEventSourceMappings " + fn.name(),
                () ->
                    lambda
                        .listEventSourceMappingsPaginator(
                            b -> b.functionName(fn.qualifiedName()).eventSourceArn(queueArn))
                        .eventSourceMappings()
                        .stream()
                        .toList());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("queueArn", queueArn);
    boolean changed;
    if (current.isEmpty()) {
      log.line(PlanLog.Change.CREATE, "mapping", label, "ReportBatchItemFailures");
      changed = true;
      if (!log.dryRun()) {
        var created =
            AwsCalls.call(
                "Lambda CreateEventSourceMapping " + fn.name(),
                () ->
                    lambda.createEventSourceMapping(
                        b ->
                            b.functionName(fn.qualifiedName())
                                .eventSourceArn(queueArn)
                                .enabled(true)
                                .batchSize(BATCH_SIZE)
                                .functionResponseTypes(
                                    FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)));
        details.put("eventSourceMapping", created.uuid());
      }
    } else {
      EventSourceMappingConfiguration m = current.get(0);
      details.put("eventSourceMapping", m.uuid());
      changed =
          !m.functionResponseTypes().contains(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
      log.line(
          changed ? PlanLog.Change.UPDATE : PlanLog.Change.UNCHANGED,
          "mapping",
          label,
          "ReportBatchItemFailures");
      if (changed && !log.dryRun()) {
        AwsCalls.call(
            "Lambda UpdateEventSourceMapping " + m.uuid(),
            () ->
                lambda.updateEventSourceMapping(
                    b ->
                        b.uuid(m.uuid())
                            .functionResponseTypes(
                                FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)));
      }
    }
    return new Wired("SQS " + queueArn, changed, details);
  }

  /** Deletes every event source mapping of the function. */
  void remove(String function) {
    List<EventSourceMappingConfiguration> mappings =
        AwsCalls.call(
            "Lambda ListEventSourceMappings " + function,
            () ->
                lambda
                    .listEventSourceMappingsPaginator(b -> b.functionName(function))
                    .eventSourceMappings()
                    .stream()
                    .toList());
    for (EventSourceMappingConfiguration m : mappings) {
      log.line(PlanLog.Change.DELETE, "mapping", m.eventSourceArn() + " -> " + function, m.uuid());
      if (!log.dryRun()) {
        AwsCalls.find(
            "Lambda DeleteEventSourceMapping " + m.uuid(),
            "ResourceNotFoundException",
            () -> lambda.deleteEventSourceMapping(b -> b.uuid(m.uuid())));
      }
    }
  }
}
