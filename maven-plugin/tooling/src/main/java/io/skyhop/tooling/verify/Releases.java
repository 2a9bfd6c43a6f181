package io.skyhop.tooling.verify;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import java.util.Optional;

/**
 * One target's previous version, kept reachable: what {@link Verification} returns a stage to when
 * a deploy does not verify, and {@code skyhop:rollback} on demand.
 */
public interface Releases {
  /** Remembers a deploy that verified as the version to return to. */
  void keep(DeployRequest request, DeployResult result, BuildListener listener) throws Exception;

  /**
   * Returns the app and stage to the version kept last.
   *
   * @return what serves now, e.g. {@code version lq3… (io.skyhop.it:greeter:1.0.0)}; empty when no
   *     version was kept
   */
  Optional<String> restore(DeployRequest request, BuildListener listener) throws Exception;
}
