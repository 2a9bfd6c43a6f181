package io.skyhop.tooling.deploy.gcp;

import com.google.auth.oauth2.GoogleCredentials;
import io.skyhop.tooling.ConfigurationException;
import java.io.IOException;
import java.util.List;

/**
 * Where the deployer's Google credentials come from: application-default credentials in a build, a
 * given credential in tests. Credentials are never read from the pom and never printed.
 */
@FunctionalInterface
public interface GcpCredentials {
  /** The scope every call needs. */
  List<String> SCOPES = List.of("https://www.googleapis.com/auth/cloud-platform");

  /**
   * The credentials, scoped for the Cloud Platform APIs.
   *
   * @throws ConfigurationException when none can be found, naming how to provide them
   */
  GoogleCredentials load();

  /**
   * Google's application-default credentials: the key file named by {@code
   * GOOGLE_APPLICATION_CREDENTIALS}, else the file written by {@code gcloud auth
   * application-default login}, else the metadata server of Google's compute environments.
   */
  static GcpCredentials applicationDefault() {
    return () -> {
      try {
        return scoped(GoogleCredentials.getApplicationDefault());
      } catch (IOException e) {
        throw new ConfigurationException(
            "GOOGLE_APPLICATION_CREDENTIALS",
            "No Google Cloud credentials found ("
                + e.getMessage()
                + "). Fix: run 'gcloud auth application-default login', or set the environment"
                + " variable GOOGLE_APPLICATION_CREDENTIALS to the path of a service-account key"
                + " file");
      }
    };
  }

  /** Fixed credentials, e.g. for tests against a stubbed token endpoint. */
  static GcpCredentials of(GoogleCredentials credentials) {
    return () -> scoped(credentials);
  }

  private static GoogleCredentials scoped(GoogleCredentials credentials) {
    return credentials.createScopedRequired() ? credentials.createScoped(SCOPES) : credentials;
  }
}
