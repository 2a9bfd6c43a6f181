package io.skyhop.tooling.deploy.knative;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Deployer;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.pack.knative.ImageLayout;
import io.skyhop.tooling.pack.knative.KnativePackager;
import io.skyhop.tooling.pack.knative.KnativeQueues;
import io.skyhop.tooling.pack.knative.KnativeYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code skyhop:deploy -Dskyhop.target=knative}: pushes {@code knative/<app>-image.tar} to {@code
 * skyhop.knative.registry}, creates the Secret of the function keys when the app has {@code
 * Auth.FUNCTION} functions ({@link FunctionKeySecret}: never rotated), creates or updates the
 * Knative Services, CronJobs and Knative Eventing Triggers of {@code knative/service.yaml} in
 * {@code skyhop.knative.namespace} (deleting those of functions that are gone), warns when the
 * Triggers' Broker is missing, waits until the Services are Ready and reports the URL. Remove
 * deletes the Services, CronJobs, Triggers, the Secret and the ConfigMap of last good revisions
 * ({@link KnativeReleases}) Skyhop manages for the app, and nothing else.
 */
public final class KnativeDeployer implements Deployer {
  @Override
  public void validate(DeployRequest request) {
    KnativeSettings.of(request.settings());
    for (Path file : List.of(yaml(request), tarball(request))) {
      if (!Files.isRegularFile(file)) {
        throw new ConfigurationException(
            "skyhop.targets",
            file
                + " is missing. Fix: run 'mvn package' with knative in skyhop.targets before"
                + " deploying");
      }
    }
  }

  @Override
  public DeployResult deploy(DeployRequest request, BuildListener listener) throws Exception {
    KnativeSettings settings = KnativeSettings.of(request.settings());
    Manifest manifest = ManifestFile.read(request.skyhopDir());
    Desired desired =
        StagedResources.of(Desired.read(yaml(request), settings.registry()), request.naming());
    String app = request.naming().cluster().app();
    String image = push(request, settings, manifest, listener);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("image", image);
    details.put("namespace", settings.namespace());
    try (Cluster cluster = Cluster.connect(settings)) {
      details.put("server", cluster.server());
      FunctionKeySecret.apply(cluster, manifest, app, request.dryRun(), listener);
      Map<String, DeployResult.Action> services =
          applyServices(cluster, desired, app, request, listener);
      Map<String, DeployResult.Action> jobs =
          applyAll(cluster, Cluster.CRONJOB, desired.cronJobs(), app, request, listener);
      Map<String, DeployResult.Action> triggers =
          applyAll(cluster, Cluster.TRIGGER, desired.triggers(), app, request, listener);
      checkBroker(cluster, desired, listener);
      String url = null;
      if (!request.dryRun() && settings.readyTimeoutSeconds() > 0) {
        for (Map<String, Object> service : desired.services()) {
          String name = Desired.name(service);
          ReadyWait.Ready ready =
              ReadyWait.await(cluster, name, settings.readyTimeoutSeconds(), listener);
          listener.info(
              "knative: Service "
                  + name
                  + " is Ready at "
                  + ready.url()
                  + " ("
                  + ready.revision()
                  + ")");
          if (name.equals(app)) {
            url = ready.url();
            details.put("url", url);
            details.put("revision", ready.revision());
          } else {
            details.put("queuesRevision", ready.revision());
          }
        }
      }
      return new DeployResult(
          request.target().id(),
          app,
          DeployedFunctions.of(manifest, request.naming(), app, url, services, jobs, triggers),
          details);
    }
  }

  @Override
  public void remove(DeployRequest request, BuildListener listener) throws Exception {
    KnativeSettings settings = KnativeSettings.of(request.settings());
    String app = request.naming().cluster().app();
    try (Cluster cluster = Cluster.connect(settings)) {
      int removed = 0;
      for (ResourceDefinitionContext type :
          List.of(
              Cluster.TRIGGER,
              Cluster.SERVICE,
              Cluster.CRONJOB,
              Cluster.SECRET,
              KnativeReleases.CONFIGMAP)) {
        for (GenericKubernetesResource resource : cluster.managed(type, app)) {
          String name = resource.getMetadata().getName();
          if (!request.dryRun()) {
            cluster.delete(type, name);
          }
          listener.info(verb(request, "deleted") + " " + kind(type) + " " + name);
          removed++;
        }
      }
      if (removed == 0) {
        listener.info("knative: nothing of app " + app + " in namespace " + settings.namespace());
      }
    }
  }

  private static String push(
      DeployRequest request, KnativeSettings settings, Manifest manifest, BuildListener listener)
      throws IOException {
    String tag = ImageLayout.tag(manifest.version());
    Path dir = Files.createTempDirectory("skyhop-knative-image");
    try {
      OciArchive archive = OciArchive.unpack(tarball(request), dir);
      String packaged = KnativeYaml.image(request.app(), archive.manifestDigest());
      if (!Files.readString(yaml(request)).contains(packaged)) {
        throw new ConfigurationException(
            "skyhop.targets",
            yaml(request)
                + " does not name the image in "
                + tarball(request).getFileName()
                + " ("
                + packaged
                + "): they come from different builds. Fix: run 'mvn package' again");
      }
      String image = settings.registry() + "/" + request.app() + "@" + archive.manifestDigest();
      if (request.dryRun()) {
        listener.info("knative: would push " + image + " (tag " + tag + ")");
        return image;
      }
      ImagePush.Pushed pushed = ImagePush.push(archive, settings, request.app(), tag, listener);
      listener.info(
          "knative: "
              + (pushed.sent() ? "pushed " : "the registry holds ")
              + pushed.image()
              + " (tag "
              + tag
              + ")");
      return pushed.image();
    } finally {
      deleteTree(dir);
    }
  }

