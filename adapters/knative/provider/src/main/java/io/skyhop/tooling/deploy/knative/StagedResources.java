package io.skyhop.tooling.deploy.knative;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.pack.knative.KnativeQueues;
import io.skyhop.tooling.pack.knative.KnativeYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resources of {@code service.yaml} for one stage. Without a stage they are as packaged. With
 * one, every name {@code <app>…} becomes {@code <app>-<stage>…} (Services, CronJobs, Triggers, the
 * function-key Secret and the references between them), every label {@value KnativeYaml#APP_LABEL}
 * names {@code <app>-<stage>} and {@value #STAGE_LABEL} the stage, and each queue Trigger selects
 * the stage's own CloudEvents type ({@code io.skyhop.queue.<app>-<stage>-<queue>}) while it still
 * delivers to the runtime's path of the logical queue, which the image's index knows. Two stages in
 * one namespace thus share nothing.
 */
final class StagedResources {
  /** The label naming the stage. */
  static final String STAGE_LABEL = "skyhop.io/stage";

  /** CronJob names: Kubernetes appends a suffix to its Jobs. */
  static final int MAX_CRONJOB = 52;

  /** Other object names: DNS labels. */
  static final int MAX_NAME = 63;

  private StagedResources() {}

  /** {@code desired} for {@code naming}'s stage. */
  static Desired of(Desired desired, Naming naming) {
    if (naming.stage().isEmpty()) {
      return desired;
    }
    StagedResources.Renamer r = new Renamer(naming);
    return new Desired(
        r.all(desired.services(), MAX_NAME),
        r.all(desired.cronJobs(), MAX_CRONJOB),
        r.all(desired.triggers(), MAX_NAME));
  }

  private record Renamer(Naming naming) {
    List<Map<String, Object>> all(List<Map<String, Object>> resources, int max) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> resource : resources) {
        Map<String, Object> copy = deepCopy(resource);
        Map<String, Object> metadata = map(copy, "metadata");
        metadata.put("name", name((String) metadata.get("name"), max));
        label(metadata);
        Map<String, Object> spec = map(copy, "spec");
        switch (String.valueOf(copy.get("kind"))) {
          case "Service" -> service(spec);
          case "CronJob" ->
              label(map(map(map(map(spec, "jobTemplate"), "spec"), "template"), "metadata"));
          case "Trigger" -> trigger(spec);
          default -> {}
        }
        out.add(copy);
      }
      return List.copyOf(out);
    }

    private void service(Map<String, Object> spec) {
      Map<String, Object> template = map(spec, "template");
      label(map(template, "metadata"));
      Object volumes = map(template, "spec").get("volumes");
      if (volumes instanceof List<?> list) {
        for (Object v : list) {
          Object secret = ((Map<?, ?>) v).get("secret");
          if (secret instanceof Map<?, ?> s && s.get("secretName") instanceof String name) {
            @SuppressWarnings("unchecked")
            Map<String, Object> writable = (Map<String, Object>) s;
            writable.put("secretName", name(name, MAX_NAME));
          }
        }
      }
    }

    private void trigger(Map<String, Object> spec) {
      Map<String, Object> ref = map(map(spec, "subscriber"), "ref");
      ref.put("name", name((String) ref.get("name"), MAX_NAME));
      Map<String, Object> attributes = map(map(spec, "filter"), "attributes");
      attributes.put("type", eventType(naming, (String) attributes.get("type")));
    }

    String name(String packaged, int max) {
      return StagedResources.name(naming, packaged, max);
    }

    private void label(Map<String, Object> metadata) {
      Map<String, Object> labels = map(metadata, "labels");
      labels.put(KnativeYaml.APP_LABEL, naming.cluster().app());
      labels.put(STAGE_LABEL, naming.stageLabel());
    }
  }

  /** A queue's CloudEvents type for the stage: {@code io.skyhop.queue.<app>-<stage>-<queue>}. */
  static String eventType(Naming naming, String packagedType) {
    String queue = packagedType.substring(KnativeQueues.TYPE_PREFIX.length());
    return KnativeQueues.eventType(naming.cluster().queue(queue));
  }

  /**
   * A packaged object name {@code <app>…} as {@code <app>-<stage>…} (as is without a stage).
   *
   * @throws ConfigurationException naming {@code skyhop.stage} when it exceeds {@code max}
   */
  static String name(Naming naming, String packaged, int max) {
    String app = naming.app();
    if (naming.stage().isEmpty() || !packaged.equals(app) && !packaged.startsWith(app + "-")) {
      return packaged;
    }
    String staged = naming.cluster().app() + packaged.substring(app.length());
    if (staged.length() > max) {
      throw new ConfigurationException(
          Naming.STAGE,
          naming.stageLabel(),
          "makes the Kubernetes name '"
              + staged
              + "' longer than "
              + max
              + " characters. Fix: use a shorter skyhop.stage or skyhop.app");
    }
    return staged;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<>());
  }

  @SuppressWarnings("unchecked")
  private static <T> T deepCopy(T value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
      return (T) copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(v -> copy.add(deepCopy(v)));
      return (T) copy;
    }
    return value;
  }
}
