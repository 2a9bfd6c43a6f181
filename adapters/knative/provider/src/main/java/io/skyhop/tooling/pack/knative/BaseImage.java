package io.skyhop.tooling.pack.knative;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import io.skyhop.tooling.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The base image of the {@code knative} image ({@code skyhop.knative.baseImage}): any image with a
 * Java runtime of the project's release or later and {@code java} on its {@code PATH}. Either a
 * registry reference (default {@code eclipse-temurin:<release>-jre}; credentials from the Docker
 * config and credential helpers, as {@code docker pull} finds them) or {@code tar://<path>}, a
 * {@code docker save} tarball.
 *
 * @param reference the setting's value
 * @param tarball the tarball, when the reference is {@code tar://…}
 * @param registryImage the registry image, otherwise
 */
public record BaseImage(String reference, Path tarball, ImageReference registryImage) {
  /** The setting. */
  public static final String SETTING = "skyhop.knative.baseImage";

  private static final String TAR_PREFIX = "tar://";

  /** The default for a Java release: Eclipse Temurin's JRE image. */
  public static String defaultFor(int javaRelease) {
    return "eclipse-temurin:" + javaRelease + "-jre";
  }

  /**
   * Parses the setting.
   *
   * @throws ConfigurationException naming {@value #SETTING} when it is no image reference
   */
  public static BaseImage parse(String reference) {
    if (reference.startsWith(TAR_PREFIX)) {
      Path tar = Path.of(reference.substring(TAR_PREFIX.length()));
      if (!Files.isRegularFile(tar)) {
        throw new ConfigurationException(
            SETTING,
            reference,
            "names no file. Fix: give tar://<path to a 'docker save' tarball> or a registry image"
                + " such as eclipse-temurin:17-jre");
      }
      return new BaseImage(reference, tar, null);
    }
    if (reference.equals("scratch")) {
      throw new ConfigurationException(
          SETTING,
          reference,
          "holds no Java runtime, which the Skyhop runtime needs. Fix: use an image with a JRE and"
              + " java on its PATH, such as eclipse-temurin:17-jre");
    }
    try {
      return new BaseImage(reference, null, ImageReference.parse(reference));
    } catch (InvalidImageReferenceException e) {
      throw new ConfigurationException(
          SETTING,
          reference,
          "is not an image reference. Fix: give [registry/]repository[:tag|@digest], such as"
              + " eclipse-temurin:17-jre, or tar://<path>");
    }
  }

  /** Whether the base comes from a registry on this machine, reached over plain HTTP. */
  public boolean loopbackRegistry() {
    return registryImage != null && Registries.isLoopback(registryImage.getRegistry());
  }

  /** A Jib builder on this base. */
  JibContainerBuilder builder(Consumer<LogEvent> log) {
    if (tarball != null) {
      return Jib.from(TarImage.at(tarball));
    }
    CredentialRetrieverFactory credentials =
        CredentialRetrieverFactory.forImage(registryImage, log);
    return Jib.from(
        RegistryImage.named(registryImage)
            .addCredentialRetriever(credentials.dockerConfig())
            .addCredentialRetriever(credentials.wellKnownCredentialHelpers()));
  }
}
