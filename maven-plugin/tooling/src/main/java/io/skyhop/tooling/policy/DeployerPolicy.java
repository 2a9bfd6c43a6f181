package io.skyhop.tooling.policy;

import io.skyhop.tooling.deploy.DeployRequest;

/**
 * {@code skyhop:policy}: the least-privilege permissions the identity that runs {@code
 * skyhop:deploy}, {@code skyhop:remove} and {@code skyhop:rollback} needs for one app and stage, in
 * the provider's own format, derived from the provider's table of the calls its deployer makes.
 */
public interface DeployerPolicy {
  /** The document, e.g. an IAM policy (JSON) scoped to the app's and stage's resource names. */
  String document(DeployRequest request) throws Exception;
}
