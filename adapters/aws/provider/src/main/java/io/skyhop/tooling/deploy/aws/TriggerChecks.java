package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.pack.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;

/**
 * Whether each trigger a deploy wired is registered on AWS and calls the function's live version:
 * the SQS event source mapping {@code State=Enabled} (awaited while Creating/Enabling/Updating),
 * the EventBridge rule {@code ENABLED} with the function as its target, the S3 bucket's
 * notification present with the function's ARN. HTTP functions are checked by their smoke call.
 */
final class TriggerChecks {
  private static final Set<String> SETTLING = Set.of("Creating", "Enabling", "Updating");

  private final AwsClients clients;
  private final Pacer pacer;

  TriggerChecks(AwsClients clients, Pacer pacer) {
    this.clients = clients;
    this.pacer = pacer;
  }

  /** What is wrong with the function's trigger; empty when it is registered. */
  Optional<String> problem(Manifest.Function f, DeployResult.Function deployed) {
    Map<String, Object> d = deployed.details() == null ? Map.of() : deployed.details();
    String name = AwsVerifier.qualified(deployed);
    String arn = d.get("functionArn") + (d.get("alias") == null ? "" : ":" + d.get("alias"));
    return switch (String.valueOf(f.triggerType())) {
      case "queue" -> mapping(name, String.valueOf(d.get("queueArn")));
      case "schedule" -> rule(String.valueOf(d.get("rule")), arn);
      case "storage" -> notification(String.valueOf(d.get("bucket")), deployed.resource(), arn);
      default -> Optional.empty();
    };
  }

  private Optional<String> mapping(String name, String queueArn) {
    Optional<EventSourceMappingConfiguration> settled;
    try {
      settled =
          Optional.of(
              pacer.until(
                  "the event source mapping " + queueArn + " -> " + name + " to settle",
                  () -> mappings(name, queueArn).stream().findFirst().filter(m -> !settling(m))));
    } catch (AwsDeployException e) {
      settled = mappings(name, queueArn).stream().findFirst();
    }
    if (settled.isEmpty()) {
      return Optional.of("no event source mapping from " + queueArn + " to " + name);
    }
    EventSourceMappingConfiguration m = settled.get();
    return "Enabled".equals(m.state())
        ? Optional.empty()
        : Optional.of(
            "the event source mapping "
                + m.uuid()
                + " from "
                + queueArn
                + " is "
                + m.state()
                + (m.stateTransitionReason() == null ? "" : " (" + m.stateTransitionReason() + ")")
                + (m.lastProcessingResult() == null ? "" : ", " + m.lastProcessingResult()));
  }

  private static boolean settling(EventSourceMappingConfiguration m) {
    return SETTLING.contains(String.valueOf(m.state()));
  }

  private List<EventSourceMappingConfiguration> mappings(String name, String queueArn) {
    return AwsCalls.call(
        "Lambda ListEventSourceMappings " + name,
        () ->
            clients
                .lambda
                .listEventSourceMappingsPaginator(
                    b -> b.functionName(name).eventSourceArn(queueArn))
                .eventSourceMappings()
                .stream()
                .toList());
  }

  private Optional<String> rule(String rule, String functionArn) {
    Optional<DescribeRuleResponse> found =
        AwsCalls.find(
            "EventBridge DescribeRule " + rule,
            "ResourceNotFoundException",
            () -> clients.events.describeRule(b -> b.name(rule)));
    if (found.isEmpty()) {
      return Optional.of("the EventBridge rule " + rule + " does not exist");
    }
    if (!"ENABLED".equals(found.get().stateAsString())) {
      return Optional.of("the EventBridge rule " + rule + " is " + found.get().stateAsString());
    }
    boolean targeted =
        AwsCalls.call(
                "EventBridge ListTargetsByRule " + rule,
                () -> clients.events.listTargetsByRule(b -> b.rule(rule)))
            .targets()
            .stream()
            .anyMatch(t -> functionArn.equals(t.arn()));
    return targeted
        ? Optional.empty()
        : Optional.of("the EventBridge rule " + rule + " does not target " + functionArn);
  }

  private Optional<String> notification(String bucket, String id, String functionArn) {
    List<LambdaFunctionConfiguration> configs =
        AwsCalls.call(
                "S3 GetBucketNotificationConfiguration " + bucket,
                () -> clients.s3.getBucketNotificationConfiguration(b -> b.bucket(bucket)))
            .lambdaFunctionConfigurations();
    boolean present =
        configs.stream()
            .anyMatch(c -> id.equals(c.id()) && functionArn.equals(c.lambdaFunctionArn()));
    return present
        ? Optional.empty()
        : Optional.of(
            "the S3 bucket " + bucket + " has no notification " + id + " to " + functionArn);
  }
}
