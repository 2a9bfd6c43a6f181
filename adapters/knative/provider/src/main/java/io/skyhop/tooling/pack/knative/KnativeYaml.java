package io.skyhop.tooling.pack.knative;

import io.skyhop.core.FunctionDef;
import io.skyhop.core.Trigger;
import io.skyhop.tooling.secret.SecretNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code target/skyhop/knative/service.yaml}: the Knative Service of the app's HTTP functions, the
 * cluster-local Knative Service of its queue functions ({@code <app>-queues}), one {@code batch/v1}
 * CronJob per schedule function, then one Knative Eventing {@code Trigger} per queue function, as
 * YAML documents. With {@code Auth.FUNCTION} functions the HTTP Service mounts the Secret {@code
 * <app>-function-keys} (which deploy creates) and passes its path to the runtime. The image is
 * named by digest under {@value #REGISTRY}, which deploy replaces with {@code
 * skyhop.knative.registry} (and {@code envsubst} can replace by hand).
 */
public final class KnativeYaml {
  /** The placeholder of the registry in image references. */
  public static final String REGISTRY = "${SKYHOP_KNATIVE_REGISTRY}";

  /** Label naming the app on every resource. */
  public static final String APP_LABEL = "skyhop.io/app";

  /** Label naming the function a CronJob runs. */
  public static final String FUNCTION_LABEL = "skyhop.io/function";

  /** The standard label telling who manages a resource. */
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";

  /** Its value on what Skyhop creates. */
  public static final String MANAGED_BY = "skyhop";

  /** Knative Serving's label that keeps a Service off the cluster's public ingress. */
  public static final String VISIBILITY_LABEL = "networking.knative.dev/visibility";

  /** The container arguments of the queue Service: single-app mode serving queue functions. */
  static final List<String> QUEUES_ARGS = List.of("--serve", "queues");

  /**
   * Where the HTTP Service mounts the Secret {@code <app>-function-keys}: one file per {@code
   * Auth.FUNCTION} function, read by the runtime's {@value #FUNCTION_KEYS_OPTION}.
   */
  public static final String FUNCTION_KEYS_PATH = "/etc/skyhop/function-keys";

  /** The runtime option naming the directory of the function keys. */
  static final String FUNCTION_KEYS_OPTION = "--function-keys";

  /** The name of the Secret's volume in the Service's pods. */
  static final String FUNCTION_KEYS_VOLUME = "function-keys";

  /** Where the app's Secret of secret values is mounted: the runtime's secret volume. */
  public static final String SECRETS_PATH = ImageLayout.DATA_DIR + "/secrets-volume";

  static final String SECRETS_VOLUME = "secrets";

  /** How many times Kubernetes retries a failed schedule run. */
  static final int SCHEDULE_RETRIES = 2;

  /** Time a schedule run gets to pull the image and start, on top of the function's timeout. */
  static final int SCHEDULE_START_SECONDS = 120;

  private KnativeYaml() {}

  /** The image reference the resources use: {@code ${SKYHOP_KNATIVE_REGISTRY}/<app>@<digest>}. */
  public static String image(String app, String digest) {
    return REGISTRY + "/" + app + "@" + digest;
  }

