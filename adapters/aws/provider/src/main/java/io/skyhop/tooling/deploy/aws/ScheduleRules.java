package io.skyhop.tooling.deploy.aws;

import io.skyhop.api.cron.CronExpression;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.aws.EventBridgeCron;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;

/**
 * Schedules: an EventBridge rule named like the function with a {@code cron(...)} expression (UTC),
 * the function as its target, and the permission for EventBridge to invoke it.
 */
final class ScheduleRules {
  /** The id of the rule's target. */
  static final String TARGET_ID = "skyhop";

  /** Statement id of the EventBridge permission. */
  static final String SID = "skyhop-eventbridge";

  private final EventBridgeClient events;
  private final Permissions permissions;
  private final PlanLog log;
  private final AwsSettings settings;

  ScheduleRules(
      EventBridgeClient events, Permissions permissions, PlanLog log, AwsSettings settings) {
    this.events = events;
    this.permissions = permissions;
    this.log = log;
    this.settings = settings;
  }

  /** The EventBridge expression of a manifest schedule. */
  static String expression(Manifest.Trigger trigger) {
    return EventBridgeCron.of(CronExpression.parse(trigger.cron()));
  }

  /** Ensures the rule, its target and the permission. */
  Wired ensure(LiveFunction fn, Manifest.Trigger trigger) {
    String rule = fn.name();
    String expression = expression(trigger);
    Optional<DescribeRuleResponse> current = fn.planned() ? Optional.empty() : describe(rule);
    boolean unchanged =
        current.isPresent()
            && expression.equals(current.get().scheduleExpression())
            && current.get().state() == RuleState.ENABLED;
    String ruleArn;
    if (unchanged) {
      log.line(PlanLog.Change.UNCHANGED, "rule", rule, expression);
      ruleArn = current.get().arn();
    } else {
      log.line(
          current.isPresent() ? PlanLog.Change.UPDATE : PlanLog.Change.CREATE,
          "rule",
          rule,
          expression);
      ruleArn = log.dryRun() ? "<arn of rule " + rule + ">" : putRule(fn, expression);
    }
    boolean changed = !unchanged;
    changed |= ensureTarget(fn, current.isPresent());
    Set<String> sids = fn.planned() ? Set.of() : permissions.statementIds(fn.qualifiedName());
    changed |=
        permissions.ensure(
            fn.qualifiedName(),
            sids,
            AddPermissionRequest.builder()
                .functionName(fn.qualifiedName())
                .statementId(SID)
                .action("lambda:InvokeFunction")
                .principal("events.amazonaws.com")
                .sourceArn(ruleArn)
                .build());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("rule", rule);
    details.put("ruleArn", ruleArn);
    details.put("scheduleExpression", expression);
    return new Wired(expression + " (EventBridge rule " + rule + ", UTC)", changed, details);
  }

  private String putRule(LiveFunction fn, String expression) {
    String rule = fn.name();
    return AwsCalls.call(
            "EventBridge PutRule " + rule,
            () ->
                events.putRule(
                    b ->
                        b.name(rule)
                            .scheduleExpression(expression)
                            .state(RuleState.ENABLED)
                            .description(
                                "Skyhop schedule of "
                                    + fn.spec().function()
                                    + " ("
                                    + settings.naming().prefix()
                                    + ")")
                            .tags(
                                settings.tags().entrySet().stream()
                                    .map(
                                        t ->
                                            Tag.builder()
                                                .key(t.getKey())
                                                .value(t.getValue())
                                                .build())
                                    .toList())))
        .ruleArn();
  }

  /** Makes the function the rule's target; returns whether it was (or would be) added. */
  private boolean ensureTarget(LiveFunction fn, boolean ruleExists) {
    String rule = fn.name();
    boolean targeted =
        ruleExists
            && targets(rule).stream()
                .anyMatch(
                    t ->
                        TARGET_ID.equals(t.id()) && t.arn().equals(fn.qualifiedArnOrPlaceholder()));
    log.line(
        targeted ? PlanLog.Change.UNCHANGED : PlanLog.Change.CREATE,
        "target",
        rule + " -> " + fn.qualifiedName(),
        "");
    if (targeted || log.dryRun()) {
      return !targeted;
    }
    var result =
        AwsCalls.call(
            "EventBridge PutTargets " + rule,
            () ->
                events.putTargets(
                    b ->
                        b.rule(rule)
                            .targets(
                                Target.builder()
                                    .id(TARGET_ID)
                                    .arn(fn.qualifiedArnOrPlaceholder())
                                    .build())));
    if (result.failedEntryCount() != null && result.failedEntryCount() > 0) {
      var entry = result.failedEntries().get(0);
      throw new AwsDeployException(
          "EventBridge PutTargets " + rule,
          entry.errorCode(),
          "AWS call EventBridge PutTargets "
              + rule
              + " failed: "
              + entry.errorCode()
              + ": "
              + entry.errorMessage()
              + ". Fix: correct what AWS names, then re-run",
          null);
    }
    return true;
  }

  private Optional<DescribeRuleResponse> describe(String rule) {
    return AwsCalls.find(
        "EventBridge DescribeRule " + rule,
        "ResourceNotFoundException",
        () -> events.describeRule(b -> b.name(rule)));
  }

  private List<Target> targets(String rule) {
    List<Target> targets = new ArrayList<>();
    String next = null;
    do {
      String token = next;
      var page =
          AwsCalls.call(
              "EventBridge ListTargetsByRule " + rule,
              () -> events.listTargetsByRule(b -> b.rule(rule).nextToken(token)));
      targets.addAll(page.targets());
      next = page.nextToken();
    } while (next != null);
    return targets;
  }

  private List<String> rulesTargeting(String function, String functionArn) {
    List<String> rules = new ArrayList<>();
    String next = null;
    do {
      String token = next;
      var page =
          AwsCalls.call(
              "EventBridge ListRuleNamesByTarget " + function,
              () -> events.listRuleNamesByTarget(b -> b.targetArn(functionArn).nextToken(token)));
      rules.addAll(page.ruleNames());
      next = page.nextToken();
    } while (next != null);
    return rules;
  }

  /**
   * Removes the function's target from the app's rule named like it and deletes that rule when
   * nothing else targets it; rules of other names are left alone.
   */
  void remove(String function, String functionArn) {
    String aliasArn = functionArn + ":" + LambdaAlias.ALIAS;
    if (!rulesTargeting(function, functionArn).contains(function)
        && !rulesTargeting(function, aliasArn).contains(function)) {
      return;
    }
    List<Target> targets = targets(function);
    List<String> ours =
        targets.stream()
            .filter(t -> functionArn.equals(t.arn()) || aliasArn.equals(t.arn()))
            .map(Target::id)
            .toList();
    if (!ours.isEmpty()) {
      log.line(PlanLog.Change.DELETE, "target", function + " -> " + function, "");
      if (!log.dryRun()) {
        AwsCalls.call(
            "EventBridge RemoveTargets " + function,
            () -> events.removeTargets(b -> b.rule(function).ids(ours)));
      }
    }
    if (ours.size() == targets.size()) {
      log.line(PlanLog.Change.DELETE, "rule", function, "");
      if (!log.dryRun()) {
        AwsCalls.call(
            "EventBridge DeleteRule " + function, () -> events.deleteRule(b -> b.name(function)));
      }
    } else {
      log.warn("Leaving the rule " + function + ": it has targets other than " + function);
    }
  }
}
