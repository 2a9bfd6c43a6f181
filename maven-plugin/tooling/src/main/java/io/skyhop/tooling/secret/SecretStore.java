package io.skyhop.tooling.secret;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;

/** A target's secret store as {@code skyhop:secret} writes to it. */
@FunctionalInterface
public interface SecretStore {
  /**
   * Stores {@code value} as the app's secret {@code name} for the request's stage, under the name
   * deploy binds the function to ({@link SecretNames}); creates the secret when missing.
   *
   * @return where it went, for the log (never the value)
   */
  String put(DeployRequest request, String name, SecretValue value, BuildListener listener)
      throws Exception;
}
