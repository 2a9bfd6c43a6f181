package io.skyhop.tooling.deploy.azure;

import com.google.gson.JsonObject;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.azure.AzureNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code skyhop:remove} on Azure: deletes what a deploy created for the app and nothing else. The
 * resource group goes (with everything in it) only when Skyhop created it for this app and every
 * resource in it carries {@code skyhop-app=<app>}; otherwise the function app, plan and storage
 * account are deleted when they carry that tag, and left with a warning when they do not, as is the
 * group.
 */
final class Removal {
  private final Arm arm;
  private final AzureSettings azure;
  private final Naming naming;
  private final String app;
  private final boolean dry;
  private final BuildListener listener;

  Removal(Arm arm, AzureSettings azure, Naming naming, boolean dry, BuildListener listener) {
    this.arm = arm;
    this.azure = azure;
    this.naming = naming;
    this.app = naming.prefix();
    this.dry = dry;
    this.listener = listener;
  }

  /**
   * Removes what the deploy created; the Application Insights component only when owned; the
   * storage account (and so the group) not while it holds {@code keptContainers}.
   */
  void run(AppInsights insights, List<String> keptContainers) {
    Optional<JsonObject> group = arm.get("GET resource group", azure.groupId(), Arm.RESOURCES);
    if (group.isEmpty()) {
      listener.info(
          "Resource group " + azure.resourceGroup() + " does not exist: nothing to remove");
      return;
    }
    boolean ours = FlexApp.owned(naming, group.get());
    List<String> others = ours ? othersInGroup() : List.of();
    if (ours && others.isEmpty() && keptContainers.isEmpty()) {
      delete("resource group", azure.resourceGroup(), azure.groupId(), Arm.RESOURCES);
      return;
    }
    deleteOwned("function app", azure.functionApp(), azure.siteId(), Arm.WEB);
    deleteOwned("plan", azure.plan(), azure.planId(), Arm.WEB);
    if (keptContainers.isEmpty()) {
      deleteOwned("storage account", azure.storageAccount(), azure.storageId(), Arm.STORAGE);
    } else {
      listener.warn(
          "Left storage account "
              + azure.storageAccount()
              + ": its containers "
              + String.join(", ", keptContainers)
              + " hold blobs");
    }
    if (insights.bound()) {
      listener.info(
          "Left Application Insights: bound with " + AppInsights.SETTING + ", not Skyhop's");
    } else {
      deleteOwned(
          "Application Insights", azure.functionApp(), insights.ownedId(), AppInsights.INSIGHTS);
    }
    String workspace = insights.workspaceId();
    deleteOwned(
        "Log Analytics workspace",
        workspace.substring(workspace.lastIndexOf('/') + 1),
        workspace,
        AppInsights.WORKSPACES);
    if (ours && !keptContainers.isEmpty()) {
      listener.warn(
          "Left resource group "
              + azure.resourceGroup()
              + ": it holds storage account "
              + azure.storageAccount()
              + ", kept for its blobs");
    } else if (ours) {
      listener.warn(
          "Left resource group "
              + azure.resourceGroup()
              + ": it also holds "
              + String.join(", ", others)
              + ", which Skyhop did not create for "
              + app);
    } else {
      listener.info("Left resource group " + azure.resourceGroup() + " (Skyhop did not create it)");
    }
  }

  /**
   * The resources in the group without the tag {@code skyhop-app=<app>}, as {@code name (type)}.
   */
  private List<String> othersInGroup() {
    List<String> others = new ArrayList<>();
    for (JsonObject r : arm.list("GET resources", azure.groupId() + "/resources", Arm.RESOURCES)) {
      if (!FlexApp.owned(naming, r)) {
        others.add(text(r, "name") + " (" + text(r, "type") + ")");
      }
    }
    return others;
  }

  private void deleteOwned(String kind, String name, String id, String apiVersion) {
    Optional<JsonObject> resource = arm.get("GET " + kind + " " + name, id, apiVersion);
    if (resource.isEmpty()) {
      listener.info("No " + kind + " " + name + ": nothing to remove");
    } else if (FlexApp.owned(naming, resource.get())) {
      delete(kind, name, id, apiVersion);
    } else {
      listener.warn(
          "Left "
              + kind
              + " "
              + name
              + ": it has no tag "
              + FlexApp.TAG
              + "="
              + naming.app()
              + naming.stage().map(st -> " and " + AzureNames.TAG_PREFIX + "stage=" + st).orElse("")
              + ", so Skyhop did not create it for "
              + app);
    }
  }

  private void delete(String kind, String name, String id, String apiVersion) {
    if (!dry) {
      arm.delete("DELETE " + kind + " " + name, id, apiVersion);
    }
    listener.info((dry ? "[dry run] delete  " : "deleted   ") + kind + " " + name);
  }

  private static String text(JsonObject json, String field) {
    return json.has(field) && json.get(field).isJsonPrimitive()
        ? json.get(field).getAsString()
        : "";
  }
}
