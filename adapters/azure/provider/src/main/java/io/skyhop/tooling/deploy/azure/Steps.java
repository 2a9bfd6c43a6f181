package io.skyhop.tooling.deploy.azure;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.naming.Naming;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The resources of one deploy, each read first and created or updated only when needed (or, in a
 * dry run, only reported). Secrets (storage keys, the connection string) are never printed.
 */
final class Steps {
  /** The function app after its step. */
  record Site(JsonObject json, boolean created, boolean updated) {
    Optional<String> defaultHostName() {
      JsonObject props = json.getAsJsonObject("properties");
      return props != null && props.has("defaultHostName")
          ? Optional.of(props.get("defaultHostName").getAsString())
          : Optional.empty();
    }
  }

  private final Arm arm;
  private final AzureSettings azure;
  private final Naming naming;
  private final boolean dry;
  private final BuildListener listener;
  private boolean groupExists = true;
  private boolean storageCreated;

  Steps(Arm arm, AzureSettings azure, Naming naming, boolean dry, BuildListener listener) {
    this.arm = arm;
    this.azure = azure;
    this.naming = naming;
    this.dry = dry;
    this.listener = listener;
  }

  /** Creates the resource group when missing; true when Skyhop created it (now or before). */
  boolean resourceGroup() {
    Optional<JsonObject> group = arm.get("GET resource group", azure.groupId(), Arm.RESOURCES);
    if (group.isPresent()) {
      line("unchanged", "group", azure.resourceGroup());
      return FlexApp.owned(naming, group.get());
    }
    groupExists = false;
    if (!dry) {
      arm.put(
          "PUT resource group " + azure.resourceGroup(),
          azure.groupId(),
          Arm.RESOURCES,
          FlexApp.resourceGroup(azure, naming));
    }
    line(dry ? "create" : "created", "group", azure.resourceGroup() + " (" + azure.region() + ")");
    return true;
  }

  /**
   * Creates the storage account when missing; its key (empty in a dry run), which only the deploy
   * uses for the queues and containers and never writes anywhere.
   */
  Optional<String> storageAccount() {
    String name = azure.storageAccount();
    Optional<JsonObject> account =
        groupExists
            ? arm.get("GET storage account " + name, azure.storageId(), Arm.STORAGE)
            : Optional.empty();
    if (account.isEmpty()) {
      if (!dry) {
        arm.put(
            "PUT storage account " + name,
            azure.storageId(),
            Arm.STORAGE,
            FlexApp.storageAccount(azure, naming));
        storageCreated = true;
      }
      line(dry ? "create" : "created", "storage", name + " (StorageV2, Standard_LRS)");
    } else {
      line("unchanged", "storage", name);
    }
    return dry ? Optional.empty() : storageKey();
  }

  /** The storage account's first key, read through ARM listKeys (never printed). */
  Optional<String> storageKey() {
    String name = azure.storageAccount();
    JsonObject keys =
        arm.post(
            "POST storage account " + name + " listKeys",
            azure.storageId() + "/listKeys",
            Arm.STORAGE,
            null);
    JsonArray list = keys.has("keys") ? keys.getAsJsonArray("keys") : new JsonArray();
    if (list.isEmpty()) {
      throw new AzureDeployException(
          "POST storage account " + name + " listKeys",
          200,
          "",
          "Storage account " + name + " returned no keys. Fix: enable shared-key access on it",
          null);
    }
    return Optional.of(list.get(0).getAsJsonObject().get("value").getAsString());
  }

  /** Creates the Flex Consumption plan when missing. */
  void plan() {
    Optional<JsonObject> plan =
        groupExists
            ? arm.get("GET plan " + azure.plan(), azure.planId(), Arm.WEB)
            : Optional.empty();
    if (plan.isPresent()) {
      line("unchanged", "plan", azure.plan());
      return;
    }
    if (!dry) {
      arm.put("PUT plan " + azure.plan(), azure.planId(), Arm.WEB, FlexApp.plan(azure, naming));
    }
    line(dry ? "create" : "created", "plan", azure.plan() + " (FC1 FlexConsumption)");
  }

  /** Creates the function app, or updates its configuration when it differs. */
  Site site(FlexApp flex) {
    String call = "GET site " + azure.functionApp();
    Optional<JsonObject> live =
        groupExists ? arm.get(call, azure.siteId(), Arm.WEB) : Optional.empty();
    String detail =
        "java "
            + flex.javaVersion()
            + ", "
            + flex.instanceMemoryMb()
            + " MB, up to "
            + flex.maximumInstanceCount()
            + " instances";
    if (live.isPresent() && flex.matches(live.get(), azure)) {
      line("unchanged", "app", azure.functionApp() + " (" + detail + ")");
      return new Site(live.get(), false, false);
    }
    boolean create = live.isEmpty();
    if (dry) {
      line(create ? "create" : "update", "app", azure.functionApp() + " (" + detail + ")");
      return new Site(live.orElseGet(JsonObject::new), create, !create);
    }
    if (create || storageCreated) {
      arm.put(
          "PUT blob container " + FlexApp.CONTAINER,
          azure.storageId() + "/blobServices/default/containers/" + FlexApp.CONTAINER,
          Arm.STORAGE,
          new JsonObject());
    }
    JsonObject body = flex.site(azure, naming);
    if (!create) {
      body.add("tags", live.get().has("tags") ? live.get().get("tags") : new JsonObject());
    }
    JsonObject site = arm.put("PUT site " + azure.functionApp(), azure.siteId(), Arm.WEB, body);
    line(create ? "created" : "updated", "app", azure.functionApp() + " (" + detail + ")");
    return new Site(site, create, !create);
  }

  /** The live app settings. */
  Map<String, String> liveSettings() {
    JsonObject answer =
        arm.post(
            "POST app settings list", azure.siteId() + "/config/appsettings/list", Arm.WEB, null);
    Map<String, String> settings = new TreeMap<>();
    if (answer.has("properties")) {
      for (Map.Entry<String, JsonElement> e : answer.getAsJsonObject("properties").entrySet()) {
        settings.put(e.getKey(), e.getValue().isJsonNull() ? "" : e.getValue().getAsString());
      }
    }
    return settings;
  }

  /** Writes the complete app settings (they replace the whole set); prints their names only. */
  void writeSettings(Map<String, String> settings, boolean update) {
    JsonObject props = new JsonObject();
    settings.forEach(props::addProperty);
    JsonObject body = new JsonObject();
    body.add("properties", props);
    arm.put("PUT app settings", azure.siteId() + "/config/appsettings", Arm.WEB, body);
    line(update ? "updated" : "created", "settings", String.join(", ", settings.keySet()));
  }

  void line(String change, String kind, String name) {
    listener.info(String.format("%s%-9s %-9s %s", dry ? "[dry run] " : "", change, kind, name));
  }
}
