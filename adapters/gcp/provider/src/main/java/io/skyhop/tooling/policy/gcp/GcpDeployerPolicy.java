package io.skyhop.tooling.policy.gcp;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.gcp.GcpSettings;
import io.skyhop.tooling.invoke.HttpCalls;
import io.skyhop.tooling.naming.gcp.GcpNames;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.policy.DeployerPolicy;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the identity that deploys an app and stage to Google Cloud needs, as JSON: {@code
 * customRole}, a custom role definition ({@code gcloud iam roles create … --file}, the object
 * alone) holding every permission of {@link GcpPermissions}' calls, granted on the project; {@code
 * serviceAccountRole}, {@code iam.serviceAccounts.actAs} on the app's own service account only
 * (functions, triggers and jobs run as it); the {@code gcloud} commands that grant both; and the
 * nearest predefined roles, broader, for who prefers them. Google custom roles cannot name
 * resources, so the project-level part is per project, not per app.
 */
public final class GcpDeployerPolicy implements DeployerPolicy {
  /** Predefined roles covering the custom role's permissions, by service (broader). */
  static final List<String> PREDEFINED =
      List.of(
          "roles/cloudfunctions.developer",
          "roles/run.admin",
          "roles/cloudscheduler.admin",
          "roles/pubsub.admin",
          "roles/storage.admin",
          "roles/iam.serviceAccountAdmin",
          "roles/iam.serviceAccountUser",
          "roles/resourcemanager.projectIamAdmin",
          "roles/secretmanager.admin",
          "roles/eventarc.viewer");

  @Override
  public String document(DeployRequest request) throws IOException {
    GcpSettings gcp = GcpSettings.of(request.settings());
    String prefix = request.naming().prefix();
    String account =
        GcpNames.of(request.naming()).serviceAccount()
            + "@"
            + gcp.project()
            + ".iam.gserviceaccount.com";
    Set<String> permissions = new LinkedHashSet<>(GcpPermissions.all());
    // polling Cloud Run's update operation (rollback), on run.googleapis.com
    permissions.add("run.operations.get");
    if (privateHttp(request)) {
      permissions.add(GcpPermissions.INVOKE);
    }
    String roleId = "skyhopDeployer_" + prefix.replace('-', '_');
    JsonObject role = new JsonObject();
    role.addProperty("title", "Skyhop deployer " + prefix);
    role.addProperty(
        "description",
        "skyhop:deploy, remove, rollback and secret of app "
            + prefix
            + " in project "
            + gcp.project()
            + ", region "
            + gcp.region());
    role.addProperty("stage", "GA");
    role.add("includedPermissions", array(permissions));
    JsonObject actAs = new JsonObject();
    actAs.addProperty("resource", "projects/" + gcp.project() + "/serviceAccounts/" + account);
    actAs.addProperty("role", "roles/iam.serviceAccountUser");
    actAs.add("includedPermissions", array(List.of(GcpPermissions.ACT_AS)));
    JsonObject doc = new JsonObject();
    doc.addProperty("project", gcp.project());
    doc.addProperty("roleId", roleId);
    doc.add("customRole", role);
    doc.add("serviceAccountRole", actAs);
    doc.add(
        "grant",
        array(
            List.of(
                "gcloud iam roles create "
                    + roleId
                    + " --project="
                    + gcp.project()
                    + " --file=<the customRole object as a file>",
                "gcloud projects add-iam-policy-binding "
                    + gcp.project()
                    + " --member=<deployer> --role=projects/"
                    + gcp.project()
                    + "/roles/"
                    + roleId,
                "gcloud iam service-accounts add-iam-policy-binding "
                    + account
                    + " --project="
                    + gcp.project()
                    + " --member=<deployer> --role=roles/iam.serviceAccountUser"
                    + " (after the first deploy created the account; until then grant it on the"
                    + " project)")));
    doc.add("predefinedRoles", array(PREDEFINED));
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(doc) + "\n";
  }

  /** Whether an HTTP function is {@code Auth.FUNCTION}: the smoke call then needs an ID token. */
  private static boolean privateHttp(DeployRequest request) throws IOException {
    if (!java.nio.file.Files.isRegularFile(request.skyhopDir().resolve("manifest.json"))) {
      return true;
    }
    Manifest manifest = ManifestFile.read(request.skyhopDir());
    return manifest.functions().stream()
        .anyMatch(f -> "http".equals(f.triggerType()) && HttpCalls.needsAuth(f));
  }

  private static JsonArray array(Collection<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }
}
