package io.skyhop.tooling.policy.gcp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one table of the Google Cloud calls Skyhop's deployer, remover, verifier, rollback and {@code
 * skyhop:secret} make, each as the REST call (method and path, as in googleapis' HTTP rules and the
 * JSON APIs' discovery documents) and the IAM permission Google checks for it. {@link
 * GcpDeployerPolicy} prints the permissions; tests map every call the stubs received through {@link
 * #of} and fail on a call missing here.
 */
public final class GcpPermissions {
  /** A REST call and the permission it needs. */
  record Row(String method, Pattern path, String permission) {}

  private static final String L = "/v[12]/projects/[^/]+/locations/[^/]+";
  private static final String P = "/v1/projects/[^/]+";
  private static final String ID = "[^/:]+";

  /**
   * Permissions no single call carries: creating or updating a function, an Eventarc trigger or a
   * scheduler job that runs as the app's service account needs {@code actAs} on that account.
   */
  public static final String ACT_AS = "iam.serviceAccounts.actAs";

  /**
   * Calling an {@code Auth.FUNCTION} HTTP function (the verifier's smoke call, with an ID token).
   */
  public static final String INVOKE = "run.routes.invoke";

  static final List<Row> ROWS =
      List.of(
          // Cloud Functions v2 (google/cloud/functions/v2/functions.proto)
          row("GET", L + "/functions/" + ID, "cloudfunctions.functions.get"),
          row("GET", L + "/functions", "cloudfunctions.functions.list"),
          row("POST", L + "/functions", "cloudfunctions.functions.create"),
          row("PATCH", L + "/functions/" + ID, "cloudfunctions.functions.update"),
          row("DELETE", L + "/functions/" + ID, "cloudfunctions.functions.delete"),
          row("POST", L + "/functions:generateUploadUrl", "cloudfunctions.functions.sourceCodeSet"),
          row("GET", L + "/runtimes", "cloudfunctions.runtimes.list"),
          row("GET", "/v2" + L.substring(6) + "/operations/" + ID, "cloudfunctions.operations.get"),
          // Cloud Run v2 (google/cloud/run/v2/service.proto): invoker access, revisions, traffic
          row("GET", L + "/services/" + ID, "run.services.get"),
          row("PATCH", L + "/services/" + ID, "run.services.update"),
          row("GET", L + "/services/" + ID + ":getIamPolicy", "run.services.getIamPolicy"),
          row("POST", L + "/services/" + ID + ":setIamPolicy", "run.services.setIamPolicy"),
          // Cloud Scheduler v1 (google/cloud/scheduler/v1/cloudscheduler.proto)
          row("GET", L + "/jobs/" + ID, "cloudscheduler.jobs.get"),
          row("GET", L + "/jobs", "cloudscheduler.jobs.list"),
          row("POST", L + "/jobs", "cloudscheduler.jobs.create"),
          row("PATCH", L + "/jobs/" + ID, "cloudscheduler.jobs.update"),
          row("DELETE", L + "/jobs/" + ID, "cloudscheduler.jobs.delete"),
          // Eventarc v1 (google/cloud/eventarc/v1/eventarc.proto): the verifier reads triggers
          row("GET", L + "/triggers/" + ID, "eventarc.triggers.get"),
          // Pub/Sub v1 (google/pubsub/v1/pubsub.proto)
          row("PUT", P + "/topics/" + ID, "pubsub.topics.create"),
          row("GET", P + "/topics/" + ID, "pubsub.topics.get"),
          row("GET", P + "/topics", "pubsub.topics.list"),
          row("PATCH", P + "/topics/" + ID, "pubsub.topics.update"),
          row("DELETE", P + "/topics/" + ID, "pubsub.topics.delete"),
          row("GET", P + "/topics/" + ID + ":getIamPolicy", "pubsub.topics.getIamPolicy"),
          row("POST", P + "/topics/" + ID + ":setIamPolicy", "pubsub.topics.setIamPolicy"),
          row("GET", P + "/subscriptions/" + ID, "pubsub.subscriptions.get"),
          row("PATCH", P + "/subscriptions/" + ID, "pubsub.subscriptions.update"),
          row(
              "GET",
              P + "/subscriptions/" + ID + ":getIamPolicy",
              "pubsub.subscriptions.getIamPolicy"),
          row(
              "POST",
              P + "/subscriptions/" + ID + ":setIamPolicy",
              "pubsub.subscriptions.setIamPolicy"),
          // Cloud Storage JSON API v1 (storage/v1 discovery document)
          row("POST", "/storage/v1/b", "storage.buckets.create"),
          row("GET", "/storage/v1/b", "storage.buckets.list"),
          row("GET", "/storage/v1/b/" + ID, "storage.buckets.get"),
          row("PATCH", "/storage/v1/b/" + ID, "storage.buckets.update"),
          row("DELETE", "/storage/v1/b/" + ID, "storage.buckets.delete"),
          row("GET", "/storage/v1/b/" + ID + "/iam", "storage.buckets.getIamPolicy"),
          row("PUT", "/storage/v1/b/" + ID + "/iam", "storage.buckets.setIamPolicy"),
          row("GET", "/storage/v1/b/" + ID + "/o", "storage.objects.list"),
          row("DELETE", "/storage/v1/b/" + ID + "/o/.+", "storage.objects.delete"),
          // the project's Cloud Storage service agent (projects.serviceAccount.get)
          row(
              "GET",
              "/storage/v1/projects/" + ID + "/serviceAccount",
              "resourcemanager.projects.get"),
          // IAM v1 (google/iam/admin/v1/iam.proto): the app's own service account
          row("POST", P + "/serviceAccounts", "iam.serviceAccounts.create"),
          row("GET", P + "/serviceAccounts/" + ID, "iam.serviceAccounts.get"),
          row("PATCH", P + "/serviceAccounts/" + ID, "iam.serviceAccounts.update"),
          row("DELETE", P + "/serviceAccounts/" + ID, "iam.serviceAccounts.delete"),
          row(
              "POST",
              P + "/serviceAccounts/" + ID + ":getIamPolicy",
              "iam.serviceAccounts.getIamPolicy"),
          row(
              "POST",
              P + "/serviceAccounts/" + ID + ":setIamPolicy",
              "iam.serviceAccounts.setIamPolicy"),
          // Cloud Resource Manager v1: the project's number and its policy (service agents' grants)
          row("GET", "/v1/projects/" + ID, "resourcemanager.projects.get"),
          row(
              "POST",
              "/v1/projects/" + ID + ":getIamPolicy",
              "resourcemanager.projects.getIamPolicy"),
          row(
              "POST",
              "/v1/projects/" + ID + ":setIamPolicy",
              "resourcemanager.projects.setIamPolicy"),
          // Secret Manager v1 (google/cloud/secretmanager/v1/service.proto)
          row("GET", P + "/secrets/" + ID, "secretmanager.secrets.get"),
          row("GET", P + "/secrets", "secretmanager.secrets.list"),
          row("POST", P + "/secrets", "secretmanager.secrets.create"),
          row("GET", P + "/secrets/" + ID + "/versions/" + ID, "secretmanager.versions.get"),
          row("POST", P + "/secrets/" + ID + ":addVersion", "secretmanager.versions.add"),
          row("GET", P + "/secrets/" + ID + ":getIamPolicy", "secretmanager.secrets.getIamPolicy"),
          row("POST", P + "/secrets/" + ID + ":getIamPolicy", "secretmanager.secrets.getIamPolicy"),
          row(
              "POST",
              P + "/secrets/" + ID + ":setIamPolicy",
              "secretmanager.secrets.setIamPolicy"));

  private GcpPermissions() {}

  private static Row row(String method, String path, String permission) {
    return new Row(method, Pattern.compile(path), permission);
  }

  /**
   * The permission a call needs.
   *
   * @param method the HTTP method ({@code PATCH} also for a POST overridden to PATCH)
   * @param path the path without the query, e.g. {@code /v1/projects/demo/topics/orders-orders}
   * @return empty for a call that needs none Skyhop knows of (the token endpoint, the signed-URL
   *     upload) or one missing from the table
   */
  public static Optional<String> of(String method, String path) {
    return ROWS.stream()
        .filter(r -> r.method().equals(method) && r.path().matcher(path).matches())
        .map(Row::permission)
        .findFirst();
  }

  /** Every permission of the table, in its order, without repeats. */
  static Set<String> all() {
    Set<String> all = new LinkedHashSet<>();
    ROWS.forEach(r -> all.add(r.permission()));
    return all;
  }
}
