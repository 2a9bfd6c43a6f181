package io.skyhop.tooling.deploy.knative;

import com.google.gson.Gson;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.pack.knative.KnativeYaml;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Kubernetes API through fabric8 (kubeconfig or in-cluster credentials), in one namespace: the
 * Knative Services, CronJobs and Knative Eventing Triggers Skyhop manages, and the Secret of the
 * function keys, as generic resources.
 */
final class Cluster implements AutoCloseable {
  /** {@code serving.knative.dev/v1} Service. */
  static final ResourceDefinitionContext SERVICE =
      new ResourceDefinitionContext.Builder()
          .withGroup("serving.knative.dev")
          .withVersion("v1")
          .withKind("Service")
          .withPlural("services")
          .withNamespaced(true)
          .build();

  /** {@code batch/v1} CronJob. */
  static final ResourceDefinitionContext CRONJOB =
      new ResourceDefinitionContext.Builder()
          .withGroup("batch")
          .withVersion("v1")
          .withKind("CronJob")
          .withPlural("cronjobs")
          .withNamespaced(true)
          .build();

  /** {@code batch/v1} Job (only created: {@code skyhop:invoke} runs a CronJob now). */
  static final ResourceDefinitionContext JOB =
      new ResourceDefinitionContext.Builder()
          .withGroup("batch")
          .withVersion("v1")
          .withKind("Job")
          .withPlural("jobs")
          .withNamespaced(true)
          .build();

  /** {@code eventing.knative.dev/v1} Trigger. */
  static final ResourceDefinitionContext TRIGGER =
      new ResourceDefinitionContext.Builder()
          .withGroup("eventing.knative.dev")
          .withVersion("v1")
          .withKind("Trigger")
          .withPlural("triggers")
          .withNamespaced(true)
          .build();

  /** {@code eventing.knative.dev/v1} Broker (only read: deploy checks the Triggers' Broker). */
  static final ResourceDefinitionContext BROKER =
      new ResourceDefinitionContext.Builder()
          .withGroup("eventing.knative.dev")
          .withVersion("v1")
          .withKind("Broker")
          .withPlural("brokers")
          .withNamespaced(true)
          .build();

  /**
   * Core {@code v1} Secret: the function keys ({@code <app>-function-keys}). Its data is never put
   * in a message.
   */
  static final ResourceDefinitionContext SECRET =
      ResourceDefinitionContext.fromResourceType(io.fabric8.kubernetes.api.model.Secret.class);

  private final KubernetesClient client;
  private final String namespace;

  private Cluster(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /** Connects with the kubeconfig of the settings, or the standard chain. */
  static Cluster connect(KnativeSettings settings) {
    Config config =
        settings
            .kubeconfig()
            .map(p -> Config.fromKubeconfig(p.toFile()))
            .orElseGet(() -> Config.autoConfigure(null));
    return new Cluster(
        new KubernetesClientBuilder().withConfig(config).build(), settings.namespace());
  }

  /** The API server's URL (for messages). */
  String server() {
    return client.getMasterUrl().toString();
  }

  /** The namespace. */
  String namespace() {
    return namespace;
  }

  /** A resource, if it exists. */
  Optional<GenericKubernetesResource> get(ResourceDefinitionContext type, String name) {
    return call(type, "read", name, () -> Optional.ofNullable(ops(type).withName(name).get()));
  }

  /** The resources of a type that Skyhop manages for {@code app}. */
  List<GenericKubernetesResource> managed(ResourceDefinitionContext type, String app) {
    return call(
        type,
        "list",
        app,
        () ->
            ops(type)
                .withLabel(KnativeYaml.APP_LABEL, app)
                .withLabel(KnativeYaml.MANAGED_BY_LABEL, KnativeYaml.MANAGED_BY)
                .list()
                .getItems());
  }

  /**
   * Creates or updates a resource so that it holds everything {@code desired} says; a resource that
   * already does is left alone.
   *
   * @param existing the resource as it is, if it exists
   */
  DeployResult.Action apply(
      ResourceDefinitionContext type,
      Map<String, Object> desired,
      Optional<GenericKubernetesResource> existing,
      boolean dryRun) {
    String name = Desired.name(desired);
    GenericKubernetesResource wanted = resource(desired);
    if (existing.isEmpty()) {
      if (dryRun) {
        return DeployResult.Action.CREATE;
      }
      call(type, "create", name, () -> ops(type).resource(wanted).create());
      return DeployResult.Action.CREATED;
    }
    if (Subset.contains(json(existing.get()), desired)) {
      return DeployResult.Action.UNCHANGED;
    }
    if (dryRun) {
      return DeployResult.Action.UPDATE;
    }
    wanted.getMetadata().setResourceVersion(existing.get().getMetadata().getResourceVersion());
    call(type, "update", name, () -> ops(type).resource(wanted).update());
    return DeployResult.Action.UPDATED;
  }

  /** Deletes a resource; whether it existed. */
  boolean delete(ResourceDefinitionContext type, String name) {
    return call(type, "delete", name, () -> !ops(type).withName(name).delete().isEmpty());
  }

  /** A resource as plain JSON values (maps, lists, strings, numbers). */
  @SuppressWarnings("unchecked")
  Map<String, Object> json(GenericKubernetesResource resource) {
    return new Gson().fromJson(client.getKubernetesSerialization().asJson(resource), Map.class);
  }

  private GenericKubernetesResource resource(Map<String, Object> desired) {
    return client
        .getKubernetesSerialization()
        .unmarshal(new Gson().toJson(desired), GenericKubernetesResource.class);
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      ops(ResourceDefinitionContext type) {
    return client.genericKubernetesResources(type).inNamespace(namespace);
  }

  private <T> T call(ResourceDefinitionContext type, String verb, String name, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw KubeErrors.translate(e, this, type, verb, name);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
