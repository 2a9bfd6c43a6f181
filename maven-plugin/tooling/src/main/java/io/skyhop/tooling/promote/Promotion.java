package io.skyhop.tooling.promote;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.lab.Unzip;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.pack.PackageArchives;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A build promoted without rebuilding: the manifest and one target's package resolved from a Maven
 * repository ({@code -Dskyhop.artifact}), the package's SHA-256 checked against the manifest, then
 * unpacked into {@code target/skyhop/} where the target's deployer reads exactly those bytes.
 *
 * @param artifact the build's coordinates
 * @param target the target
 * @param app the app name the build was packaged with
 * @param sha256 the digest of the package deployed
 */
public record Promotion(ArtifactCoordinates artifact, Target target, String app, String sha256) {
  /**
   * Checks {@code packageFile} against {@code manifestFile} and unpacks both into {@code
   * skyhopDir}, replacing what an earlier promotion left there.
   *
   * @throws ConfigurationException naming {@code skyhop.artifact} when the manifest lists no
   *     package for the target or the package's digest differs from the manifest's
   */
  public static Promotion unpack(
      ArtifactCoordinates artifact,
      Target target,
      Path manifestFile,
      Path packageFile,
      Path skyhopDir)
      throws IOException {
    Manifest manifest =
        ManifestFile.parse(manifestFile, Files.readString(manifestFile, StandardCharsets.UTF_8));
    PackageArchives.Digest expected = manifest.packageDigests().get(target.id());
    if (expected == null) {
      throw new ConfigurationException(
          ArtifactCoordinates.PROPERTY,
          artifact.toString(),
          "holds no package for target "
              + target.id()
              + " (its manifest lists "
              + manifest.packageDigests().keySet()
              + "). Fix: package it with "
              + target.id()
              + " in skyhop.targets and install or deploy that build");
    }
    String actual = PackageArchives.sha256(packageFile);
    if (!actual.equals(expected.sha256())) {
      throw new ConfigurationException(
          ArtifactCoordinates.PROPERTY,
          artifact.toString(),
          "has a package that differs from its manifest: "
              + packageFile
              + " has SHA-256 "
              + actual
              + " but manifest.json says "
              + expected.sha256()
              + ". Fix: do not deploy it; publish the build again from its sources");
    }
    Unzip.into(packageFile, skyhopDir.resolve(target.id()));
    Files.copy(
        manifestFile, skyhopDir.resolve(ManifestFile.NAME), StandardCopyOption.REPLACE_EXISTING);
    return new Promotion(artifact, target, manifest.app(), actual);
  }
}
