package io.skyhop.tooling.deploy;

import java.util.List;
import java.util.Map;

/**
 * What a deploy did, written to {@code target/skyhop/deploy-<target>[-<stage>].json}.
 *
 * @param target the target id
 * @param app the app name
 * @param stage the stage ({@code skyhop.stage}), {@code ""} when unset
 * @param functions one entry per function
 * @param resources the queues, buckets, topics and other resources the triggers use, owned by
 *     Skyhop or brought by the user ({@code skyhop.resources.<logical>})
 * @param details target-specific facts (role ARN, function app, registry…), never secrets
 */
public record DeployResult(
    String target,
    String app,
    String stage,
    List<Function> functions,
    List<Resource> resources,
    Map<String, Object> details) {

  /** A result; a record written before stages (no stage, no resources) reads as unstaged. */
  public DeployResult {
    stage = stage == null ? "" : stage;
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  /** A result without stage or resources (a target that creates none). */
  public DeployResult(
      String target, String app, List<Function> functions, Map<String, Object> details) {
    this(target, app, "", functions, List.of(), details);
  }

  /** This result for a stage ({@code ""}: none). */
  public DeployResult withStage(String stage) {
    return new DeployResult(target, app, stage, functions, resources, details);
  }

  /**
   * A resource a trigger uses.
   *
   * @param logical the name in the annotation, e.g. {@code orders} of {@code @QueueTrigger}
   * @param kind e.g. {@code queue}, {@code dead-letter queue}, {@code bucket}, {@code topic}
   * @param physicalId the provider's id (ARN, URL, resource path)
   * @param owned whether Skyhop created it and removes it; false for bring-your-own resources
   * @param action what was done
   */
  public record Resource(
      String logical, String kind, String physicalId, boolean owned, Action action) {}

  /** What happens or happened to a resource. */
  public enum Action {
    CREATED,
    UPDATED,
    UNCHANGED,
    /** Dry run: would be created. */
    CREATE,
    /** Dry run: would be updated. */
    UPDATE
  }

  /**
   * One deployed function.
   *
   * @param name the Skyhop function name
   * @param resource the provider's name or id of the function
   * @param action what was done
   * @param endpoint the URL for HTTP functions, or a description of the trigger
   * @param details provider-specific facts (ARNs, code hash…)
   */
  public record Function(
      String name, String resource, Action action, String endpoint, Map<String, Object> details) {}
}
