package io.skyhop.tooling.deploy;

import java.util.List;
import java.util.Map;

/**
 * What a deploy did, written to {@code target/skyhop/deploy-<target>.json}.
 *
 * @param target the target id
 * @param app the app name
 * @param functions one entry per function
 * @param details target-specific facts (role ARN, function app, registry…), never secrets
 */
public record DeployResult(
    String target, String app, List<Function> functions, Map<String, Object> details) {

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
