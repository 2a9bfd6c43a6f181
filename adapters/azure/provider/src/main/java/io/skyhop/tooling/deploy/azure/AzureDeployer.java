package io.skyhop.tooling.deploy.azure;

import com.azure.core.credential.TokenCredential;
import com.google.gson.JsonObject;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.DeployResult.Action;
import io.skyhop.tooling.deploy.Deployer;
import io.skyhop.tooling.deploy.ResourceBindings;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.pack.azure.AzureEntry;
import io.skyhop.tooling.retry.RetryPolicy;
import io.skyhop.tooling.runtime.JavaRuntimes;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Deploys an app to one Azure Functions Flex Consumption app through the Azure SDK: the resource
 * group, storage account (with the {@code app-package} container) and FC1 plan when missing, the
 * site with {@code functionAppConfig} (runtime, memory, instance limit) created or updated, the
 * complete app settings (storage connection, the app's environment), then {@code azure/<app>.zip}
 * published with OneDeploy, polled until Kudu reports success, and the app's functions listed until
 * every one shows; only then is {@code SKYHOP_CODE_SHA256} written, so an app whose settings and
 * code hash match is left alone and a run that failed half-way converges when re-run. Throttling
 * and 5xx are retried by azure-core, a 409 "another operation is in progress" is waited out.
 * Resources it creates carry the tag {@code skyhop-app=<app>}; {@code remove} deletes only those.
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
   * @param polling polls of long-running operations, deployments and the function listing
   * @param conflicts waits out 409s that say another operation is in progress
   */
  record Timing(int retries, Duration baseDelay, Polling polling, RetryPolicy conflicts) {
    static Timing standard() {
      return new Timing(3, Duration.ofMillis(500), Polling.standard(), AzureHttp.conflicts());
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

  /** The ARM client of this deployer's credential, for the verifier and the releases. */
  Arm arm(AzureSettings azure, BuildListener listener) {
    return new Arm(http(azure, listener), azure.endpoint(), timing.polling());
  }

  /** Kudu with this deployer's credential. */
  Kudu kudu(AzureSettings azure, BuildListener listener) {
    return new Kudu(http(azure, listener), timing.polling());
  }

  Polling polling() {
    return timing.polling();
  }

  private AzureHttp http(AzureSettings azure, BuildListener listener) {
    return AzureHttp.create(
        credential(),
        azure.scope(),
        timing.retries(),
        timing.baseDelay(),
        timing.conflicts(),
        listener);
  }

  @Override
  public DeployResult deploy(DeployRequest request, BuildListener listener) throws IOException {
    AzureSettings azure = AzureSettings.of(request.settings(), request.app());
    io.skyhop.tooling.deploy.Architectures.requireX86(
        request.settings(), "azure", "Flex Consumption runs Java on x86_64 Linux only");
    Manifest manifest = ManifestFile.read(request.skyhopDir());
    FlexApp flex =
        FlexApp.of(manifest)
            .withSettings(
                KeyVaultReferences.of(
                    manifest,
                    request.app(),
                    request.settings().get("skyhop.stage"),
                    request.settings().get(KeyVaultReferences.VAULT)));
    AppPackage pkg = AppPackage.read(request);
    boolean dry = request.dryRun();
    listener.info(header(azure, pkg, dry));
    AzureHttp http = http(azure, listener);
    Polling polling = timing.polling().with(request.settings());
    Arm arm = new Arm(http, azure.endpoint(), polling);
    JavaRuntimes.builtIn()
        .checkOffered(
            Target.named("azure"),
            manifest.javaRelease(),
            JavaStacks.java(
                arm.list(
                    "GET function app stacks " + azure.region(),
                    JavaStacks.id(azure.region()),
                    Arm.WEB),
                azure.region()),
            LocalDate.now(ZoneOffset.UTC),
            listener);
    Steps steps = new Steps(arm, azure, request.naming(), dry, listener);
    boolean groupCreated = steps.resourceGroup();
    Optional<String> storageKey = steps.storageAccount();
    StorageData storage = StorageData.of(request.settings(), azure.storageAccount());
    AzureAppResources.Result resources =
        appResources(request, azure, storage, storageKey, listener).ensure(manifest);
    flex = flex.withSettings(resources.settings());
    steps.plan();
    AppInsights insights =
        new AppInsights(
            arm,
            azure,
            request.naming(),
            request.settings().get(AppInsights.SETTING),
            dry,
            listener);
    AppInsights.Component monitoring = insights.ensure();
    flex = flex.withSettings(AppInsights.settings(monitoring));
    Steps.Site site = steps.site(flex);
    insights.grant(monitoring, site.json());
    List<String> storageGrants =
        new StorageRoles(arm, azure, dry, listener).ensure(manifest, site.json());
    List<String> grants =
        request
            .settings()
            .get(KeyVaultReferences.VAULT)
            .map(
                vault ->
                    new AzureSecretGrants(arm, azure, dry, listener)
                        .ensure(
                            site.json(),
                            AzureSecretGrants.names(
                                manifest, request.app(), request.settings().get("skyhop.stage")),
                            vault))
            .orElse(List.of());
    Map<String, String> live = site.created() ? Map.of() : steps.liveSettings();
    Action action;
    if (dry) {
      boolean codeChanged = !pkg.sha().equals(live.get(FlexApp.CODE_SETTING));
      steps.line(codeChanged ? "update" : "unchanged", "code", pkg.file());
      action =
          site.created()
              ? Action.CREATE
              : site.updated() || codeChanged ? Action.UPDATE : Action.UNCHANGED;
    } else {
      CodeStep code =
          new CodeStep(
              steps,
              flex,
              new Kudu(http, polling),
              new FunctionListing(arm, azure, FunctionListing.waiting(request.settings(), polling)),
              listener);
      boolean written =
          code.converge(
              site,
              live,
              storage.connectionSettings(azure.storageAccount()),
              pkg,
              azureNames(manifest));
      action =
          site.created()
              ? Action.CREATED
              : site.updated() || written ? Action.UPDATED : Action.UNCHANGED;
    }
    String host = site.defaultHostName().orElse(azure.functionApp() + ".azurewebsites.net");
    List<DeployResult.Resource> records = new ArrayList<>(resources.resources());
    records.addAll(
        new BlobEvents(arm, azure, request.naming(), dry, listener)
            .ensure(
                manifest,
                AzureAppResources.containerNames(
                    manifest, request.naming(), ResourceBindings.of(request.settings())),
                host));
    List<DeployResult.Function> functions = new ArrayList<>();
    for (Manifest.Function f : manifest.functions()) {
      functions.add(function(f, azure, host, action, listener));
    }
    Map<String, Object> details = details(azure, groupCreated, host, pkg, flex);
    details.put("applicationInsights", monitoring.id());
    details.put("applicationInsightsOwnedBySkyhop", monitoring.owned());
    if (!grants.isEmpty()) {
      details.put("secretGrants", grants);
    }
    details.put("storageGrants", storageGrants);
    return new DeployResult(
        "azure", request.app(), request.naming().stageLabel(), functions, records, details);
  }

  private static String header(AzureSettings azure, AppPackage pkg, boolean dry) {
    return "azure: subscription "
        + azure.subscription()
        + ", resource group "
        + azure.resourceGroup()
        + ", region "
        + azure.region()
        + ", function app "
        + azure.functionApp()
        + ", "
        + pkg.file()
        + " sha256 "
        + pkg.sha()
        + (dry ? " (dry run: reading only)" : "");
  }

  private static Map<String, Object> details(
      AzureSettings azure, boolean groupCreated, String host, AppPackage pkg, FlexApp flex) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("subscription", azure.subscription());
    details.put("resourceGroup", azure.resourceGroup());
    details.put("resourceGroupCreatedBySkyhop", groupCreated);
    details.put("region", azure.region());
    details.put("functionApp", azure.functionApp());
    details.put("plan", azure.plan());
    details.put("storageAccount", azure.storageAccount());
    details.put("defaultHostName", host);
    details.put("codeSha256", pkg.sha());
    details.put("instanceMemoryMB", flex.instanceMemoryMb());
    details.put("maximumInstanceCount", flex.maximumInstanceCount());
    return details;
  }

  /** The functions' names in the function app (their folders in the zip). */
  static Set<String> azureNames(Manifest manifest) {
    Set<String> names = new TreeSet<>();
    for (Manifest.Function f : manifest.functions()) {
      String name = f.target("azure", AzureEntry.class).functionName();
      names.add(name == null ? f.name() : name);
    }
    return names;
  }

  private static DeployResult.Function function(
      Manifest.Function f,
      AzureSettings azure,
      String host,
      Action action,
      BuildListener listener) {
    Map<String, Object> details = new TreeMap<>();
    String endpoint;
    switch (f.triggerType()) {
      case "http" -> {
        String path = String.valueOf(f.trigger().path());
        endpoint = "https://" + host + "/api/" + (path.startsWith("/") ? path.substring(1) : path);
        String auth = f.trigger().auth();
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
          endpoint = "schedule " + f.trigger().cron() + " (" + f.trigger().timezoneOrUtc() + ")";
      case "queue" ->
          endpoint = "storage queue " + f.trigger().queue() + " in " + azure.storageAccount();
      case "storage" ->
          endpoint = "blob container " + f.trigger().bucket() + " in " + azure.storageAccount();
      default -> endpoint = f.triggerType();
    }
    return new DeployResult.Function(
        f.name(), azure.functionApp() + "/" + f.name(), action, endpoint, details);
  }

  private static AzureAppResources appResources(
      DeployRequest request,
      AzureSettings azure,
      StorageData storage,
      Optional<String> key,
      BuildListener listener) {
    String account = azure.storageAccount();
    return new AzureAppResources(
        key.map(k -> storage.queues(account, k)).orElse(null),
        key.map(k -> storage.blobs(account, k)).orElse(null),
        azure,
        request.naming(),
        ResourceBindings.of(request.settings()),
        request.dryRun(),
        listener);
  }

  @Override
  public void remove(DeployRequest request, BuildListener listener) {
    AzureSettings azure = AzureSettings.of(request.settings(), request.app());
    Arm arm =
        new Arm(http(azure, listener), azure.endpoint(), timing.polling().with(request.settings()));
    AppInsights insights =
        new AppInsights(
            arm,
            azure,
            request.naming(),
            request.settings().get(AppInsights.SETTING),
            request.dryRun(),
            listener);
    boolean dry = request.dryRun();
    new BlobEvents(arm, azure, request.naming(), dry, listener).remove();
    arm.get("GET site " + azure.functionApp(), azure.siteId(), Arm.WEB)
        .filter(site -> FlexApp.owned(request.naming(), site))
        .ifPresent(
            site -> {
              new AzureSecretGrants(arm, azure, dry, listener).revokeAll(site);
              new StorageRoles(arm, azure, dry, listener).revokeAll(site);
            });
    List<String> kept = removeStorage(request, azure, arm, listener);
    new Removal(arm, azure, request.naming(), dry, listener).run(insights, kept);
  }

  /** Deletes the owned queues and containers; the containers kept because they hold blobs. */
  private static List<String> removeStorage(
      DeployRequest request, AzureSettings azure, Arm arm, BuildListener listener) {
    Optional<JsonObject> account =
        arm.get("GET storage account " + azure.storageAccount(), azure.storageId(), Arm.STORAGE);
    if (account.isEmpty() || !FlexApp.owned(request.naming(), account.get())) {
      return List.of();
    }
    if (request.dryRun()) {
      listener.info(
          "[dry run] delete    the queues and empty containers of "
              + request.naming().prefix()
              + " in storage account "
              + azure.storageAccount());
      return List.of();
    }
    Optional<String> key = new Steps(arm, azure, request.naming(), false, listener).storageKey();
    boolean removeData =
        request
            .settings()
            .get(AzureAppResources.REMOVE_DATA)
            .map(Boolean::parseBoolean)
            .orElse(false);
    return appResources(
            request,
            azure,
            StorageData.of(request.settings(), azure.storageAccount()),
            key,
            listener)
        .remove(removeData);
  }
}
