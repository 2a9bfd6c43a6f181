package io.skyhop.maven;

import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.pack.PackageArchives;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * The packages of a build as Maven artifacts: each target's archive with the classifier {@code
 * skyhop-<target>} (type {@code zip}) and {@code manifest.json} as {@code skyhop-manifest} (type
 * {@code json}), which {@code -Dskyhop.artifact} resolves later ({@link ArtifactPackages}).
 */
final class PackageAttachments {
  /** The classifier of {@code manifest.json}. */
  static final String MANIFEST = "skyhop-manifest";

  private PackageAttachments() {}

  static void attach(
      MavenProjectHelper helper, MavenProject project, Path skyhopDir, Manifest manifest) {
    for (Map.Entry<String, PackageArchives.Digest> e : manifest.packageDigests().entrySet()) {
      helper.attachArtifact(
          project,
          "zip",
          PackageArchives.classifier(e.getKey()),
          skyhopDir.resolve(e.getValue().file()).toFile());
    }
    helper.attachArtifact(project, "json", MANIFEST, skyhopDir.resolve(ManifestFile.NAME).toFile());
  }
}
