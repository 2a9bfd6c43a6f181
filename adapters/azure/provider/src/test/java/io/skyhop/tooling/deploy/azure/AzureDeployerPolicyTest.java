package io.skyhop.tooling.deploy.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The custom role skyhop:policy prints for Azure (AzureDeployIT checks it against the calls). */
class AzureDeployerPolicyTest {
  static final String GROUP = "/subscriptions/s-1/resourceGroups/orders-rg";

  static JsonObject role(Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>();
    settings.put("skyhop.azure.subscription", "s-1");
    settings.put("skyhop.azure.resourceGroup", "orders-rg");
    settings.put("skyhop.region", "westeurope");
    settings.put("skyhop.stage", "prod");
    settings.putAll(extra);
    DeployRequest request =
        new DeployRequest(
            Target.named("azure"), "orders", Path.of("target"), new Settings(settings), false);
    return JsonParser.parseString(new AzureDeployerPolicy().document(request)).getAsJsonObject();
  }

  @Test
  void aRoleAssignableOnTheAppsResourceGroup() {
    JsonObject role = role(Map.of());

    assertThat(role.get("Name").getAsString()).isEqualTo("Skyhop deployer orders-prod (orders-rg)");
    assertThat(role.get("IsCustom").getAsBoolean()).isTrue();
    assertThat(role.getAsJsonArray("AssignableScopes").toString()).isEqualTo("[\"" + GROUP + "\"]");
    assertThat(role.getAsJsonArray("Actions").toString())
        .contains(
            "\"Microsoft.Web/sites/write\"",
            "\"Microsoft.Storage/storageAccounts/listKeys/action\"",
            "\"Microsoft.Authorization/roleAssignments/write\"",
            "\"Microsoft.EventGrid/systemTopics/eventSubscriptions/write\"")
        .doesNotContain("*", "Microsoft.KeyVault");
    assertThat(role.getAsJsonArray("DataActions")).hasSize(3);
  }

  @Test
  void aBoundComponentsGroupAndAVaultWidenTheScopes() {
    JsonObject role =
        role(
            Map.of(
                "skyhop.azure.appInsights",
                "/subscriptions/s-1/resourceGroups/shared-monitoring/providers/"
                    + "Microsoft.Insights/components/company",
                "skyhop.azure.keyVault",
                "orders-vault"));

    assertThat(role.getAsJsonArray("AssignableScopes").toString())
        .isEqualTo(
            "[\""
                + GROUP
                + "\",\"/subscriptions/s-1/resourceGroups/shared-monitoring\",\"/subscriptions/s-1\"]");
    assertThat(role.getAsJsonArray("Actions").toString())
        .contains(
            "\"Microsoft.KeyVault/vaults/read\"", "\"Microsoft.KeyVault/vaults/secrets/read\"");
  }
}
