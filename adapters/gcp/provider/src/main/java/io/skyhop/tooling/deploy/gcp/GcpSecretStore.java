package io.skyhop.tooling.deploy.gcp;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.gcp.GcpNames;
import io.skyhop.tooling.secret.SecretNames;
import io.skyhop.tooling.secret.SecretStore;
import io.skyhop.tooling.secret.SecretValue;

/**
 * {@code skyhop:secret} on Google Cloud: a new version of {@code <app>_<stage>_<name>} in Secret
 * Manager, the secret created first (automatic replication, labelled with app and stage) when it
 * does not exist. Deploy binds the function's variable to its {@code latest} version.
 */
public final class GcpSecretStore implements SecretStore {
  private final GcpCredentials credentials;

  /** A store using application-default credentials. */
  public GcpSecretStore() {
    this(GcpCredentials.applicationDefault());
  }

  GcpSecretStore(GcpCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public String put(DeployRequest request, String name, SecretValue value, BuildListener listener) {
    GcpSettings gcp = GcpSettings.of(request.settings());
    String id = SecretNames.gcp(request.app(), request.settings().get(Naming.STAGE), name);
    String secret = "projects/" + gcp.project() + "/secrets/" + id;
    try (GcpClients clients = new GcpClients(credentials.load(), gcp.endpoint())) {
      SecretManager secrets = new SecretManager(clients, Calls.standard(listener));
      if (secrets.secret(secret).isEmpty()) {
        try {
          secrets.create(gcp.project(), id, GcpNames.of(request.naming()).labels());
          listener.info("created secret " + id);
        } catch (GcpApiException e) {
          if (!e.error().map(ProviderError::isAlreadyExists).orElse(false)) {
            throw e;
          }
        }
      }
      return "Google Secret Manager as " + secrets.addVersion(secret, value.bytes());
    }
  }
}
