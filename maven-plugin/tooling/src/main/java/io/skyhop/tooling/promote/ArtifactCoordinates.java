package io.skyhop.tooling.promote;

import io.skyhop.tooling.ConfigurationException;
import java.util.regex.Pattern;

/**
 * {@code -Dskyhop.artifact=groupId:artifactId:version}: the installed or published build whose
 * packages a goal deploys instead of the project's.
 *
 * @param groupId the group id
 * @param artifactId the artifact id
 * @param version the version
 */
public record ArtifactCoordinates(String groupId, String artifactId, String version) {
  /** The property. */
  public static final String PROPERTY = "skyhop.artifact";

  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.\\-]+");

  /**
   * Parses {@code groupId:artifactId:version}.
   *
   * @throws ConfigurationException naming {@code skyhop.artifact} when it has another shape
   */
  public static ArtifactCoordinates parse(String value) {
    String[] parts = value.strip().split(":", -1);
    if (parts.length != 3 || !allParts(parts)) {
      throw new ConfigurationException(
          PROPERTY,
          value,
          "is not groupId:artifactId:version. Fix: name the build to deploy like"
              + " -Dskyhop.artifact=com.example:orders:1.4.0");
    }
    return new ArtifactCoordinates(parts[0], parts[1], parts[2]);
  }

  private static boolean allParts(String[] parts) {
    for (String p : parts) {
      if (!PART.matcher(p).matches()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return groupId + ":" + artifactId + ":" + version;
  }
}
