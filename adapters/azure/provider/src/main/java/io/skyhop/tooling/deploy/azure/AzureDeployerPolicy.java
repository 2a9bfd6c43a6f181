package io.skyhop.tooling.deploy.azure;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.policy.DeployerPolicy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Azure custom role of the identity that deploys, removes and rolls back an app and stage: the
 * ARM operations the deployer calls ({@link #ACTIONS}, the one table; each call's operation is its
 * resource type and {@code read}/{@code write}/{@code delete}, or {@code <action>/action} for a
 * POST), assignable on the app's resource group (and on the resource group of a bound Application
 * Insights component; with a Key Vault, on the subscription, where the vault is looked up by name
 * and its role assignments listed). The storage data plane (queues, containers, the release blobs)
 * is signed with the account key read through {@code listKeys}; {@link #DATA_ACTIONS} names the
 * same calls as data actions, for an identity that reaches storage through Entra ID.
 */
final class AzureDeployerPolicy implements DeployerPolicy {
  static final List<String> ACTIONS =
      List.of(
          "Microsoft.Resources/subscriptions/resourceGroups/read",
          "Microsoft.Resources/subscriptions/resourceGroups/write",
          "Microsoft.Resources/subscriptions/resourceGroups/delete",
          "Microsoft.Resources/subscriptions/resourceGroups/resources/read",
          "Microsoft.Web/locations/functionAppStacks/read",
          "Microsoft.Web/serverfarms/read",
          "Microsoft.Web/serverfarms/write",
          "Microsoft.Web/serverfarms/delete",
          "Microsoft.Web/sites/read",
          "Microsoft.Web/sites/write",
          "Microsoft.Web/sites/delete",
          "Microsoft.Web/sites/config/list/action",
          "Microsoft.Web/sites/config/write",
          "Microsoft.Web/sites/functions/read",
          "Microsoft.Web/sites/functions/listkeys/action",
          "Microsoft.Web/sites/host/listkeys/action",
          "Microsoft.Web/sites/publish/action",
          "Microsoft.Storage/locations/asyncoperations/read",
          "Microsoft.Storage/storageAccounts/read",
          "Microsoft.Storage/storageAccounts/write",
          "Microsoft.Storage/storageAccounts/delete",
          "Microsoft.Storage/storageAccounts/listKeys/action",
          "Microsoft.Storage/storageAccounts/blobServices/containers/read",
          "Microsoft.Storage/storageAccounts/blobServices/containers/write",
          "Microsoft.Storage/storageAccounts/blobServices/containers/delete",
          "Microsoft.Storage/storageAccounts/queueServices/queues/read",
          "Microsoft.Storage/storageAccounts/queueServices/queues/write",
          "Microsoft.Storage/storageAccounts/queueServices/queues/delete",
          "Microsoft.Insights/components/read",
          "Microsoft.Insights/components/write",
          "Microsoft.Insights/components/delete",
          "Microsoft.OperationalInsights/workspaces/read",
          "Microsoft.OperationalInsights/workspaces/write",
          "Microsoft.OperationalInsights/workspaces/delete",
          "Microsoft.Authorization/roleAssignments/read",
          "Microsoft.Authorization/roleAssignments/write",
          "Microsoft.Authorization/roleAssignments/delete",
          "Microsoft.EventGrid/systemTopics/read",
          "Microsoft.EventGrid/systemTopics/write",
          "Microsoft.EventGrid/systemTopics/delete",
          "Microsoft.EventGrid/systemTopics/eventSubscriptions/read",
          "Microsoft.EventGrid/systemTopics/eventSubscriptions/write",
          "Microsoft.EventGrid/systemTopics/eventSubscriptions/delete");

  /** With {@code skyhop.azure.keyVault}: the vault found by name and its secrets' existence. */
  static final List<String> VAULT_ACTIONS =
      List.of("Microsoft.KeyVault/vaults/read", "Microsoft.KeyVault/vaults/secrets/read");

  static final List<String> DATA_ACTIONS =
      List.of(
          "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read",
          "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write",
          "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete");

  @Override
  public String document(DeployRequest request) {
    AzureSettings azure = AzureSettings.of(request.settings(), request.app());
    Optional<String> vault = request.settings().get(KeyVaultReferences.VAULT);
    Set<String> scopes = new LinkedHashSet<>();
    scopes.add(azure.groupId());
    request
        .settings()
        .get(AppInsights.SETTING)
        .filter(id -> id.regionMatches(true, 0, "/subscriptions/", 0, 15))
        .map(id -> id.replaceFirst("(?i)(/subscriptions/[^/]+/resourceGroups/[^/]+).*", "$1"))
        .ifPresent(scopes::add);
    List<String> actions = new ArrayList<>(ACTIONS);
    if (vault.isPresent()) {
      actions.addAll(VAULT_ACTIONS);
      scopes.add("/subscriptions/" + azure.subscription());
    }
    String stage = request.naming().stageLabel();
    JsonObject role = new JsonObject();
    role.addProperty(
        "Name", "Skyhop deployer " + azure.functionApp() + " (" + azure.resourceGroup() + ")");
    role.addProperty("IsCustom", true);
    role.addProperty(
        "Description",
        "Deploys, removes and rolls back "
            + request.app()
            + (stage == null || stage.isEmpty() ? "" : " stage " + stage)
            + " as function app "
            + azure.functionApp()
            + " with Skyhop. Assign it on "
            + azure.groupId()
            + "; create the resource group first, or assign it on the subscription to let"
            + " Skyhop create it.");
    role.add("Actions", array(actions));
    role.add("NotActions", new JsonArray());
    role.add("DataActions", array(DATA_ACTIONS));
    role.add("NotDataActions", new JsonArray());
    role.add("AssignableScopes", array(scopes));
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(role) + "\n";
  }

  private static JsonArray array(Iterable<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }
}
