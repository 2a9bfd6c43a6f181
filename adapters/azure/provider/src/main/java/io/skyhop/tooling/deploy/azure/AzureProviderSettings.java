package io.skyhop.tooling.deploy.azure;

import io.skyhop.tooling.settings.ProviderSetting;
import java.util.List;

/** The azure target's own settings ({@code skyhop.azure.*}), as docs/settings.md lists them. */
final class AzureProviderSettings {
  private AzureProviderSettings() {}

  static List<ProviderSetting> all() {
    return List.of(
        ProviderSetting.of("skyhop.azure.subscription", "The subscription id."),
        ProviderSetting.of(
            "skyhop.azure.resourceGroup", "The resource group; created when missing."),
        ProviderSetting.of(
            "skyhop.azure.endpoint",
            "ARM endpoint override (default https://management.azure.com), for tests and sovereign clouds."),
        ProviderSetting.of(
            "skyhop.azure.functionApp",
            "The function app name; default: derived from the app and stage."),
        ProviderSetting.of(
            "skyhop.azure.storageAccount",
            "The storage account; default: derived from the app and stage."),
        ProviderSetting.of(
            "skyhop.azure.appInsights",
            "An existing Application Insights component to bind (its ARM id, or a name in the resource group), which Skyhop then never creates, changes or deletes; unset: the component named like the function app, created by deploy (docs/tracing.md)."),
        ProviderSetting.of(
            "skyhop.azure.keyVault", "The Key Vault holding the app's secrets (docs/secrets.md)."),
        ProviderSetting.of(
            "skyhop.azure.blobEndpoint",
            "Blob service URL override, e.g. http://127.0.0.1:10000/{account} for Azurite."),
        ProviderSetting.of(
            "skyhop.azure.queueEndpoint", "Queue service URL override, e.g. for Azurite."),
        ProviderSetting.of(
            "skyhop.azure.pollMillis",
            "Pause between polls of ARM operations and Kudu deployments (default 2000; tests)."),
        ProviderSetting.of(
            "skyhop.azure.listingWaitSeconds",
            "How long deploy waits for the host to list every function after a publish (default 600)."));
  }
}
