package io.skyhop.tooling.deploy.aws;

import com.google.gson.GsonBuilder;
import io.skyhop.tooling.pack.aws.AppRoleStatements;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The execution role's access to the app's queues and buckets: an inline policy {@value #POLICY}
 * naming exactly their ARNs (no {@code *} resource): what an SQS event source mapping needs on each
 * queue, and {@code s3:GetObject} on each bucket's objects. Read first and replaced only when it
 * differs, so a policy that grew stale is narrowed and an unchanged deploy writes nothing; deleted
 * when the app has no queue and no bucket. For a role the user names ({@code skyhop.aws.role}) the
 * statements are printed instead.
 */
final class AppPolicy {
  /** The inline policy's name. */
  static final String POLICY = AppRoleStatements.RESOURCES_POLICY;

  /** What Lambda's SQS poller needs on a queue. */
  static final List<String> QUEUE_ACTIONS = AppRoleStatements.QUEUE_ACTIONS;

  private AppPolicy() {}

  /** The policy document, or empty when there is nothing to grant. */
  static Optional<String> document(List<String> queueArns, List<String> bucketArns) {
    List<Object> statements =
        AppRoleStatements.resources(queueArns, bucketArns.stream().map(a -> a + "/*").toList());
    if (statements.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new GsonBuilder()
            .disableHtmlEscaping()
            .create()
            .toJson(AppRoleStatements.document(statements)));
  }

  /**
   * Puts, replaces or deletes the policy on the role Skyhop manages; or says what a user's needs.
   */
  static void apply(
      IamClient iam,
      AwsSettings settings,
      Optional<String> roleArn,
      List<String> queueArns,
      List<String> bucketArns,
      PlanLog log) {
    Optional<String> desired = document(queueArns, bucketArns);
    String detail = queueArns.size() + " queues, " + bucketArns.size() + " buckets";
    if (roleArn.isEmpty()) {
      // a dry run of a new app: the role does not exist yet
      if (desired.isPresent()) {
        log.line(
            PlanLog.Change.CREATE, "policy", settings.createdRoleName() + " " + POLICY, detail);
      }
      return;
    }
    if (settings.role().isPresent()) {
      desired.ifPresent(
          d ->
              log.warn(
                  "The role "
                      + roleArn.get()
                      + " ("
                      + AwsSettings.ROLE
                      + ") is not managed by Skyhop: make sure it allows "
                      + d));
      return;
    }
    String role = roleArn.get().substring(roleArn.get().lastIndexOf('/') + 1);
    new InlinePolicy(iam, role, POLICY, log).converge(desired, detail, "no queue or bucket left");
  }
}
