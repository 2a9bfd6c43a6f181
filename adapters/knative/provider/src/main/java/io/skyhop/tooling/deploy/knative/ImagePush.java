package io.skyhop.tooling.deploy.knative;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.pack.knative.JibLog;
import io.skyhop.tooling.pack.knative.Registries;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * Pushes the image of an {@link OciArchive} to a registry through Jib's public API: {@code
 * Jib.from(TarImage)} over the tarball's blobs ({@link DockerLoadTar}), containerized to a {@code
 * RegistryImage} under a tag (blobs the registry has are not sent again). Credentials come from the
 * Docker config and credential helpers, as for {@code docker push}. The registry must then hold the
 * manifest as built (same digest), else the push fails.
 */
final class ImagePush {
  /** The tool name Jib records (the packager's, so that the rebuilt config is the same). */
  private static final String TOOL = "skyhop";

  private ImagePush() {}

  /**
   * What was pushed.
   *
   * @param image {@code registry/repository@sha256:…}
   * @param sent whether Jib sent the image (false: the registry held it already)
   */
  record Pushed(String image, boolean sent) {}

  /**
   * Pushes the image as {@code <registry>/<app>:<tag>}.
   *
   * @throws ConfigurationException naming {@code skyhop.knative.registry} when the registry cannot
   *     be reached or refuses the credentials
   */
  static Pushed push(
      OciArchive archive, KnativeSettings settings, String app, String tag, BuildListener listener)
      throws IOException {
    ImageReference target = settings.imageReference(app, tag);
    Consumer<LogEvent> log = JibLog.to(listener, Registries.isLoopback(target.getRegistry()));
    Path work = archive.dir().resolve("jib");
    Path tar = DockerLoadTar.write(archive, app + ":" + tag, archive.dir().resolve("image.tar"));
    CredentialRetrieverFactory credentials = CredentialRetrieverFactory.forImage(target, log);
    RegistryImage to =
        RegistryImage.named(target)
            .addCredentialRetriever(credentials.dockerConfig())
            .addCredentialRetriever(credentials.wellKnownCredentialHelpers());
    try {
      JibContainer pushed =
          Jib.from(TarImage.at(tar))
              .setFormat(ImageFormat.OCI)
              .containerize(
                  Containerizer.to(to)
                      .setToolName(TOOL)
                      .setAllowInsecureRegistries(settings.insecureRegistry())
                      .setBaseImageLayersCache(work.resolve("base-cache"))
                      .setApplicationLayersCache(work.resolve("app-cache"))
                      .addEventHandler(LogEvent.class, log));
      String digest = pushed.getDigest().toString();
      if (!digest.equals(archive.manifestDigest())) {
        throw new IOException(
            "The registry stored the manifest as "
                + digest
                + ", not "
                + archive.manifestDigest()
                + " as built; package again");
      }
      return new Pushed(
          target.getRegistry() + "/" + target.getRepository() + "@" + digest,
          pushed.isImagePushed());
    } catch (ExecutionException e) {
      throw failure(settings, target, e.getCause() == null ? e : e.getCause());
    } catch (RegistryException e) {
      throw failure(settings, target, e);
    } catch (CacheDirectoryCreationException e) {
      throw new IOException("Jib cannot create its cache directory: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while pushing the knative image", e);
    }
  }

  /** The error for a failed push: the registry setting's fix where there is one. */
  private static RuntimeException failure(
      KnativeSettings settings, ImageReference target, Throwable e) {
    if (e instanceof RegistryUnauthorizedException u) {
      return new ConfigurationException(
          KnativeSettings.REGISTRY,
          settings.registry(),
          "refused the push ("
              + u.getHttpResponseException().getStatusCode()
              + " on "
              + u.getImageReference()
              + "). Fix: log in (docker login "
              + target.getRegistry()
              + "), credentials are read from the Docker config and credential helpers");
    }
    if (e instanceof InsecureRegistryException) {
      return new ConfigurationException(
          KnativeSettings.REGISTRY,
          settings.registry(),
          "does not answer over HTTPS with a trusted certificate. Fix: give the registry a"
              + " certificate, or set -D"
              + KnativeSettings.INSECURE
              + "=true for a registry you trust on plain HTTP");
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof UnknownHostException
          || c instanceof ConnectException
          || c instanceof SSLException) {
        return unreachable(settings, c);
      }
    }
    return new KnativeDeployException(
        "Pushing the image to " + target + " failed: " + e.getMessage(), e);
  }

  private static ConfigurationException unreachable(KnativeSettings settings, Throwable e) {
    return new ConfigurationException(
        KnativeSettings.REGISTRY,
        settings.registry(),
        "cannot be reached ("
            + e
            + "). Fix: set -D"
            + KnativeSettings.REGISTRY
            + "=<registry host[:port]>[/path] to a registry the cluster pulls from");
  }
}
