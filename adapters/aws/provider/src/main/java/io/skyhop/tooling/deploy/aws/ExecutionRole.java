package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.pack.aws.AppRoleStatements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The execution role of the app's functions: the one {@code skyhop.aws.role} names (never touched),
 * or {@code <app>-skyhop-role}, created with the Lambda trust policy and the basic execution policy
 * and reused after. Queue and bucket access is {@link AppPolicy}'s inline policy naming exactly the
 * app's ARNs; the managed SQS poller policy (on every queue) that older versions attached is
 * detached.
 */
final class ExecutionRole {
  /** Lets Lambda assume the role. */
  static final String TRUST_POLICY = new com.google.gson.Gson().toJson(AppRoleStatements.trust());

  /** CloudWatch Logs. */
  static final String BASIC = AppRoleStatements.MANAGED.get(0);

  /** What older versions attached for queue triggers: SQS on every queue ({@code *}). */
  static final String SQS = "service-role/AWSLambdaSQSQueueExecutionRole";

  /** X-Ray active tracing: {@code xray:PutTraceSegments} and {@code PutTelemetryRecords} only. */
  static final String XRAY = AppRoleStatements.MANAGED.get(1);

  private final IamClient iam;
  private final AwsSettings settings;
  private final PlanLog log;

  ExecutionRole(IamClient iam, AwsSettings settings, PlanLog log) {
    this.iam = iam;
    this.settings = settings;
    this.log = log;
  }

  /**
   * The role to use.
   *
   * @param arn the role ARN, empty in a dry run when the role does not exist yet
   * @param created whether this run created it
   * @param managed whether Skyhop manages it (and so gave it the X-Ray policy active tracing needs)
   */
  record Resolved(Optional<String> arn, boolean created, boolean managed) {}

  /** Finds, creates or completes (and narrows) the role. */
  Resolved ensure() {
    if (settings.role().isPresent()) {
      log.line(
          PlanLog.Change.UNCHANGED,
          "role",
          settings.role().get(),
          AwsSettings.ROLE + ", not managed");
      return new Resolved(settings.role(), false, false);
    }
    String name = settings.createdRoleName();
    List<String> policies = new ArrayList<>();
    policies.add(Arns.managedPolicy(settings.region(), BASIC));
    policies.add(Arns.managedPolicy(settings.region(), XRAY));
    Optional<Role> existing = find(name);
    if (existing.isEmpty()) {
      log.line(PlanLog.Change.CREATE, "role", name, "Lambda trust policy, " + names(policies));
      if (log.dryRun()) {
        return new Resolved(Optional.empty(), true, true);
      }
      Role role =
          AwsCalls.call(
                  "IAM CreateRole " + name,
                  () ->
                      iam.createRole(
                          b ->
                              b.roleName(name)
                                  .path("/")
                                  .assumeRolePolicyDocument(TRUST_POLICY)
                                  .description("Execution role of the Skyhop app " + settings.app())
                                  .tags(
                                      settings.tags().entrySet().stream()
                                          .map(
                                              t ->
                                                  Tag.builder()
                                                      .key(t.getKey())
                                                      .value(t.getValue())
                                                      .build())
                                          .toList())))
              .role();
      policies.forEach(p -> attach(name, p));
      return new Resolved(Optional.of(role.arn()), true, true);
    }
    if (!ours(existing.get())) {
      log.line(
          PlanLog.Change.UNCHANGED,
          "role",
          name,
          "exists without the tag " + FunctionSpec.APP_TAG + "=" + settings.app() + ", used as is");
      return new Resolved(Optional.of(existing.get().arn()), false, false);
    }
    List<String> attached = attached(name);
    List<String> missing = new ArrayList<>(policies);
    missing.removeAll(attached);
    List<String> stale =
        attached.stream().filter(Arns.managedPolicy(settings.region(), SQS)::equals).toList();
    List<String> changes = new ArrayList<>();
    if (!missing.isEmpty()) {
      changes.add("attach " + names(missing));
    }
    if (!stale.isEmpty()) {
      changes.add("detach " + names(stale));
    }
    log.line(
        changes.isEmpty() ? PlanLog.Change.UNCHANGED : PlanLog.Change.UPDATE,
        "role",
        name,
        String.join(", ", changes));
    if (!log.dryRun()) {
      missing.forEach(p -> attach(name, p));
      stale.forEach(p -> detach(name, p));
    }
    return new Resolved(Optional.of(existing.get().arn()), false, true);
  }

  /** Deletes {@code <app>-skyhop-role} when this app created it; never the role the user named. */
  void remove() {
    if (settings.role().isPresent()) {
      log.info(
          "Leaving the execution role " + settings.role().get() + " (" + AwsSettings.ROLE + ")");
      return;
    }
    String name = settings.createdRoleName();
    Optional<Role> role = find(name);
    if (role.isEmpty()) {
      return;
    }
    if (!ours(role.get())) {
      log.warn(
          "Leaving the role "
              + name
              + ": its tag "
              + FunctionSpec.APP_TAG
              + " does not name the app "
              + settings.app());
      return;
    }
    for (String policy : attached(name)) {
      log.line(PlanLog.Change.DELETE, "attachment", name + " " + policy, "");
      if (!log.dryRun()) {
        detach(name, policy);
      }
    }
    for (String policy : inline(name)) {
      log.line(PlanLog.Change.DELETE, "policy", name + " " + policy, "");
      if (!log.dryRun()) {
        AwsCalls.call(
            "IAM DeleteRolePolicy " + name + " " + policy,
            () -> iam.deleteRolePolicy(b -> b.roleName(name).policyName(policy)));
      }
    }
    log.line(PlanLog.Change.DELETE, "role", name, "");
    if (!log.dryRun()) {
      AwsCalls.call("IAM DeleteRole " + name, () -> iam.deleteRole(b -> b.roleName(name)));
    }
  }

  /** Whether the role carries this app's tag, i.e. Skyhop created it for this app. */
  private boolean ours(Role role) {
    Map<String, String> tags = new HashMap<>();
    role.tags().forEach(t -> tags.put(t.key(), t.value()));
    return settings.owns(tags);
  }

  private Optional<Role> find(String name) {
    return AwsCalls.find(
            "IAM GetRole " + name, "NoSuchEntity", () -> iam.getRole(b -> b.roleName(name)))
        .map(r -> r.role());
  }

  private List<String> attached(String name) {
    return AwsCalls.call(
        "IAM ListAttachedRolePolicies " + name,
        () ->
            iam.listAttachedRolePoliciesPaginator(b -> b.roleName(name)).attachedPolicies().stream()
                .map(AttachedPolicy::policyArn)
                .toList());
  }

  private List<String> inline(String name) {
    return AwsCalls.call(
        "IAM ListRolePolicies " + name,
        () -> iam.listRolePoliciesPaginator(b -> b.roleName(name)).policyNames().stream().toList());
  }

  private void detach(String role, String policy) {
    AwsCalls.call(
        "IAM DetachRolePolicy " + role,
        () -> iam.detachRolePolicy(b -> b.roleName(role).policyArn(policy)));
  }

  private void attach(String role, String policy) {
    AwsCalls.call(
        "IAM AttachRolePolicy " + role + " " + policy,
        () -> iam.attachRolePolicy(b -> b.roleName(role).policyArn(policy)));
  }

  private static String names(List<String> policies) {
    return String.join(
        ", ", policies.stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).toList());
  }
}
