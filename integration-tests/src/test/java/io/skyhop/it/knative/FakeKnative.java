package io.skyhop.it.knative;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Knative Serving's controller, as far as deploy can tell, against the mock API server: each
 * Service whose container image has no revision yet gets a new revision ({@code <name>-0000N}) and,
 * after {@code delayMillis}, a status saying so: {@code Ready=True}, {@code url}, {@code
 * observedGeneration}. Runs in its own thread until closed.
 */
final class FakeKnative implements AutoCloseable {
  static final ResourceDefinitionContext SERVICE =
      new ResourceDefinitionContext.Builder()
          .withGroup("serving.knative.dev")
          .withVersion("v1")
          .withKind("Service")
          .withPlural("services")
          .withNamespaced(true)
          .build();

  /** Knative Eventing's Trigger (the fake controller leaves Triggers alone). */
  static final ResourceDefinitionContext TRIGGER =
      new ResourceDefinitionContext.Builder()
          .withGroup("eventing.knative.dev")
          .withVersion("v1")
          .withKind("Trigger")
          .withPlural("triggers")
          .withNamespaced(true)
          .build();

  private final KubernetesClient kube;
  private final String namespace;
  private final long delayMillis;
  private final java.util.function.Function<String, String> url;
  private final Map<String, List<String>> revisions = new ConcurrentHashMap<>();
  private final Map<String, Long> firstSeen = new HashMap<>();
  private final Thread thread;
  private volatile boolean closed;
  private volatile RuntimeException failure;

  private FakeKnative(
      KubernetesClient kube,
      String namespace,
      long delayMillis,
      java.util.function.Function<String, String> url) {
    this.kube = kube;
    this.namespace = namespace;
    this.delayMillis = delayMillis;
    this.url = url;
    this.thread = new Thread(this::run, "fake-knative");
    thread.setDaemon(true);
  }

  /** Starts reconciling Services in {@code namespace}. */
  static FakeKnative start(KubernetesClient kube, String namespace, long delayMillis) {
    return start(
        kube, namespace, delayMillis, name -> "http://" + name + "." + namespace + ".example.com");
  }

  /** Starts reconciling, each Service's {@code status.url} given by {@code url} of its name. */
  static FakeKnative start(
      KubernetesClient kube,
      String namespace,
      long delayMillis,
      java.util.function.Function<String, String> url) {
    FakeKnative k = new FakeKnative(kube, namespace, delayMillis, url);
    k.thread.start();
    return k;
  }

  /** The images each Service had, one per revision, oldest first. */
  List<String> images(String service) {
    return List.copyOf(revisions.getOrDefault(service, List.of()));
  }

  private void run() {
    while (!closed) {
      try {
        for (GenericKubernetesResource s :
            kube.genericKubernetesResources(SERVICE).inNamespace(namespace).list().getItems()) {
          reconcile(s);
        }
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      } catch (KubernetesClientException e) {
        // a conflict with deploy's own update: reconcile again; a call that close() interrupted
        if (e.getCode() != 409 && !closed) {
          failure = e;
        }
      } catch (RuntimeException e) {
        if (!closed) {
          failure = e;
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void reconcile(GenericKubernetesResource service) {
    String name = service.getMetadata().getName();
    Map<String, Object> spec = (Map<String, Object>) service.getAdditionalProperties().get("spec");
    Map<String, Object> template = (Map<String, Object>) spec.get("template");
    List<Map<String, Object>> containers =
        (List<Map<String, Object>>) ((Map<String, Object>) template.get("spec")).get("containers");
    String image = (String) containers.get(0).get("image");
    List<String> images = revisions.computeIfAbsent(name, n -> new ArrayList<>());
    Map<String, Object> status =
        (Map<String, Object>) service.getAdditionalProperties().get("status");
    String revision = name + "-" + String.format("%05d", images.indexOf(image) + 1);
    if (status != null
        && revision.equals(status.get("latestReadyRevisionName"))
        && images.contains(image)) {
      return;
    }
    String key = name + "@" + image;
    long now = System.currentTimeMillis();
    if (now - firstSeen.computeIfAbsent(key, k -> now) < delayMillis) {
      return;
    }
    if (!images.contains(image)) {
      images.add(image);
    }
    revision = name + "-" + String.format("%05d", images.indexOf(image) + 1);
    Map<String, Object> ready = new LinkedHashMap<>();
    ready.put("type", "Ready");
    ready.put("status", "True");
    Map<String, Object> newStatus = new LinkedHashMap<>();
    if (service.getMetadata().getGeneration() != null) {
      newStatus.put("observedGeneration", service.getMetadata().getGeneration());
    }
    newStatus.put("url", url.apply(name));
    newStatus.put("latestCreatedRevisionName", revision);
    newStatus.put("latestReadyRevisionName", revision);
    newStatus.put("conditions", List.of(ready));
    service.getAdditionalProperties().put("status", newStatus);
    kube.genericKubernetesResources(SERVICE).inNamespace(namespace).resource(service).update();
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw new AssertionError("The fake Knative controller failed", failure);
    }
  }
}
