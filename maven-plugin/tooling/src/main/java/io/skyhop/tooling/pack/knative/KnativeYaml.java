package io.skyhop.tooling.pack.knative;

import io.skyhop.core.FunctionDef;
import io.skyhop.core.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code target/skyhop/knative/service.yaml}: the Knative Service of the app's HTTP functions, then
 * one {@code batch/v1} CronJob per schedule function, as YAML documents. The image is named by
 * digest under {@value #REGISTRY}, which deploy replaces with {@code skyhop.knative.registry} (and
 * {@code envsubst} can replace by hand).
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
  static String write(KnativeApp app, String image, String tarName) {
    List<Map<String, Object>> documents = new ArrayList<>();
    if (!app.http().isEmpty()) {
      documents.add(service(app, image));
    }
    for (FunctionDef f : app.schedules()) {
      documents.add(cronJob(app, f, image));
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

  /** The Knative Service serving the HTTP functions. */
  static Map<String, Object> service(KnativeApp app, String image) {
    Map<String, Object> annotations = new LinkedHashMap<>();
    annotations.put("autoscaling.knative.dev/min-scale", "0");
    annotations.put("autoscaling.knative.dev/max-scale", String.valueOf(app.maxScale()));
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("name", "app");
    container.put("image", image);
    container.put("ports", List.of(map("name", "http1", "containerPort", ImageLayout.PORT)));
    container.put("env", List.of(map("name", "TZ", "value", "UTC")));
    container.put("resources", memory(app.serviceMemoryMb()));
    container.put("readinessProbe", probe(1, 1));
    container.put("livenessProbe", probe(10, 3));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("containerConcurrency", 1);
    spec.put("timeoutSeconds", app.timeoutSeconds());
    spec.put("containers", List.of(container));
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("metadata", map("labels", labels(app, null), "annotations", annotations));
    template.put("spec", spec);
    return resource(
        "serving.knative.dev/v1",
        "Service",
        metadata(app.app(), app, null),
        map("template", template));
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
