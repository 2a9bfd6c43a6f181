package io.skyhop.tooling.deploy.local;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Deployer;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.local.LocalRuntimeClient;
import io.skyhop.tooling.naming.ClusterNames;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys to the in-house runtime at {@code skyhop.local.url}. When nothing answers at the default
 * URL, it starts a runtime in the background (data in {@code skyhop.local.data}, default {@code
 * ~/.skyhop/runtime}) and says how to stop it.
 */
public final class LocalDeployer implements Deployer {
  /** The data directory of a runtime the plugin starts. */
  public static Path dataDir(Settings settings) {
    return settings
        .get("skyhop.local.data")
        .map(Path::of)
        .orElse(Path.of(System.getProperty("user.home"), ".skyhop", "runtime"));
  }

  @Override
  public void validate(DeployRequest request) {
    url(request.settings());
  }

  private static URI url(Settings settings) {
    String value =
        settings.get("skyhop.local.url").orElse(LocalRuntimeClient.DEFAULT_URL.toString());
    try {
      URI uri = URI.create(value);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          "skyhop.local.url",
          value,
          "is not a runtime URL. Fix: set it like http://127.0.0.1:8080");
    }
  }

  /** A client for the runtime, starting one in the background when allowed and needed. */
  static LocalRuntimeClient connect(DeployRequest request, BuildListener listener, boolean start)
      throws Exception {
    Settings settings = request.settings();
    URI url = url(settings);
    Optional<String> token = settings.get("skyhop.local.token");
    if (new LocalRuntimeClient(url, null).health().isEmpty()) {
      boolean isDefault =
          settings.get("skyhop.local.url").isEmpty() || url.equals(LocalRuntimeClient.DEFAULT_URL);
      if (!start || !isDefault) {
        throw new ConfigurationException(
            "skyhop.local.url",
            url.toString(),
            "does not answer. Fix: start the runtime there ('java -jar skyhop-runtime.jar --port "
                + url.getPort()
                + "'), or unset skyhop.local.url to let 'mvn deploy' start one in the background");
      }
      LocalRuntimes.inBackground(
          settings.get("skyhop.local.runtimeJar").map(Path::of).orElse(null),
          url,
          dataDir(settings),
          listener);
    }
    String admin = token.orElseGet(() -> LocalRuntimeClient.readToken(dataDir(settings)));
    return new LocalRuntimeClient(url, admin);
  }

  @Override
  public DeployResult deploy(DeployRequest request, BuildListener listener) throws Exception {
    Manifest manifest = ManifestFile.read(request.skyhopDir());
    ClusterNames names = request.naming().cluster();
    String app = names.app();
    Path bundle = request.targetDir().resolve(request.app() + ".zip");
    if (request.dryRun()) {
      List<DeployResult.Function> plan = new ArrayList<>();
      for (Manifest.Function f : manifest.functions()) {
        plan.add(
            new DeployResult.Function(
                f.name(),
                app + "/" + f.name(),
                DeployResult.Action.UPDATE,
                describe(url(request.settings()), app, names, f),
                Map.of()));
      }
      listener.info("Dry run: would deploy " + bundle + " to " + url(request.settings()));
      return new DeployResult("local", request.app(), plan, Map.of());
    }
    LocalRuntimeClient client = connect(request, listener, true);
    LocalSecrets.requireValues(client, manifest, request.naming());
    boolean existed = client.app(app).isPresent();
    LocalRuntimeClient.DeployedApp deployed =
        client.deploy(app, StagedBundle.of(bundle, request.naming()));
    List<DeployResult.Function> functions = new ArrayList<>();
    for (Manifest.Function f : manifest.functions()) {
      Map<String, Object> details = new LinkedHashMap<>();
      deployed
          .function(f.name())
          .map(LocalRuntimeClient.DeployedFunction::key)
          .ifPresent(
              key ->
                  details.put(
                      "authorization",
                      "x-functions-key header (GET /_skyhop/apps/"
                          + app
                          + " with the admin token shows the key)"));
      functions.add(
          new DeployResult.Function(
              f.name(),
              app + "/" + f.name(),
              existed ? DeployResult.Action.UPDATED : DeployResult.Action.CREATED,
              describe(client.baseUrl(), app, names, f),
              details));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("url", client.baseUrl().toString());
    result.put("app", app);
    result.put("version", deployed.version());
    return new DeployResult(
        "local",
        request.app(),
        request.naming().stageLabel(),
        functions,
        resources(manifest, names, existed),
        result);
  }

  /** The runtime's queues and buckets of the app: created by the runtime on first use. */
  private static List<DeployResult.Resource> resources(
      Manifest manifest, ClusterNames names, boolean existed) {
    List<DeployResult.Resource> resources = new ArrayList<>();
    DeployResult.Action action =
        existed ? DeployResult.Action.UNCHANGED : DeployResult.Action.CREATED;
    for (Manifest.Function f : manifest.functions()) {
      Manifest.Trigger t = f.trigger();
      if ("queue".equals(f.triggerType())) {
        String logical = String.valueOf(t.queue());
        resources.add(
            new DeployResult.Resource(logical, "queue", names.queue(logical), true, action));
      } else if ("storage".equals(f.triggerType())) {
        String logical = String.valueOf(t.bucket());
        resources.add(
            new DeployResult.Resource(logical, "bucket", names.bucket(logical), true, action));
      }
    }
    return resources;
  }

  private static String describe(URI base, String app, ClusterNames names, Manifest.Function f) {
    Manifest.Trigger t = f.trigger();
    return switch (f.triggerType()) {
      case "http" -> t.methods() + " " + base + "/" + app + t.path();
      case "schedule" -> "schedule '" + t.cron() + "' " + t.timezone();
      case "queue" ->
          "queue '"
              + names.queue(String.valueOf(t.queue()))
              + "' (POST "
              + base
              + "/_skyhop/queues/"
              + names.queue(String.valueOf(t.queue()))
              + ")";
      default ->
          "bucket '"
              + names.bucket(String.valueOf(t.bucket()))
              + "' "
              + t.events()
              + " (PUT "
              + base
              + "/_skyhop/buckets/"
              + names.bucket(String.valueOf(t.bucket()))
              + "/<key>)";
    };
  }

  @Override
  public void remove(DeployRequest request, BuildListener listener) throws Exception {
    String app = request.naming().cluster().app();
    if (request.dryRun()) {
      listener.info("Dry run: would remove " + app + " from " + url(request.settings()));
      return;
    }
    LocalRuntimeClient client = connect(request, listener, false);
    if (client.remove(app)) {
      listener.info("Removed " + app + " from " + client.baseUrl());
    } else {
      listener.info(app + " is not deployed at " + client.baseUrl() + "; nothing to remove");
    }
  }
}
