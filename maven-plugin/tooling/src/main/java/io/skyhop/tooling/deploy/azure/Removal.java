package io.skyhop.tooling.deploy.azure;

import com.google.gson.JsonObject;
import io.skyhop.tooling.BuildListener;
import java.util.Optional;

/**
 * {@code skyhop:remove} on Azure: deletes what a deploy created for the app and nothing else. The
 * resource group goes (with everything in it) only when Skyhop created it for this app; otherwise
 * the function app, plan and storage account are deleted when they carry {@code skyhop-app=<app>},
 * and left with a warning when they do not.
 */
final class Removal {
  private final Arm arm;
  private final AzureSettings azure;
  private final String app;
  private final boolean dry;
  private final BuildListener listener;

  Removal(Arm arm, AzureSettings azure, String app, boolean dry, BuildListener listener) {
    this.arm = arm;
    this.azure = azure;
    this.app = app;
    this.dry = dry;
    this.listener = listener;
  }

  void run() {
    Optional<JsonObject> group = arm.get("GET resource group", azure.groupId(), Arm.RESOURCES);
    if (group.isEmpty()) {
      listener.info(
          "Resource group " + azure.resourceGroup() + " does not exist: nothing to remove");
      return;
    }
    if (app.equals(AzureDeployer.tag(group.get(), FlexApp.TAG))) {
      delete("resource group", azure.resourceGroup(), azure.groupId(), Arm.RESOURCES);
      return;
    }
    deleteOwned("function app", azure.functionApp(), azure.siteId(), Arm.WEB);
    deleteOwned("plan", azure.plan(), azure.planId(), Arm.WEB);
    deleteOwned("storage account", azure.storageAccount(), azure.storageId(), Arm.STORAGE);
    listener.info("Left resource group " + azure.resourceGroup() + " (Skyhop did not create it)");
  }

  private void deleteOwned(String kind, String name, String id, String apiVersion) {
    Optional<JsonObject> resource = arm.get("GET " + kind + " " + name, id, apiVersion);
    if (resource.isEmpty()) {
      listener.info("No " + kind + " " + name + ": nothing to remove");
    } else if (app.equals(AzureDeployer.tag(resource.get(), FlexApp.TAG))) {
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
              + app
              + ", so Skyhop did not create it");
    }
  }

  private void delete(String kind, String name, String id, String apiVersion) {
    if (!dry) {
      arm.delete("DELETE " + kind + " " + name, id, apiVersion);
    }
    listener.info((dry ? "[dry run] delete  " : "deleted   ") + kind + " " + name);
  }
}
