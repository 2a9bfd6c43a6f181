package io.skyhop.tooling.deploy.gcp;

import com.google.gson.JsonObject;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.DeployResult.Action;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.gcp.GcpNames;
import java.util.Optional;

/**
 * The service account one app and stage runs under on Google Cloud, instead of the project's
 * default compute account: id {@code <app>[-<stage>]-skyhop} from the naming module (IAM's 6 to 30
 * characters, hashed when longer), display name and description naming the app and stage. Created
 * through IAM v1 {@code projects.serviceAccounts.create} before the functions, deleted by {@code
 * skyhop:remove} of that stage after them. An account of that id whose description does not name
 * this app and stage is not Skyhop's and stops the deploy.
 */
final class GcpServiceAccount {
  private final GcpHttp http;
  private final GcpSettings gcp;
  private final Naming naming;
  private final BuildListener listener;

  GcpServiceAccount(GcpHttp http, GcpSettings gcp, Naming naming, BuildListener listener) {
    this.http = http;
    this.gcp = gcp;
    this.naming = naming;
    this.listener = listener;
  }

  /** The account id, {@code <app>[-<stage>]-skyhop}, fitted to IAM's 30 characters. */
  String id() {
    return GcpNames.of(naming).serviceAccount();
  }

  /** The account's e-mail, {@code <id>@<project>.iam.gserviceaccount.com}. */
  String email() {
    return id() + "@" + gcp.project() + ".iam.gserviceaccount.com";
  }

  /** The IAM member of the account, {@code serviceAccount:<email>}. */
  String member() {
    return "serviceAccount:" + email();
  }

  /** What its description says: names the app and stage, and marks it as Skyhop's. */
  String description() {
    return "Skyhop: runs the functions and triggers of app "
        + naming.app()
        + naming.stage().map(s -> ", stage " + s).orElse("")
        + "; deleted by skyhop:remove";
  }

  /** Creates the account unless it exists; with {@code dryRun} only reads. */
  DeployResult.Resource ensure(boolean dryRun) {
    Optional<JsonObject> existing = call("GetServiceAccount " + id(), () -> http.get(url()));
    Action action;
    if (existing.isPresent()) {
      String found =
          existing.get().has("description") ? existing.get().get("description").getAsString() : "";
      if (!found.equals(description())) {
        throw new ConfigurationException(
            "skyhop.app",
            email(),
            "is a service account that Skyhop did not create for app "
                + naming.prefix()
                + " (its description is '"
                + found
                + "'). Fix: delete it with 'gcloud iam service-accounts delete "
                + email()
                + "', or deploy under another skyhop.app or skyhop.stage");
      }
      action = Action.UNCHANGED;
    } else if (dryRun) {
      action = Action.CREATE;
    } else {
      JsonObject account = new JsonObject();
      account.addProperty("displayName", "Skyhop " + naming.prefix());
      account.addProperty("description", description());
      JsonObject body = new JsonObject();
      body.addProperty("accountId", id());
      body.add("serviceAccount", account);
      call(
          "CreateServiceAccount " + id(),
          () ->
              http.send("POST", http.iam("projects/" + gcp.project() + "/serviceAccounts"), body));
      action = Action.CREATED;
    }
    listener.info("gcp: service account " + email() + " " + action.name().toLowerCase());
    return new DeployResult.Resource("identity", "serviceAccount", email(), true, action);
  }

  /** Deletes the account (a missing one is fine). */
  void delete(boolean dryRun) {
    listener.info("gcp: " + (dryRun ? "would delete" : "deleting") + " service account " + email());
    if (!dryRun) {
      call("DeleteServiceAccount " + id(), () -> http.send("DELETE", url(), null));
    }
  }

  private String url() {
    return http.iam("projects/" + gcp.project() + "/serviceAccounts/" + email());
  }

  private static <T> T call(String call, java.util.function.Supplier<T> action) {
    return JsonCalls.run(
        call,
        "enable the IAM API in the project and grant the deploying identity"
            + " roles/iam.serviceAccountAdmin and roles/iam.serviceAccountUser (to deploy functions"
            + " that run as the account)",
        action);
  }
}
