package io.skyhop.tooling.deploy.azure;

import com.google.gson.JsonObject;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.azure.AzureNames;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The app's Application Insights component ({@code Microsoft.Insights/components}, workspace-based,
 * local authentication off) and the Log Analytics workspace behind it, both tagged with app and
 * stage and owned by Skyhop; or an existing component bound with {@value #SETTING}, which Skyhop
 * never creates, changes or deletes. The function app reaches it by identity: its system-assigned
 * identity gets the role Monitoring Metrics Publisher on the component (the one role ingestion with
 * Entra ID needs), and the app settings {@value #CONNECTION} and {@value #AUTHENTICATION} ({@code
 * Authorization=AAD}). Called from the Azure deployer (after the plan, then after the site) and
 * from {@link Removal}.
 */
final class AppInsights {
  /** The property binding an existing component: its ARM id, or a name in the resource group. */
  static final String SETTING = "skyhop.azure.appInsights";

  /** Microsoft.Insights/components. */
  static final String INSIGHTS = "2020-02-02";

  /** Microsoft.OperationalInsights/workspaces. */
  static final String WORKSPACES = "2022-10-01";

  /** Microsoft.Authorization/roleAssignments. */
  static final String AUTHORIZATION = "2022-04-01";

  /** The built-in role Monitoring Metrics Publisher. */
  static final String PUBLISHER_ROLE = "3913510d-42f4-4e42-8a64-420c390055eb";

  static final String CONNECTION = "APPLICATIONINSIGHTS_CONNECTION_STRING";
  static final String AUTHENTICATION = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

  /** The component the app reports to. */
  record Component(String id, String name, boolean owned, String connectionString) {}

  private final Arm arm;
  private final AzureSettings azure;
  private final Naming naming;
  private final Optional<String> binding;
  private final boolean dry;
  private final BuildListener listener;

  AppInsights(
      Arm arm,
      AzureSettings azure,
      Naming naming,
      Optional<String> binding,
      boolean dry,
      BuildListener listener) {
    this.arm = arm;
    this.azure = azure;
    this.naming = naming;
    this.binding = binding.map(String::trim).filter(b -> !b.isEmpty());
    this.dry = dry;
    this.listener = listener;
  }

  /** The owned component's id: named as the function app. */
  String ownedId() {
    return azure.groupId() + "/providers/Microsoft.Insights/components/" + azure.functionApp();
  }

  /** The owned workspace's id. */
  String workspaceId() {
    return azure.groupId()
        + "/providers/Microsoft.OperationalInsights/workspaces/"
        + azure.functionApp()
        + "-logs";
  }

  /** Whether a component is bound with {@value #SETTING}. */
  boolean bound() {
    return binding.isPresent();
  }

  /**
   * The bound component, which must exist, or the owned one, created with its workspace when
   * missing.
   *
   * @throws ConfigurationException when the binding is malformed or names no component
   */
  Component ensure() {
    if (binding.isPresent()) {
      String id = boundId(binding.get());
      Optional<JsonObject> live = arm.get("GET Application Insights " + name(id), id, INSIGHTS);
      if (live.isEmpty()) {
        throw new ConfigurationException(
            SETTING,
            binding.get(),
            "names no Application Insights component ("
                + id
                + " does not exist). Fix: create it, correct "
                + SETTING
                + ", or remove the setting and Skyhop creates one for the app");
      }
      line("bound", name(id) + " (" + SETTING + ")");
      return new Component(id, name(id), false, connection(live.get()));
    }
    String id = ownedId();
    Optional<JsonObject> live =
        arm.get("GET Application Insights " + azure.functionApp(), id, INSIGHTS);
    if (live.isPresent()) {
      line("unchanged", azure.functionApp());
      return new Component(id, azure.functionApp(), true, connection(live.get()));
    }
    String workspace = workspaceId();
    if (arm.get("GET Log Analytics workspace " + name(workspace), workspace, WORKSPACES)
        .isEmpty()) {
      if (!dry) {
        arm.put(
            "PUT Log Analytics workspace " + name(workspace),
            workspace,
            WORKSPACES,
            workspaceBody());
      }
      listener.info(
          String.format(
              "%s%-9s %-9s %s",
              dry ? "[dry run] " : "",
              dry ? "create" : "created",
              "logs",
              name(workspace) + " (PerGB2018, 30 days)"));
    }
    if (dry) {
      line("create", azure.functionApp() + " (workspace-based, local auth off)");
      return new Component(id, azure.functionApp(), true, "");
    }
    JsonObject created =
        arm.put(
            "PUT Application Insights " + azure.functionApp(),
            id,
            INSIGHTS,
            componentBody(workspace));
    line("created", azure.functionApp() + " (workspace-based, local auth off)");
    return new Component(id, azure.functionApp(), true, connection(created));
  }