  /** Applies the Services; deletes the app's other Services (their kind of function is gone). */
  private static Map<String, DeployResult.Action> applyServices(
      Cluster cluster, Desired desired, String app, DeployRequest request, BuildListener listener) {
    Map<String, DeployResult.Action> actions = new LinkedHashMap<>();
    for (Map<String, Object> service : desired.services()) {
      String name = Desired.name(service);
      Optional<GenericKubernetesResource> existing = cluster.get(Cluster.SERVICE, name);
      existing.ifPresent(e -> requireManaged(e, app, cluster));
      DeployResult.Action action =
          cluster.apply(Cluster.SERVICE, service, existing, request.dryRun());
      listener.info("knative: Service " + name + " " + action.name().toLowerCase());
      actions.put(name, action);
    }
    for (GenericKubernetesResource stale : cluster.managed(Cluster.SERVICE, app)) {
      String name = stale.getMetadata().getName();
      if (!actions.containsKey(name)) {
        if (!request.dryRun()) {
          cluster.delete(Cluster.SERVICE, name);
        }
        listener.info(
            verb(request, "deleted")
                + " Knative Service "
                + name
                + (name.equals(app) ? " (no HTTP function)" : " (no queue function)"));
      }
    }
    return actions;
  }

  /** Applies CronJobs or Triggers; deletes the app's others (their function is gone). */
  private static Map<String, DeployResult.Action> applyAll(
      Cluster cluster,
      ResourceDefinitionContext type,
      List<Map<String, Object>> desired,
      String app,
      DeployRequest request,
      BuildListener listener) {
    Map<String, DeployResult.Action> actions = new LinkedHashMap<>();
    for (Map<String, Object> resource : desired) {
      String name = Desired.name(resource);
      Optional<GenericKubernetesResource> existing = cluster.get(type, name);
      existing.ifPresent(e -> requireManaged(e, app, cluster));
      actions.put(name, cluster.apply(type, resource, existing, request.dryRun()));
    }
    for (GenericKubernetesResource stale : cluster.managed(type, app)) {
      String name = stale.getMetadata().getName();
      if (!actions.containsKey(name)) {
        if (!request.dryRun()) {
          cluster.delete(type, name);
        }
        listener.info(
            verb(request, "deleted") + " " + kind(type) + " " + name + " (its function is gone)");
      }
    }
    return actions;
  }

  /** Warns when the Broker of the Triggers is missing: nothing is delivered until it exists. */
  @SuppressWarnings("unchecked")
  private static void checkBroker(Cluster cluster, Desired desired, BuildListener listener) {
    if (desired.triggers().isEmpty()) {
      return;
    }
    String broker =
        (String) ((Map<String, Object>) desired.triggers().get(0).get("spec")).get("broker");
    if (cluster.get(Cluster.BROKER, broker).isEmpty()) {
      listener.warn(
          "knative: Broker '"
              + broker
              + "' does not exist in namespace "
              + cluster.namespace()
              + ": the queue Triggers stay not Ready and no message is delivered until it does."
              + " Fix: kn broker create "
              + broker
              + " -n "
              + cluster.namespace()
              + ", or package with -D"
              + KnativeQueues.BROKER
              + "=<an existing Broker>");
    }
  }

  private static String kind(ResourceDefinitionContext type) {
    return type == Cluster.SERVICE ? "Knative Service" : type.getKind();
  }

  /**
   * Refuses a resource of the app's name that Skyhop does not manage for this app.
   *
   * @throws ConfigurationException naming it and the fix
   */
  static void requireManaged(GenericKubernetesResource existing, String app, Cluster cluster) {
    if (!managed(existing, app)) {
      throw new ConfigurationException(
          "skyhop.app",
          app,
          "names "
              + existing.getKind()
              + " '"
              + existing.getMetadata().getName()
              + "' in namespace "
              + cluster.namespace()
              + ", which Skyhop does not manage for this app (labels "
              + KnativeYaml.MANAGED_BY_LABEL
              + "="
              + KnativeYaml.MANAGED_BY
              + ", "
              + KnativeYaml.APP_LABEL
              + "="
              + app
              + "). Fix: set -Dskyhop.app to another name, or delete that resource");
    }
  }

  private static boolean managed(GenericKubernetesResource resource, String app) {
    Map<String, String> labels = resource.getMetadata().getLabels();
    return labels != null
        && KnativeYaml.MANAGED_BY.equals(labels.get(KnativeYaml.MANAGED_BY_LABEL))
        && app.equals(labels.get(KnativeYaml.APP_LABEL));
  }

  private static String verb(DeployRequest request, String done) {
    return "knative: " + (request.dryRun() ? "would be " : "") + done;
  }

  private static Path yaml(DeployRequest request) {
    return request.targetDir().resolve(KnativePackager.SERVICE_YAML);
  }

  private static Path tarball(DeployRequest request) {
    return request.targetDir().resolve(ImageLayout.tarName(request.app()));
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
