package io.skyhop.tooling.deploy.gcp;

import com.google.cloud.functions.v2.Function;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.gcp.GcpNames;
import io.skyhop.tooling.pack.Manifest;
import java.util.List;
import java.util.Optional;

/**
 * One app's and stage's identity on Google Cloud and what it may do: its service account ({@link
 * GcpServiceAccount}) runs every function and is every Eventarc trigger's identity; it is granted
 * its roles on the app's own resources ({@link GcpAppGrants}) before the functions, {@code
 * roles/run.invoker} on each of its event functions after them, and each queue function's
 * subscription gets its dead-letter policy ({@link GcpDeadLetters}). Remove takes the project-level
 * role back and deletes the account, after the functions.
 */
final class GcpAppIdentity {
  private final GcpServiceAccount account;
  private final GcpAppGrants grants;
  private final GcpDeadLetters deadLetters;
  private final GcpSettings gcp;
  private final Naming naming;

  GcpAppIdentity(GcpHttp http, GcpSettings gcp, Naming naming, BuildListener listener) {
    GcpPolicies policies = new GcpPolicies(http, listener);
    this.account = new GcpServiceAccount(http, gcp, naming, listener);
    this.grants = new GcpAppGrants(http, policies, gcp, listener);
    this.deadLetters = new GcpDeadLetters(http, policies, gcp, listener);
    this.gcp = gcp;
    this.naming = naming;
  }

  /** The account's e-mail, which the functions and triggers run as. */
  String email() {
    return account.email();
  }

  /**
   * Ensures the account and its grants on the app's resources and project, before the functions.
   *
   * @param resources the app's topics and buckets as deploy ensured them; the account's record is
   *     added
   * @return the grants, for the deploy record
   */
  List<String> ensure(Manifest manifest, List<DeployResult.Resource> resources, boolean dryRun) {
    List<DeployResult.Resource> appResources = List.copyOf(resources);
    resources.add(account.ensure(dryRun));
    boolean storage =
        manifest.functions().stream().anyMatch(f -> "storage".equals(f.triggerType()));
    return grants.ensure(appResources, account.member(), storage, dryRun);
  }

  /**
   * After a function is created or updated (or planned): its trigger's identity may invoke it, and
   * a queue function's subscription sends what keeps failing to the queue's dead-letter topic.
   */
  void afterFunction(
      FunctionSpec spec,
      Manifest.Function fn,
      Optional<Function> deployed,
      InvokerAccess access,
      boolean dryRun) {
    if (!spec.function().hasEventTrigger()) {
      return;
    }
    String service = deployed.map(f -> f.getServiceConfig().getService()).orElse("");
    if (!dryRun && !service.isEmpty()) {
      access.ensure(service, account.member(), true);
    }
    if ("queue".equals(fn.triggerType())) {
      deadLetters.ensure(
          spec.id(),
          deployed,
          "projects/"
              + gcp.project()
              + "/topics/"
              + GcpNames.of(naming).deadLetterTopic(fn.trigger().queue()),
          dryRun);
    }
  }

  /** Takes back the account's project-level role, then deletes the account. */
  void remove(boolean dryRun) {
    grants.revokeProject(account.member(), dryRun);
    account.delete(dryRun);
  }
}
