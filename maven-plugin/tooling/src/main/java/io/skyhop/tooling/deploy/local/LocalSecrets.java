package io.skyhop.tooling.deploy.local;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.local.LocalRuntimeClient;
import io.skyhop.tooling.secret.SecretValue;

/** The {@code local} target's secret store: the runtime's, through its admin API. */
public final class LocalSecrets {
  private LocalSecrets() {}

  /**
   * Stores a value in the runtime at {@code skyhop.local.url} for the app.
   *
   * @return where it went, for the log
   */
  public static String put(
      DeployRequest request, String name, SecretValue value, BuildListener listener)
      throws Exception {
    LocalRuntimeClient client = LocalDeployer.connect(request, listener, false);
    client.putSecret(request.app(), name, value.bytes());
    return "the in-house runtime at " + client.baseUrl() + " (app '" + request.app() + "')";
  }
}
