package io.skyhop.tooling.invoke;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.IdTokenCredentials;
import com.google.auth.oauth2.IdTokenProvider;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.gcp.GcpCredentials;
import io.skyhop.tooling.deploy.gcp.GcpSettings;
import io.skyhop.tooling.naming.gcp.GcpNames;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code skyhop:invoke -Dskyhop.remote=true} on gcp: ID tokens, Pub/Sub, Cloud Storage, Cloud
 * Scheduler.
 */
public final class GcpInvoke {
  private GcpInvoke() {}

  /** The remote target of {@code request}, with the provider's standard credentials. */
  public static RemoteTarget open(DeployRequest request) throws Exception {
    GcpSettings gcp = GcpSettings.of(request.settings());
    GoogleCredentials credentials = GcpCredentials.applicationDefault().load();
    return new GcpRemote(
        audience -> idToken(credentials, audience),
        credentials,
        gcp.endpoint(),
        gcp.project(),
        gcp.region(),
        GcpNames.of(request.naming()));
  }

  /**
   * A Google ID token for {@code audience} (a function's URL) from {@code credentials}.
   *
   * @throws ConfigurationException when the credentials cannot mint ID tokens, naming the fix
   */
  public static String idToken(GoogleCredentials credentials, String audience) {
    if (!(credentials instanceof IdTokenProvider provider)) {
      throw new ConfigurationException(
          "GOOGLE_APPLICATION_CREDENTIALS",
          "The application-default credentials ("
              + credentials.getClass().getSimpleName()
              + ") cannot mint Google ID tokens, which Auth.FUNCTION functions require. Fix: use a"
              + " service-account key (GOOGLE_APPLICATION_CREDENTIALS) or 'gcloud auth"
              + " application-default login --impersonate-service-account=<account>'");
    }
    try {
      IdTokenCredentials id =
          IdTokenCredentials.newBuilder()
              .setIdTokenProvider(provider)
              .setTargetAudience(audience)
              .build();
      id.refresh();
      return id.getIdToken().getTokenValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
