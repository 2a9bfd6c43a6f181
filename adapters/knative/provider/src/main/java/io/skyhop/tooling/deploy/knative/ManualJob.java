package io.skyhop.tooling.deploy.knative;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Job {@code kubectl create job --from=cronjob/<name>} makes of a CronJob: its {@code
 * jobTemplate}'s labels, annotations and spec, the annotation {@code
 * cronjob.kubernetes.io/instantiate: manual}, and the CronJob as controlling owner.
 */
final class ManualJob {
  private ManualJob() {}

  /**
   * The Job to create.
   *
   * @param cronJob the CronJob as the API server returned it (plain JSON values)
   * @param name the Job's name
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> of(Map<String, Object> cronJob, String name) {
    Map<String, Object> meta = (Map<String, Object>) cronJob.get("metadata");
    Map<String, Object> template =
        (Map<String, Object>) ((Map<String, Object>) cronJob.get("spec")).get("jobTemplate");
    Map<String, Object> templateMeta =
        (Map<String, Object>) template.getOrDefault("metadata", Map.of());
    Map<String, Object> annotations =
        new LinkedHashMap<>(
            (Map<String, Object>) templateMeta.getOrDefault("annotations", Map.of()));
    annotations.put("cronjob.kubernetes.io/instantiate", "manual");
    Map<String, Object> owner = new LinkedHashMap<>();
    owner.put("apiVersion", "batch/v1");
    owner.put("kind", "CronJob");
    owner.put("name", meta.get("name"));
    owner.put("uid", meta.get("uid"));
    owner.put("controller", true);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("labels", templateMeta.getOrDefault("labels", Map.of()));
    metadata.put("annotations", annotations);
    metadata.put("ownerReferences", List.of(owner));
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("apiVersion", "batch/v1");
    job.put("kind", "Job");
    job.put("metadata", metadata);
    job.put("spec", template.get("spec"));
    return job;
  }
}
