package io.skyhop.tooling.deploy.knative;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.pack.knative.KnativeYaml;
import io.skyhop.tooling.verify.Releases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Knative revisions as releases. A deploy that verified is remembered in the ConfigMap {@code
 * <app>-skyhop-releases} of the namespace (each Service of the app and its ready revision), on the
 * cluster, so any machine can roll back. Rolling back sets each Service's {@code spec.traffic} to
 * 100 % on its remembered revision (Knative keeps earlier revisions); the next deploy of a new
 * image writes the Service without {@code spec.traffic}, so traffic follows the latest revision
 * again.
 */
final class KnativeReleases implements Releases {
  /** Core {@code v1} ConfigMap. */
  static final ResourceDefinitionContext CONFIGMAP =
      ResourceDefinitionContext.fromResourceType(io.fabric8.kubernetes.api.model.ConfigMap.class);

  /** The ConfigMap of an app's last good revisions. */
  static String configMap(String app) {
    return app + "-skyhop-releases";
  }

  @Override
  public void keep(DeployRequest request, DeployResult result, BuildListener listener) {
    String app = request.naming().cluster().app();
    try (Cluster cluster = Cluster.connect(KnativeSettings.of(request.settings()))) {
      Map<String, String> revisions = new TreeMap<>();
      for (GenericKubernetesResource s : cluster.managed(Cluster.SERVICE, app)) {
        String name = s.getMetadata().getName();
        String ready = ServiceState.of(cluster.json(s)).latestReady();
        if (ready != null) {
          revisions.put(name, ready);
        }
      }
      String name = configMap(app);
      cluster.apply(CONFIGMAP, desired(app, revisions), cluster.get(CONFIGMAP, name), false);
      listener.info("knative: last good revisions " + revisions + " kept in ConfigMap " + name);
    }
  }

  @Override
  public Optional<String> restore(DeployRequest request, BuildListener listener) {
    String app = request.naming().cluster().app();
    try (Cluster cluster = Cluster.connect(KnativeSettings.of(request.settings()))) {
      Optional<GenericKubernetesResource> kept = cluster.get(CONFIGMAP, configMap(app));
      if (kept.isEmpty()) {
        return Optional.empty();
      }
      Map<String, Object> data = ServiceState.map(cluster.json(kept.get()).get("data"));
      List<String> restored = new ArrayList<>();
      for (Map.Entry<String, Object> e : new TreeMap<>(data).entrySet()) {
        String service = e.getKey();
        String revision = String.valueOf(e.getValue());
        Optional<GenericKubernetesResource> existing = cluster.get(Cluster.SERVICE, service);
        if (existing.isEmpty()) {
          continue;
        }
        Map<String, Object> pinned = cluster.json(existing.get());
        Map<String, Object> traffic = new LinkedHashMap<>();
        traffic.put("revisionName", revision);
        traffic.put("latestRevision", false);
        traffic.put("percent", 100);
        ServiceState.map(pinned.get("spec")).put("traffic", List.of(traffic));
        cluster.apply(Cluster.SERVICE, pinned, existing, false);
        listener.info("knative: Service " + service + " routes 100 % to revision " + revision);
        restored.add(revision);
      }
      return restored.isEmpty()
          ? Optional.empty()
          : Optional.of("Knative revision " + String.join(", ", restored));
    }
  }

  private static Map<String, Object> desired(String app, Map<String, String> revisions) {
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put(KnativeYaml.APP_LABEL, app);
    labels.put(KnativeYaml.MANAGED_BY_LABEL, KnativeYaml.MANAGED_BY);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", configMap(app));
    metadata.put("labels", labels);
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("apiVersion", "v1");
    map.put("kind", "ConfigMap");
    map.put("metadata", metadata);
    map.put("data", revisions);
    return map;
  }
}
