package io.skyhop.tooling.deploy.azure;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.azure.AzureNames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The settings of an Azure deploy, checked once before any call.
 *
 * @param subscription the subscription id ({@code skyhop.azure.subscription})
 * @param resourceGroup the resource group ({@code skyhop.azure.resourceGroup}), created when
 *     missing
 * @param region the Azure region ({@code skyhop.region}), e.g. {@code westeurope}
 * @param endpoint the ARM endpoint ({@code skyhop.azure.endpoint}, default {@code
 *     https://management.azure.com}), without a trailing slash
 * @param functionApp the function app ({@code skyhop.azure.functionApp}, default the app name)
 * @param storageAccount the storage account ({@code skyhop.azure.storageAccount}, default derived
 *     from the app, subscription and group)
 */
public record AzureSettings(
    String subscription,
    String resourceGroup,
    String region,
    String endpoint,
    String functionApp,
    String storageAccount) {
  /** The property naming the subscription. */
  public static final String SUBSCRIPTION = "skyhop.azure.subscription";

  /** The property naming the resource group. */
  public static final String RESOURCE_GROUP = "skyhop.azure.resourceGroup";

  /** The property naming the region. */
  public static final String REGION = "skyhop.region";

  /** The property overriding the ARM endpoint. */
  public static final String ENDPOINT = "skyhop.azure.endpoint";

  /** The property naming the function app. */
  public static final String FUNCTION_APP = "skyhop.azure.functionApp";

  /** The property naming the storage account. */
  public static final String STORAGE_ACCOUNT = "skyhop.azure.storageAccount";

  /** Azure's public-cloud ARM endpoint. */
  public static final String PUBLIC_ARM = "https://management.azure.com";

  /**
   * Reads and checks the settings.
   *
   * @param app the Skyhop app name, the default function app name
   * @throws ConfigurationException naming the missing or bad property
   */
  public static AzureSettings of(Settings settings, String app) {
    String subscription =
        settings.require(
            SUBSCRIPTION, "the subscription id, as 'az account show --query id -o tsv' prints it");
    String group =
        settings.require(
            RESOURCE_GROUP, "a resource group name (Skyhop creates it when it does not exist)");
    if (!group.matches("[-\\w._()]{1,90}") || group.endsWith(".")) {
      throw new ConfigurationException(
          RESOURCE_GROUP,
          group,
          "is not a resource group name. Fix: use up to 90 letters, digits, '-', '_', '.', '(' or"
              + " ')', not ending in '.'");
    }
    String region =
        settings.require(
            REGION, "an Azure region with Flex Consumption, such as westeurope or eastus");
    if (!region.matches("[a-z][a-z0-9]+")) {
      throw new ConfigurationException(
          REGION,
          region,
          "is not an Azure region name. Fix: use the programmatic name, e.g. westeurope (as 'az"
              + " account list-locations -o table' shows)");
    }
    String endpoint = settings.get(ENDPOINT).map(AzureSettings::endpoint).orElse(PUBLIC_ARM);
    Naming naming = new Naming(app, settings.get(Naming.STAGE));
    String functionApp =
        settings
            .get(FUNCTION_APP)
            .orElseGet(() -> AzureNames.of(naming).functionApp())
            .toLowerCase(Locale.ROOT);
    if (!functionApp.matches("[a-z0-9][a-z0-9-]{0,58}[a-z0-9]")) {
      throw new ConfigurationException(
          FUNCTION_APP,
          functionApp,
          "is not a function app name. Fix: set "
              + FUNCTION_APP
              + " to 2-60 letters, digits or '-' (it becomes <name>.azurewebsites.net)");
    }
    String storage =
        settings
            .get(STORAGE_ACCOUNT)
            .orElseGet(() -> storageName(subscription, group, naming.prefix()));
    if (!storage.matches("[a-z0-9]{3,24}")) {
      throw new ConfigurationException(
          STORAGE_ACCOUNT,
          storage,
          "is not a storage account name. Fix: use 3-24 lower-case letters and digits");
    }
    return new AzureSettings(subscription, group, region, endpoint, functionApp, storage);
  }

  private static String endpoint(String value) {
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new ConfigurationException(
          ENDPOINT,
          value,
          "is not an https URL. Fix: give the ARM endpoint as https://host[:port] (Azure's"
              + " bearer-token policy refuses plain http)");
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  /** A storage account name unique to the app in its subscription and group. */
  static String storageName(String subscription, String group, String app) {
    String clean = app.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    clean = clean.substring(0, Math.min(clean.length(), 16));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((subscription + "/" + group + "/" + app).getBytes(StandardCharsets.UTF_8));
      return clean + HexFormat.of().formatHex(digest).substring(0, 24 - clean.length());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The OAuth2 scope of ARM tokens: the endpoint's {@code /.default}. */
  public String scope() {
    return endpoint + "/.default";
  }

  /** {@code /subscriptions/<id>/resourceGroups/<group>}. */
  public String groupId() {
    return "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup;
  }

  /** The Flex Consumption plan of the function app. */
  public String plan() {
    return functionApp + "-plan";
  }

  /** The ARM id of the function app. */
  public String siteId() {
    return groupId() + "/providers/Microsoft.Web/sites/" + functionApp;
  }

  /** The ARM id of the plan. */
  public String planId() {
    return groupId() + "/providers/Microsoft.Web/serverfarms/" + plan();
  }

  /** The ARM id of the storage account. */
  public String storageId() {
    return groupId() + "/providers/Microsoft.Storage/storageAccounts/" + storageAccount;
  }
}
