package io.skyhop.tooling.pack;

import java.nio.file.Path;

/**
 * A jar on a class path, with its Maven coordinates.
 *
 * @param groupId the group id
 * @param artifactId the artifact id
 * @param version the version
 * @param file the jar
 */
public record Library(String groupId, String artifactId, String version, Path file) {
  /** {@code groupId:artifactId}. */
  public String key() {
    return groupId + ":" + artifactId;
  }

  /** The file name used inside packages: {@code artifactId-version.jar}. */
  public String fileName() {
    return artifactId + "-" + version + ".jar";
  }
}
