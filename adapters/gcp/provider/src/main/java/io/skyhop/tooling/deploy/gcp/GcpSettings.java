package io.skyhop.tooling.deploy.gcp;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.Settings;
import java.util.Optional;

/**
 * The settings of a Google Cloud deploy, checked once before any call.
 *
 * @param project the project id ({@code skyhop.gcp.project})
 * @param region the Cloud Functions region ({@code skyhop.region})
 * @param endpoint the endpoint override of every Google API the deployer calls ({@code
 *     skyhop.gcp.endpoint}, e.g. {@code http://127.0.0.1:8089} for a stub), empty for Google's
 */
public record GcpSettings(String project, String region, Optional<String> endpoint) {
  /** The property naming the project. */
  public static final String PROJECT = "skyhop.gcp.project";

  /** The property naming the region. */
  public static final String REGION = "skyhop.region";

  /** The property overriding the API endpoint. */
  public static final String ENDPOINT = "skyhop.gcp.endpoint";

  /**
   * Reads and checks the settings.
   *
   * @throws ConfigurationException naming the missing or bad property
   */
  public static GcpSettings of(Settings settings) {
    String project =
        settings.require(
            PROJECT,
            "the id of the Google Cloud project, as 'gcloud config get-value project' shows");
    if (!project.matches("[a-z][a-z0-9.:-]*[a-z0-9]")) {
      throw new ConfigurationException(
          PROJECT,
          project,
          "is not a Google Cloud project id. Fix: use the project id (lower-case, as in the console's project picker), not its display name");
    }
    String region =
        settings.require(REGION, "a Cloud Functions region such as europe-west1 or us-central1");
    if (!region.matches("[a-z]+-[a-z]+[0-9]+")) {
      throw new ConfigurationException(
          REGION,
          region,
          "is not a Google Cloud region. Fix: use a Cloud Functions region such as europe-west1");
    }
    Optional<String> endpoint = settings.get(ENDPOINT).map(GcpSettings::endpoint);
    return new GcpSettings(project, region, endpoint);
  }

  private static String endpoint(String value) {
    if (!value.startsWith("http://") && !value.startsWith("https://")) {
      throw new ConfigurationException(
          ENDPOINT,
          value,
          "has no scheme. Fix: give a full URL such as http://127.0.0.1:8089 (without a scheme"
              + " Google's clients would use https)");
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  /** {@code projects/<project>/locations/<region>}. */
  public String parent() {
    return "projects/" + project + "/locations/" + region;
  }
}
