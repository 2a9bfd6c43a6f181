package io.skyhop.tooling.deploy.local;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.local.LocalRuntimeClient;

/** A client of the runtime at {@code skyhop.local.url} for goals that read what was deployed. */
public final class LocalConnection {
  private LocalConnection() {}

  /**
   * The runtime's client with its admin token ({@code skyhop.local.token}, else the token file of
   * the runtime's data directory); never starts a runtime.
   *
   * @throws io.skyhop.tooling.ConfigurationException when nothing answers at the URL
   */
  public static LocalRuntimeClient open(DeployRequest request, BuildListener listener)
      throws Exception {
    return LocalDeployer.connect(request, listener, false);
  }
}
