package io.skyhop.maven;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.PackageArchives;
import io.skyhop.tooling.promote.ArtifactCoordinates;
import io.skyhop.tooling.promote.Promotion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Resolves a published build's manifest and one target's package through Maven's resolver (local
 * repository first, then the project's or the settings' remote repositories) and hands them to
 * {@link Promotion#unpack}, which checks the digest and unpacks them.
 */
final class ArtifactPackages {
  private ArtifactPackages() {}

  static Promotion promote(
      String coordinates,
      Target target,
      Path skyhopDir,
      RepositorySystem system,
      RepositorySystemSession session,
      List<RemoteRepository> repositories)
      throws IOException {
    ArtifactCoordinates artifact = ArtifactCoordinates.parse(coordinates);
    Path manifest =
        resolve(artifact, PackageAttachments.MANIFEST, "json", system, session, repositories);
    Path pkg =
        resolve(
            artifact,
            PackageArchives.classifier(target.id()),
            "zip",
            system,
            session,
            repositories);
    return Promotion.unpack(artifact, target, manifest, pkg, skyhopDir);
  }

  private static Path resolve(
      ArtifactCoordinates a,
      String classifier,
      String type,
      RepositorySystem system,
      RepositorySystemSession session,
      List<RemoteRepository> repositories) {
    DefaultArtifact wanted =
        new DefaultArtifact(a.groupId(), a.artifactId(), classifier, type, a.version());
    try {
      return system
          .resolveArtifact(session, new ArtifactRequest(wanted, repositories, null))
          .getArtifact()
          .getFile()
          .toPath();
    } catch (ArtifactResolutionException e) {
      throw new ConfigurationException(
          ArtifactCoordinates.PROPERTY,
          a.toString(),
          "has no "
              + classifier
              + " "
              + type
              + " in the local or remote repositories ("
              + e.getMessage()
              + "). Fix: build it with skyhop:package and 'mvn install' or 'mvn deploy', with the"
              + " target in skyhop.targets");
    }
  }
}
