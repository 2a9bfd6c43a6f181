package io.skyhop.tooling.deploy.knative;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployManifest;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Deployer;
import io.skyhop.tooling.pack.knative.ImageLayout;
import io.skyhop.tooling.pack.knative.KnativePackager;
import io.skyhop.tooling.pack.knative.KnativeYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code skyhop:deploy -Dskyhop.target=knative}: pushes {@code knative/<app>-image.tar} to {@code
 * skyhop.knative.registry}, creates or updates the Knative Service and the CronJobs of {@code
 * knative/service.yaml} in {@code skyhop.knative.namespace} (deleting CronJobs of schedules that
 * are gone), waits until the Service is Ready and reports its URL. Remove deletes the Service and
 * CronJobs Skyhop manages for the app, and nothing else.
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
    DeployManifest manifest = DeployManifest.read(request.skyhopDir());
    Desired desired = Desired.read(yaml(request), settings.registry());
    String app = request.app();
    String image = push(request, settings, manifest, listener);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("image", image);
    details.put("namespace", settings.namespace());
    try (Cluster cluster = Cluster.connect(settings)) {
      details.put("server", cluster.server());
      DeployResult.Action serviceAction = applyService(cluster, desired, app, request, listener);
      Map<String, DeployResult.Action> jobs =
          applyCronJobs(cluster, desired, app, request, listener);
      String url = null;
      if (desired.service() != null && !request.dryRun() && settings.readyTimeoutSeconds() > 0) {
        ReadyWait.Ready ready =
            ReadyWait.await(cluster, app, settings.readyTimeoutSeconds(), listener);
        url = ready.url();
        details.put("url", url);
        details.put("revision", ready.revision());
        listener.info(
            "knative: Service " + app + " is Ready at " + url + " (" + ready.revision() + ")");
      }
      return new DeployResult(
          request.target().id(), app, functions(manifest, app, url, serviceAction, jobs), details);
    }
  }

  @Override
  public void remove(DeployRequest request, BuildListener listener) throws Exception {
    KnativeSettings settings = KnativeSettings.of(request.settings());
    String app = request.app();
    try (Cluster cluster = Cluster.connect(settings)) {
      int removed = 0;
      Optional<GenericKubernetesResource> service = cluster.get(Cluster.SERVICE, app);
      if (service.isPresent() && managed(service.get(), app)) {
        if (!request.dryRun()) {
          cluster.delete(Cluster.SERVICE, app);
        }
        listener.info(verb(request, "deleted") + " Knative Service " + app);
        removed++;
      }
      for (GenericKubernetesResource job : cluster.managed(Cluster.CRONJOB, app)) {
        if (!request.dryRun()) {
          cluster.delete(Cluster.CRONJOB, job.getMetadata().getName());
        }
        listener.info(verb(request, "deleted") + " CronJob " + job.getMetadata().getName());
        removed++;
      }
      if (removed == 0) {
        listener.info("knative: nothing of app " + app + " in namespace " + settings.namespace());
      }
    }
  }

  private static String push(
      DeployRequest request,
      KnativeSettings settings,
      DeployManifest manifest,
      BuildListener listener)
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
          "knative: pushed "
              + pushed.image()
              + " (tag "
              + tag
              + "; "
              + pushed.pushed()
              + " blobs uploaded, "
              + pushed.present()
              + " already there)");
      return pushed.image();
    } finally {
      deleteTree(dir);
    }
  }

  private static DeployResult.Action applyService(
      Cluster cluster, Desired desired, String app, DeployRequest request, BuildListener listener) {
    Optional<GenericKubernetesResource> existing = cluster.get(Cluster.SERVICE, app);
    existing.ifPresent(e -> requireManaged(e, app, cluster));
    if (desired.service() == null) {
      if (existing.isPresent()) {
        if (!request.dryRun()) {
          cluster.delete(Cluster.SERVICE, app);
        }
        listener.info(verb(request, "deleted") + " Knative Service " + app + " (no HTTP function)");
      }
      return null;
    }
    DeployResult.Action action =
        cluster.apply(Cluster.SERVICE, desired.service(), existing, request.dryRun());
    listener.info("knative: Service " + app + " " + action.name().toLowerCase());
    return action;
  }

  private static Map<String, DeployResult.Action> applyCronJobs(
      Cluster cluster, Desired desired, String app, DeployRequest request, BuildListener listener) {
    Map<String, DeployResult.Action> actions = new LinkedHashMap<>();
    for (Map<String, Object> job : desired.cronJobs()) {
      String name = Desired.name(job);
      Optional<GenericKubernetesResource> existing = cluster.get(Cluster.CRONJOB, name);
      existing.ifPresent(e -> requireManaged(e, app, cluster));
      actions.put(name, cluster.apply(Cluster.CRONJOB, job, existing, request.dryRun()));
    }
    for (GenericKubernetesResource stale : cluster.managed(Cluster.CRONJOB, app)) {
      String name = stale.getMetadata().getName();
      if (!actions.containsKey(name)) {
        if (!request.dryRun()) {
          cluster.delete(Cluster.CRONJOB, name);
        }
        listener.info(verb(request, "deleted") + " CronJob " + name + " (its function is gone)");
      }
    }
    return actions;
  }

  private static List<DeployResult.Function> functions(
      DeployManifest manifest,
      String app,
      String url,
      DeployResult.Action serviceAction,
      Map<String, DeployResult.Action> jobs) {
    List<DeployResult.Function> functions = new ArrayList<>();
    for (DeployManifest.Function f : manifest.functions()) {
      Map<String, Object> entry = f.target("knative");
      if ("http".equals(f.triggerType())) {
        String path = (String) entry.get("path");
        String endpoint = (url == null ? "<URL of Knative Service " + app + ">" : url) + path;
        functions.add(
            new DeployResult.Function(
                f.name(), app, serviceAction, endpoint, Map.of("service", app)));
      } else if ("schedule".equals(f.triggerType())) {
        String job = (String) entry.get("cronJob");
        functions.add(
            new DeployResult.Function(
                f.name(),
                job,
                jobs.get(job),
                "CronJob "
                    + job
                    + " '"
                    + f.trigger().get("cron")
                    + "' "
                    + f.trigger().get("timezone"),
                Map.of("cronJob", job)));
      }
    }
    return functions;
  }

  private static void requireManaged(
      GenericKubernetesResource existing, String app, Cluster cluster) {
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
