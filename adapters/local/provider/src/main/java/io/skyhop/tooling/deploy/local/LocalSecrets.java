package io.skyhop.tooling.deploy.local;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.local.LocalRuntimeClient;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.secret.SecretValue;
import java.util.TreeSet;

/** The {@code local} target's secret store: the runtime's, through its admin API. */
public final class LocalSecrets {
  private LocalSecrets() {}

  /**
   * Fails before a deploy when a declared secret has no value in the runtime.
   *
   * @throws ConfigurationException naming every missing secret and the command that sets it
   */
  static void requireValues(LocalRuntimeClient client, Manifest manifest, Naming naming) {
    String app = naming.cluster().app();
    TreeSet<String> missing = new TreeSet<>();
    manifest.functions().forEach(f -> missing.addAll(f.secrets()));
    if (missing.isEmpty()) {
      return;
    }
    missing.removeAll(client.secretNames(app));
    if (!missing.isEmpty()) {
      throw new ConfigurationException(
          "skyhop.secret",
          String.join(", ", missing),
          "declared by the functions "
              + (missing.size() == 1 ? "has" : "have")
              + " no value in the in-house runtime at "
              + client.baseUrl()
              + " (app '"
              + app
              + "'). Fix: set "
              + (missing.size() == 1 ? "it" : "each")
              + " with 'mvn skyhop:secret -Dskyhop.secret="
              + missing.first()
              + " -Dskyhop.target=local"
              + naming.stage().map(stage -> " -Dskyhop.stage=" + stage).orElse("")
              + "' (value on standard input), then deploy again");
    }
  }

  /**
   * Stores a value in the runtime at {@code skyhop.local.url} for the app.
   *
   * @return where it went, for the log
   */
  public static String put(
      DeployRequest request, String name, SecretValue value, BuildListener listener)
      throws Exception {
    LocalRuntimeClient client = LocalDeployer.connect(request, listener, false);
    // the runtime knows the stage's app by its physical name, as deploy names it
    String app = request.naming().cluster().app();
    client.putSecret(app, name, value.bytes());
    return "the in-house runtime at " + client.baseUrl() + " (app '" + app + "')";
  }
}