  /** The app settings connecting the app to the component by its managed identity. */
  static Map<String, String> settings(Component component) {
    return Map.of(CONNECTION, component.connectionString(), AUTHENTICATION, "Authorization=AAD");
  }

  /**
   * Lets the site's system-assigned identity publish to the component (Monitoring Metrics Publisher
   * at the component's scope), unless it already may.
   */
  void grant(Component component, JsonObject site) {
    JsonObject identity = site.has("identity") ? site.getAsJsonObject("identity") : null;
    String principal =
        identity != null && identity.has("principalId")
            ? identity.get("principalId").getAsString()
            : null;
    if (dry) {
      line("grant", "Monitoring Metrics Publisher to " + azure.functionApp());
      return;
    }
    if (principal == null) {
      throw new AzureDeployException(
          "GET site " + azure.functionApp(),
          200,
          "",
          "Function app "
              + azure.functionApp()
              + " has no system-assigned identity, which Application Insights needs. Fix: re-run"
              + " the deploy; if it persists, turn the identity on with 'az functionapp identity"
              + " assign'",
          null);
    }
    String assignment = assignmentId(component, principal);
    if (arm.get("GET role assignment", assignment, AUTHORIZATION).isPresent()) {
      return;
    }
    JsonObject props = new JsonObject();
    props.addProperty(
        "roleDefinitionId",
        "/subscriptions/"
            + azure.subscription()
            + "/providers/Microsoft.Authorization/roleDefinitions/"
            + PUBLISHER_ROLE);
    props.addProperty("principalId", principal);
    props.addProperty("principalType", "ServicePrincipal");
    JsonObject body = new JsonObject();
    body.add("properties", props);
    arm.put("PUT role assignment", assignment, AUTHORIZATION, body);
    line("granted", "Monitoring Metrics Publisher on " + component.name() + " to the app");
  }

  /** The assignment's id: a name derived from scope, principal and role, so a re-run finds it. */
  static String assignmentId(Component component, String principal) {
    String seed = component.id().toLowerCase(Locale.ROOT) + "|" + principal + "|" + PUBLISHER_ROLE;
    return component.id()
        + "/providers/Microsoft.Authorization/roleAssignments/"
        + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
  }

  private String boundId(String value) {
    if (value.regionMatches(true, 0, "/subscriptions/", 0, 15)) {
      if (!value.matches(
          "(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Insights/components/[^/]+")) {
        throw new ConfigurationException(
            SETTING,
            value,
            "is not an Application Insights component id. Fix: use"
                + " /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Insights/components/<name>"
                + " (as 'az monitor app-insights component show --query id' prints it), or a"
                + " component name in the app's resource group");
      }
      return value;
    }
    if (!value.matches("[\\w\\-.()]{1,255}")) {
      throw new ConfigurationException(
          SETTING,
          value,
          "is not an Application Insights component name. Fix: use the component's name in"
              + " resource group "
              + azure.resourceGroup()
              + ", or its full resource id");
    }
    return azure.groupId() + "/providers/Microsoft.Insights/components/" + value;
  }

  private JsonObject workspaceBody() {
    JsonObject sku = new JsonObject();
    sku.addProperty("name", "PerGB2018");
    JsonObject props = new JsonObject();
    props.add("sku", sku);
    props.addProperty("retentionInDays", 30);
    JsonObject body = new JsonObject();
    body.addProperty("location", azure.region());
    body.add("tags", tags());
    body.add("properties", props);
    return body;
  }

  private JsonObject componentBody(String workspace) {
    JsonObject props = new JsonObject();
    props.addProperty("Application_Type", "web");
    props.addProperty("Flow_Type", "Bluefield");
    props.addProperty("Request_Source", "rest");
    props.addProperty("WorkspaceResourceId", workspace);
    props.addProperty("DisableLocalAuth", true);
    JsonObject body = new JsonObject();
    body.addProperty("location", azure.region());
    body.addProperty("kind", "web");
    body.add("tags", tags());
    body.add("properties", props);
    return body;
  }

  private JsonObject tags() {
    JsonObject tags = new JsonObject();
    AzureNames.of(naming).tags().forEach(tags::addProperty);
    return tags;
  }

  private static String connection(JsonObject component) {
    JsonObject props = component.getAsJsonObject("properties");
    if (props == null || !props.has("ConnectionString")) {
      throw new AzureDeployException(
          "GET Application Insights " + component.get("name"),
          200,
          "",
          "Application Insights component "
              + component.get("name")
              + " has no ConnectionString. Fix: wait until it is provisioned, then re-run",
          null);
    }
    return props.get("ConnectionString").getAsString();
  }

  private static String name(String id) {
    return id.substring(id.lastIndexOf('/') + 1);
  }

  private void line(String change, String name) {
    listener.info(
        String.format("%s%-9s %-9s %s", dry ? "[dry run] " : "", change, "insights", name));
  }
}
