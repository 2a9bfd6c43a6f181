package io.skyhop.tooling.deploy.azure;

import com.azure.core.credential.TokenCredential;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployManifest;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.DeployResult.Action;
import io.skyhop.tooling.deploy.Deployer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Deploys an app to one Azure Functions Flex Consumption app through the Azure SDK: the resource
 * group, storage account (with the {@code app-package} container) and FC1 plan when missing, the
 * site with {@code functionAppConfig} (runtime, memory, instance limit) created or updated, the
 * complete app settings (storage connection, the app's environment, {@code SKYHOP_CODE_SHA256}),
 * then {@code azure/<app>.zip} published with OneDeploy and polled until Kudu reports success. An
 * app whose settings and code hash match is left alone. Resources it creates carry the tag {@code
 * skyhop-app=<app>}; {@code remove} deletes only those.
 */
public final class AzureDeployer implements Deployer {
  private final Supplier<TokenCredential> credentials;
  private final Timing timing;
  private TokenCredential credential;

  /**
   * Retries and polling.
   *
   * @param retries retries of a throttled (429) or failed (408, 5xx) call
   * @param baseDelay the first backoff, doubled per retry
   * @param polling polls of long-running operations and deployments
   */
  record Timing(int retries, Duration baseDelay, Polling polling) {
    static Timing standard() {
      return new Timing(3, Duration.ofMillis(500), Polling.standard());
    }
  }

  /** A deployer using {@code DefaultAzureCredential} configured from the environment. */
  public AzureDeployer() {
    this(() -> AzureCredentials.defaultChain(System::getenv), Timing.standard());
  }

  AzureDeployer(Supplier<TokenCredential> credentials, Timing timing) {
    this.credentials = credentials;
    this.timing = timing;
  }

  /**
   * Checks subscription, resource group, region and endpoint, then fetches a first token: missing
   * settings or credentials fail here, before any ARM call.
   */
  @Override
  public void validate(DeployRequest request) {
    AzureSettings azure = AzureSettings.of(request.settings(), request.app());
    AzureCredentials.check(credential(), azure.scope());
  }

  private TokenCredential credential() {
    if (credential == null) {
      credential = credentials.get();
    }
    return credential;
  }

  private AzureHttp http(AzureSettings azure) {
    return AzureHttp.create(credential(), azure.scope(), timing.retries(), timing.baseDelay());
  }

  @Override
  public DeployResult deploy(DeployRequest request, BuildListener listener) throws IOException {
    AzureSettings azure = AzureSettings.of(request.settings(), request.app());
    DeployManifest manifest = DeployManifest.read(request.skyhopDir());
    FlexApp flex = FlexApp.of(manifest);
    Path zip = request.targetDir().resolve(request.app() + ".zip");
    if (!Files.isRegularFile(zip)) {
      throw new ConfigurationException(
          "skyhop.targets",
          zip + " is missing. Fix: run 'mvn package' with azure in skyhop.targets");
    }
    byte[] bytes = Files.readAllBytes(zip);
    String sha = sha256(bytes);
    boolean dry = request.dryRun();
    listener.info(
        "azure: subscription "
            + azure.subscription()
            + ", resource group "
            + azure.resourceGroup()
            + ", region "
            + azure.region()
            + ", function app "
            + azure.functionApp()
            + ", "
            + zip.getFileName()
            + " sha256 "
            + sha
            + (dry ? " (dry run: reading only)" : ""));
    AzureHttp http = http(azure);
    Arm arm = new Arm(http, azure.endpoint(), timing.polling());
    Steps steps = new Steps(arm, azure, request.app(), dry, listener);
    boolean groupCreated = steps.resourceGroup();
    Optional<String> connection = steps.storageAccount();
    steps.plan();
    Steps.Site site = steps.site(flex);
    Map<String, String> live = site.created() ? Map.of() : steps.liveSettings();
    String liveSha = live.get(FlexApp.CODE_SETTING);
    boolean codeChanged = !sha.equals(liveSha);
    Action action =
        site.created() ? Action.CREATED : site.updated() ? Action.UPDATED : Action.UNCHANGED;
    if (dry) {
      steps.line(codeChanged ? "update" : "unchanged", "code", zip.getFileName().toString());
      action =
          site.created()
              ? Action.CREATE
              : site.updated() || codeChanged ? Action.UPDATE : Action.UNCHANGED;
    } else {
      String conn = connection.orElseThrow();
      Map<String, String> before = flex.settings(live, conn, liveSha);
      if (!before.equals(live)) {
        steps.writeSettings(before, !live.isEmpty());
        action = site.created() ? action : Action.UPDATED;
      }
      if (codeChanged) {
        new Kudu(http, timing.polling()).publish(Kudu.scmHost(site.json()), bytes);
        steps.line(
            "updated",
            "code",
            zip.getFileName() + " (published to " + Kudu.scmHost(site.json()) + ")");
        steps.writeSettings(flex.settings(live, conn, sha), true);
        action = site.created() ? action : Action.UPDATED;
      } else {
        steps.line(
            "unchanged",
            "code",
            zip.getFileName() + " (sha256 matches " + FlexApp.CODE_SETTING + ")");
      }
    }
    String host = site.defaultHostName().orElse(azure.functionApp() + ".azurewebsites.net");
    List<DeployResult.Function> functions = new ArrayList<>();
    for (DeployManifest.Function f : manifest.functions()) {
      functions.add(function(f, azure, host, action, listener));
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("subscription", azure.subscription());
    details.put("resourceGroup", azure.resourceGroup());
    details.put("resourceGroupCreatedBySkyhop", groupCreated);
    details.put("region", azure.region());
    details.put("functionApp", azure.functionApp());
    details.put("plan", azure.plan());
    details.put("storageAccount", azure.storageAccount());
    details.put("defaultHostName", host);
    details.put("codeSha256", sha);
    details.put("instanceMemoryMB", flex.instanceMemoryMb());
    details.put("maximumInstanceCount", flex.maximumInstanceCount());
    return new DeployResult("azure", request.app(), functions, details);
  }

  private static DeployResult.Function function(
      DeployManifest.Function f,
      AzureSettings azure,
      String host,
      Action action,
      BuildListener listener) {
    Map<String, Object> details = new TreeMap<>();
    String endpoint;
    switch (f.triggerType()) {
      case "http" -> {
        String path = String.valueOf(f.trigger().get("path"));
        endpoint = "https://" + host + "/api/" + (path.startsWith("/") ? path.substring(1) : path);
        Object auth = f.trigger().get("auth");
        details.put("auth", String.valueOf(auth));
        if ("FUNCTION".equals(auth)) {
          String keys =
              "az functionapp function keys list -g "
                  + azure.resourceGroup()
                  + " -n "
                  + azure.functionApp()
                  + " --function-name "
                  + f.name();
          details.put("keys", keys);
          listener.info(
              f.name() + " needs a function key (?code=<key> or x-functions-key): " + keys);
        }
      }
      case "schedule" ->
          endpoint =
              "schedule "
                  + f.trigger().get("cron")
                  + " ("
                  + f.trigger().getOrDefault("timezone", "UTC")
                  + ")";
      case "queue" ->
          endpoint = "storage queue " + f.trigger().get("queue") + " in " + azure.storageAccount();
      case "storage" ->
          endpoint =
              "blob container " + f.trigger().get("bucket") + " in " + azure.storageAccount();
      default -> endpoint = f.triggerType();
    }
    return new DeployResult.Function(
        f.name(), azure.functionApp() + "/" + f.name(), action, endpoint, details);
  }

  @Override
  public void remove(DeployRequest request, BuildListener listener) {
    AzureSettings azure = AzureSettings.of(request.settings(), request.app());
    Arm arm = new Arm(http(azure), azure.endpoint(), timing.polling());
    new Removal(arm, azure, request.app(), request.dryRun(), listener).run();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value of a tag, or empty. */
  static String tag(JsonObject resource, String name) {
    JsonElement tags = resource.get("tags");
    if (tags == null || !tags.isJsonObject() || !tags.getAsJsonObject().has(name)) {
      return "";
    }
    return tags.getAsJsonObject().get(name).getAsString();
  }
}
