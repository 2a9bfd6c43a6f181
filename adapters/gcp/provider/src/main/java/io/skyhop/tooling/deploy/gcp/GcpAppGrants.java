package io.skyhop.tooling.deploy.gcp;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What the app's service account (and the service agents its triggers go through) is granted on
 * Google Cloud, each on the narrowest resource Google allows:
 *
 * <ul>
 *   <li>{@value #PUBLISHER} on each Pub/Sub topic the app owns (its functions send to their own
 *       queues), {@value #OBJECT_USER} on each bucket it owns (a storage function reads the object
 *       that triggered it and writes its results);
 *   <li>with a storage trigger, {@value #EVENT_RECEIVER} on the project (Eventarc accepts direct
 *       Cloud Storage events only from a trigger identity holding it; Google offers it on projects
 *       only) and {@value #PUBLISHER} on the project to the project's Cloud Storage service agent
 *       (it publishes the bucket's notifications; shared by every app of the project, so remove
 *       leaves it);
 *   <li>{@code roles/run.invoker} on each of its own event functions ({@link InvokerAccess}, after
 *       the function exists) and {@code secretAccessor} on its declared secrets ({@link
 *       GcpSecretGrants}).
 * </ul>
 *
 * Bound resources ({@code skyhop.resources.<logical>}) are never changed: their grants are the
 * owner's to make, and deploy names them.
 */
final class GcpAppGrants {
  static final String PUBLISHER = "roles/pubsub.publisher";
  static final String SUBSCRIBER = "roles/pubsub.subscriber";
  static final String OBJECT_USER = "roles/storage.objectUser";
  static final String EVENT_RECEIVER = "roles/eventarc.eventReceiver";

  private static final String FIX_403 =
      "grant the deploying identity roles/resourcemanager.projectIamAdmin (for "
          + EVENT_RECEIVER
          + " and the Cloud Storage service agent's "
          + PUBLISHER
          + "), roles/pubsub.admin and roles/storage.admin";

  private final GcpHttp http;
  private final GcpPolicies policies;
  private final GcpSettings gcp;
  private final BuildListener listener;

  GcpAppGrants(GcpHttp http, GcpPolicies policies, GcpSettings gcp, BuildListener listener) {
    this.http = http;
    this.policies = policies;
    this.gcp = gcp;
    this.listener = listener;
  }

  /**
   * Grants the account its roles on the app's resources and, with a storage trigger, on the
   * project; before the functions, since Eventarc checks them when it creates a trigger.
   *
   * @param resources the app's topics and buckets as deploy ensured them
   * @param member {@code serviceAccount:<email>} of the app's account
   * @return each grant, as {@code <role> on <resource> -> <member>}
   */
  List<String> ensure(
      List<DeployResult.Resource> resources,
      String member,
      boolean storageTrigger,
      boolean dryRun) {
    List<String> grants = new ArrayList<>();
    for (DeployResult.Resource r : resources) {
      if (!r.owned()) {
        listener.info(
            "gcp: "
                + r.kind()
                + " "
                + r.physicalId()
                + " is bound, not managed: its owner grants "
                + member
                + " what the app needs on it");
        continue;
      }
      switch (r.kind()) {
        case "topic" -> grant(policies.pubsub(r.physicalId()), PUBLISHER, member, dryRun, grants);
        case "bucket" ->
            grant(policies.bucket(r.physicalId()), OBJECT_USER, member, dryRun, grants);
        default -> {}
      }
    }
    GcpPolicies.Resource project = policies.project(gcp.project());
    if (storageTrigger) {
      grant(project, EVENT_RECEIVER, member, dryRun, grants);
      String agent =
          JsonCalls.run(
                  "GetProjectServiceAccount storage " + gcp.project(),
                  FIX_403,
                  () -> http.get(http.storage("projects/" + gcp.project() + "/serviceAccount")))
              .map(o -> o.get("email_address").getAsString())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Cloud Storage answered no service agent for project "
                              + gcp.project()
                              + ". Fix: enable the Cloud Storage API in the project"));
      grant(project, PUBLISHER, "serviceAccount:" + agent, dryRun, grants);
    } else {
      revoke(project, EVENT_RECEIVER, member, dryRun);
    }
    return grants;
  }

  /** Removes the account's project-level role (before the account is deleted). */
  void revoke(GcpPolicies.Resource resource, String role, String member, boolean dryRun) {
    JsonCalls.run(
        "SetIamPolicy " + resource.name(),
        FIX_403,
        () -> policies.revoke(resource, role, member, dryRun));
  }

  /** Removes the account's project-level role of a storage trigger. */
  void revokeProject(String member, boolean dryRun) {
    revoke(policies.project(gcp.project()), EVENT_RECEIVER, member, dryRun);
  }

  private void grant(
      GcpPolicies.Resource resource,
      String role,
      String member,
      boolean dryRun,
      List<String> grants) {
    JsonCalls.run(
        "SetIamPolicy " + resource.name(),
        FIX_403,
        () -> policies.grant(resource, role, member, dryRun));
    grants.add(role + " on " + resource.name() + " -> " + member);
  }

  /** The project's number (Cloud Resource Manager v1 {@code projects.get}). */
  static String projectNumber(GcpHttp http, GcpSettings gcp) {
    return JsonCalls.run(
            "GetProject " + gcp.project(),
            "grant the deploying identity roles/browser on the project",
            () -> http.get(http.resourceManager("projects/" + gcp.project())))
        .map(p -> p.get("projectNumber").getAsString())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Cloud Resource Manager knows no project "
                        + gcp.project()
                        + ". Fix: check skyhop.gcp.project"));
  }
}
