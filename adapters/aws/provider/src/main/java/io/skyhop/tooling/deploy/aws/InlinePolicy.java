package io.skyhop.tooling.deploy.aws;

import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * One inline policy of the role Skyhop manages, converged to a wanted document: read first ({@code
 * GetRolePolicy}), put only when it is missing or differs (compared as JSON, so IAM's formatting
 * does not count), deleted when nothing is wanted any more. An unchanged deploy therefore writes
 * nothing, and a grant that grew stale is narrowed.
 */
final class InlinePolicy {
  private final IamClient iam;
  private final String role;
  private final String policy;
  private final PlanLog log;

  InlinePolicy(IamClient iam, String role, String policy, PlanLog log) {
    this.iam = iam;
    this.role = role;
    this.policy = policy;
    this.log = log;
  }

  /**
   * Brings the policy to {@code wanted}.
   *
   * @param wanted the document, or empty to delete the policy
   * @param detail shown on the plan line, e.g. {@code 2 queues, 1 buckets}
   * @param gone shown when the policy is deleted, e.g. {@code no queue or bucket left}
   */
  void converge(Optional<String> wanted, String detail, String gone) {
    Optional<String> current =
        AwsCalls.find(
                "IAM GetRolePolicy " + label(),
                "NoSuchEntity",
                () -> iam.getRolePolicy(b -> b.roleName(role).policyName(policy)))
            .map(r -> URLDecoder.decode(r.policyDocument(), StandardCharsets.UTF_8));
    if (wanted.isEmpty()) {
      if (current.isPresent()) {
        log.line(PlanLog.Change.DELETE, "policy", label(), gone);
        if (!log.dryRun()) {
          AwsCalls.call(
              "IAM DeleteRolePolicy " + label(),
              () -> iam.deleteRolePolicy(b -> b.roleName(role).policyName(policy)));
        }
      }
      return;
    }
    if (current.isPresent()
        && JsonParser.parseString(current.get()).equals(JsonParser.parseString(wanted.get()))) {
      log.line(PlanLog.Change.UNCHANGED, "policy", label(), detail);
      return;
    }
    log.line(
        current.isPresent() ? PlanLog.Change.UPDATE : PlanLog.Change.CREATE,
        "policy",
        label(),
        detail);
    if (!log.dryRun()) {
      AwsCalls.call(
          "IAM PutRolePolicy " + label(),
          () ->
              iam.putRolePolicy(
                  b -> b.roleName(role).policyName(policy).policyDocument(wanted.get())));
    }
  }

  private String label() {
    return role + " " + policy;
  }
}
