package io.skyhop.tooling.deploy.knative;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.invoke.HttpCalls;
import io.skyhop.tooling.invoke.Invocation;
import io.skyhop.tooling.invoke.RemoteTarget;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.knative.KnativeApp;
import io.skyhop.tooling.pack.knative.KnativeEntry;
import io.skyhop.tooling.pack.knative.KnativeQueues;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code skyhop:invoke -Dskyhop.remote=true} on knative: an HTTP function through the Knative
 * Service's URL the deploy record holds, with its key (read through the Kubernetes API from the
 * Secret {@code <app>-function-keys}, never printed) in {@code x-functions-key} when it is {@code
 * Auth.FUNCTION}; a queue function by a CloudEvent (binary mode, type {@code
 * io.skyhop.queue.<queue>} of the stage) posted to its Broker's address, which the function's
 * Trigger delivers as Knative Eventing would; a schedule function by a Job from its CronJob.
 */
final class KnativeRemote implements RemoteTarget {
  /** The header the runtime in the pod takes a function's key from. */
  static final String KEY_HEADER = "x-functions-key";

  private final Cluster cluster;
  private final Naming naming;

  KnativeRemote(Cluster cluster, Naming naming) {
    this.cluster = cluster;
    this.naming = naming;
  }

  /** The remote target of {@code request}, with the kubeconfig of its settings. */
  static KnativeRemote open(DeployRequest request) {
    return new KnativeRemote(
        Cluster.connect(KnativeSettings.of(request.settings())), request.naming());
  }

  @Override
  public Invocation http(Manifest.Function function, String url, byte[] payload) throws Exception {
    String method = HttpCalls.method(function, payload);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (!HttpCalls.needsAuth(function)) {
      return HttpCalls.send(method, url, headers, payload, "Knative Service URL");
    }
    headers.put(KEY_HEADER, key(function.name()));
    return HttpCalls.send(
        method,
        url,
        headers,
        payload,
        "Knative Service URL, key from Secret "
            + KnativeApp.functionKeysSecret(naming.cluster().app())
            + " in "
            + KEY_HEADER);
  }

  @Override
  public Invocation queue(Manifest.Function function, byte[] payload) throws Exception {
    // the manifest's knative entry names the Broker; a function packaged without one is refused
    String broker = function.target("knative", KnativeEntry.class).broker();
    String type = KnativeQueues.eventType(naming.cluster().queue(HttpCalls.queue(function)));
    String address = brokerAddress(broker);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("ce-specversion", "1.0");
    headers.put("ce-id", UUID.randomUUID().toString());
    headers.put("ce-source", "/skyhop/invoke");
    headers.put("ce-type", type);
    String how = "CloudEvent " + type + " to Broker " + broker;
    try {
      return HttpCalls.send("POST", address, headers, payload, how);
    } catch (ConnectException e) {
      throw new ConfigurationException(
          "skyhop.function",
          function.name(),
          "could not be invoked: the address of Broker "
              + broker
              + ", "
              + address
              + ", does not answer from here. Fix: run skyhop:invoke where the cluster's"
              + " addresses resolve (e.g. in a pod, or over a VPN into the cluster)");
    } catch (IOException e) {
      throw new ConfigurationException(
          "skyhop.function",
          function.name(),
          "could not be invoked through Broker " + broker + " at " + address + ": " + e);
    }
  }

  /**
   * Runs the function's CronJob now, as {@code kubectl create job --from=cronjob/<job>} does: a Job
   * {@code <job>-<epoch seconds in base 36>} from the CronJob's {@code jobTemplate}, owned by the
   * CronJob (so its history limits clean it up).
   */
  @Override
  public Invocation schedule(Manifest.Function function) {
    String job =
        StagedResources.name(
            naming,
            function.target("knative", KnativeEntry.class).cronJob(),
            StagedResources.MAX_CRONJOB);
    long start = System.nanoTime();
    GenericKubernetesResource cronJob =
        cluster
            .get(Cluster.CRONJOB, job)
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "skyhop.function",
                        function.name(),
                        "has no CronJob "
                            + job
                            + " in namespace "
                            + cluster.namespace()
                            + ". Fix: deploy again (mvn deploy -Dskyhop.target=knative)"));
    // a CronJob name leaves 11 characters for its Jobs' suffix (MAX_CRONJOB)
    String name = job + "-" + Long.toString(Instant.now().getEpochSecond(), 36);
    cluster.apply(Cluster.JOB, ManualJob.of(cluster.json(cronJob), name), Optional.empty(), false);
    return new Invocation(
        201,
        "Job " + name + " created",
        Duration.ofNanos(System.nanoTime() - start),
        Optional.empty(),
        Optional.empty(),
        "Job from CronJob " + job + ", as kubectl create job --from=cronjob/" + job);
  }

  @Override
  public Invocation storage(Manifest.Function function, String key, byte[] payload) {
    throw notYet(function, "knative has no storage triggers");
  }

  private ConfigurationException notYet(Manifest.Function function, String fix) {
    return new ConfigurationException(
        "skyhop.function",
        function.name(),
        "has a "
            + function.triggerType()
            + " trigger, which skyhop:invoke -Dskyhop.remote=true cannot fire on knative yet. Fix: "
            + fix
            + ", or invoke it locally without skyhop.remote");
  }

  /** A function's key from the Secret deploy created; the value is never put in a message. */
  String key(String function) {
    String secret = KnativeApp.functionKeysSecret(naming.cluster().app());
    GenericKubernetesResource found =
        cluster
            .get(Cluster.SECRET, secret)
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "skyhop.function",
                        function,
                        "needs its key, but the Secret "
                            + secret
                            + " does not exist in namespace "
                            + cluster.namespace()
                            + ". Fix: deploy again (mvn deploy -Dskyhop.target=knative)"));
    Object data = cluster.json(found).get("data");
    Object value = data instanceof Map<?, ?> map ? map.get(function) : null;
    if (!(value instanceof String encoded)) {
      throw new ConfigurationException(
          "skyhop.function",
          function,
          "has no key in the Secret "
              + secret
              + " of namespace "
              + cluster.namespace()
              + ". Fix: deploy again (deploy adds a missing key)");
    }
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.US_ASCII);
  }

  /** The Broker's {@code status.address.url}, where Knative Eventing takes events. */
  @SuppressWarnings("unchecked")
  private String brokerAddress(String broker) {
    GenericKubernetesResource found =
        cluster
            .get(Cluster.BROKER, broker)
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        KnativeQueues.BROKER,
                        broker,
                        "is no Broker in namespace "
                            + cluster.namespace()
                            + ". Fix: create it (kn broker create "
                            + broker
                            + " -n "
                            + cluster.namespace()
                            + ")"));
    Object status = cluster.json(found).get("status");
    Object address =
        status instanceof Map<?, ?> s && s.get("address") instanceof Map<?, ?> a
            ? ((Map<String, Object>) a).get("url")
            : null;
    if (!(address instanceof String url) || url.isBlank()) {
      throw new ConfigurationException(
          KnativeQueues.BROKER,
          broker,
          "has no address yet (status.address.url). Fix: wait until it is Ready (kubectl get"
              + " broker "
              + broker
              + " -n "
              + cluster.namespace()
              + ")");
    }
    return url;
  }

  @Override
  public void close() {
    cluster.close();
  }
}