  /** The whole file: a header comment, then the documents. */
  static String write(KnativeApp app, KnativeQueues queues, String image, String tarName) {
    List<Map<String, Object>> documents = new ArrayList<>();
    if (!app.http().isEmpty()) {
      documents.add(service(app.app(), app, app.http(), image, List.of(), false));
    }
    if (!app.queues().isEmpty()) {
      documents.add(
          service(
              KnativeApp.queuesService(app.app()), app, app.queues(), image, QUEUES_ARGS, true));
    }
    for (FunctionDef f : app.schedules()) {
      documents.add(cronJob(app, f, image));
    }
    for (FunctionDef f : app.queues()) {
      documents.add(trigger(app, f, queues));
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setExplicitStart(true);
    options.setWidth(120);
    String header =
        "# "
            + app.app()
            + " "
            + app.version()
            + " on Knative, written by skyhop:package.\n"
            + "# skyhop:deploy -Dskyhop.target=knative pushes "
            + tarName
            + " to skyhop.knative.registry and\n"
            + "# applies these documents with "
            + REGISTRY
            + " replaced by it. By hand:\n"
            + "#   skopeo copy oci-archive:"
            + tarName
            + " docker://REGISTRY/"
            + app.app()
            + ":"
            + ContainerImage.name(app).getQualifier()
            + "\n"
            + "#   SKYHOP_KNATIVE_REGISTRY=REGISTRY envsubst < service.yaml | kubectl apply -f -\n";
    return header + new Yaml(options).dumpAll(documents.iterator());
  }

  /**
   * A Knative Service running the image in single-app mode for {@code functions}: the HTTP
   * functions (no arguments), or the queue functions ({@link #QUEUES_ARGS}, cluster-local: only the
   * Broker, inside the cluster, calls it).
   */
  static Map<String, Object> service(
      String name,
      KnativeApp app,
      List<FunctionDef> functions,
      String image,
      List<String> args,
      boolean clusterLocal) {
    Map<String, Object> annotations = new LinkedHashMap<>();
    annotations.put("autoscaling.knative.dev/min-scale", String.valueOf(app.minScale(functions)));
    annotations.put(
        "autoscaling.knative.dev/max-scale", String.valueOf(KnativeApp.maxScale(functions)));
    boolean keyed = !KnativeApp.keyed(functions).isEmpty();
    List<String> allArgs = new ArrayList<>(args);
    if (keyed) {
      allArgs.addAll(List.of(FUNCTION_KEYS_OPTION, FUNCTION_KEYS_PATH));
    }
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("name", "app");
    container.put("image", image);
    if (!allArgs.isEmpty()) {
      container.put("args", allArgs);
    }
    container.put("ports", List.of(map("name", "http1", "containerPort", ImageLayout.PORT)));
    container.put("env", List.of(map("name", "TZ", "value", "UTC")));
    container.put("resources", memory(KnativeApp.memoryMb(functions)));
    container.put("readinessProbe", probe(1, 1));
    container.put("livenessProbe", probe(10, 3));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("containerConcurrency", 1);
    spec.put("timeoutSeconds", KnativeApp.timeoutSeconds(functions));
    spec.put("containers", List.of(container));
    if (keyed) {
      mountFunctionKeys(app, container, spec);
    }
    if (functions.stream().anyMatch(f -> !f.secrets().isEmpty())) {
      mountSecrets(app, container, spec);
    }
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("metadata", map("labels", labels(app, null), "annotations", annotations));
    template.put("spec", spec);
    Map<String, Object> metadata = metadata(name, app, null);
    if (clusterLocal) {
      labels(metadata).put(VISIBILITY_LABEL, "cluster-local");
    }
    return resource("serving.knative.dev/v1", "Service", metadata, map("template", template));
  }

  /**
   * Mounts the Secret of the function keys read-only at {@value #FUNCTION_KEYS_PATH}: a file per
   * key, so the keys are neither in the pod's environment (inherited by function workers) nor in
   * {@code kubectl describe}. A missing Secret keeps the pod from starting (not optional).
   */
  private static void mountFunctionKeys(
      KnativeApp app, Map<String, Object> container, Map<String, Object> spec) {
    container.put(
        "volumeMounts",
        List.of(
            map("name", FUNCTION_KEYS_VOLUME, "mountPath", FUNCTION_KEYS_PATH, "readOnly", true)));
    spec.put(
        "volumes",
        List.of(
            map(
                "name",
                FUNCTION_KEYS_VOLUME,
                "secret",
                map("secretName", KnativeApp.functionKeysSecret(app.app())))));
  }

  /**
   * Mounts the Secret holding the app's secret values ({@code <app>-secrets}, one key per declared
   * name) read-only at {@value #SECRETS_PATH}, where the runtime's secret store reads them and
   * hands each worker the values of its function's declared names: never in the pod's environment,
   * so neither in {@code kubectl describe} nor in {@code /proc/<pid>/environ}. A missing Secret
   * keeps the pod from starting.
   */
  private static void mountSecrets(
      KnativeApp app, Map<String, Object> container, Map<String, Object> spec) {
    List<Object> mounts = new ArrayList<>(listOf(container.get("volumeMounts")));
    mounts.add(map("name", SECRETS_VOLUME, "mountPath", SECRETS_PATH, "readOnly", true));
    container.put("volumeMounts", mounts);
    List<Object> volumes = new ArrayList<>(listOf(spec.get("volumes")));
    volumes.add(
        map(
            "name",
            SECRETS_VOLUME,
            "secret",
            map("secretName", SecretNames.knative(app.app(), Optional.empty()))));
    spec.put("volumes", volumes);
  }

  private static List<?> listOf(Object value) {
    return value == null ? List.of() : (List<?>) value;
  }

  /**
   * The Trigger feeding a queue function: the Broker's events of type {@code
   * io.skyhop.queue.<queue>} go to {@code /_skyhop/events/queues/<queue>} of the queue Service,
   * with retries and the dead-letter sink of {@code queues}.
   */
  static Map<String, Object> trigger(KnativeApp app, FunctionDef f, KnativeQueues queues) {
    String queue = ((Trigger.Queue) f.trigger()).queue();
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("apiVersion", "serving.knative.dev/v1");
    ref.put("kind", "Service");
    ref.put("name", KnativeApp.queuesService(app.app()));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("broker", queues.broker());
    spec.put("filter", map("attributes", map("type", KnativeQueues.eventType(queue))));
    spec.put("subscriber", map("ref", ref, "uri", KnativeQueues.path(queue)));
    spec.put("delivery", queues.delivery());
    return resource(
        "eventing.knative.dev/v1",
        "Trigger",
        metadata(KnativeApp.triggerName(app.app(), f), app, f.name()),
        spec);
  }

  /** The CronJob running a schedule function: the image with {@code --invoke <function>}. */
  static Map<String, Object> cronJob(KnativeApp app, FunctionDef f, String image) {
    Trigger.Schedule schedule = (Trigger.Schedule) f.trigger();
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("name", f.name());
    container.put("image", image);
    container.put("args", List.of("--invoke", f.name()));
    container.put("env", List.of(map("name", "TZ", "value", "UTC")));
    container.put("resources", memory(f.memoryMb() + KnativeApp.RUNTIME_OVERHEAD_MB));
    Map<String, Object> pod = new LinkedHashMap<>();
    pod.put("restartPolicy", "Never");
    pod.put("containers", List.of(container));
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("backoffLimit", SCHEDULE_RETRIES);
    job.put("activeDeadlineSeconds", f.timeoutSeconds() + SCHEDULE_START_SECONDS);
    job.put("template", map("metadata", map("labels", labels(app, f.name())), "spec", pod));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("schedule", schedule.cron());
    spec.put("timeZone", schedule.timezone());
    spec.put("concurrencyPolicy", "Forbid");
    spec.put("startingDeadlineSeconds", 300);
    spec.put("successfulJobsHistoryLimit", 1);
    spec.put("failedJobsHistoryLimit", 3);
    spec.put("jobTemplate", map("spec", job));
    return resource(
        "batch/v1", "CronJob", metadata(KnativeApp.cronJobName(app.app(), f), app, f.name()), spec);
  }

  private static Map<String, Object> resource(
      String apiVersion, String kind, Map<String, Object> metadata, Map<String, Object> spec) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("apiVersion", apiVersion);
    r.put("kind", kind);
    r.put("metadata", metadata);
    r.put("spec", spec);
    return r;
  }

  private static Map<String, Object> metadata(String name, KnativeApp app, String function) {
    return map("name", name, "labels", labels(app, function));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> labels(Map<String, Object> metadata) {
    return (Map<String, Object>) metadata.get("labels");
  }

  private static Map<String, Object> labels(KnativeApp app, String function) {
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put(APP_LABEL, app.app());
    if (function != null) {
      labels.put(FUNCTION_LABEL, function);
    }
    labels.put(MANAGED_BY_LABEL, MANAGED_BY);
    return labels;
  }

  private static Map<String, Object> memory(int mb) {
    String amount = mb + "Mi";
    return map("requests", map("memory", amount), "limits", map("memory", amount));
  }

  private static Map<String, Object> probe(int periodSeconds, int failureThreshold) {
    Map<String, Object> probe = new LinkedHashMap<>();
    probe.put("httpGet", map("path", ImageLayout.HEALTH_PATH));
    probe.put("periodSeconds", periodSeconds);
    probe.put("failureThreshold", failureThreshold);
    return probe;
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
