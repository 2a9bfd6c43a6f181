package io.skyhop.tooling.pack.knative;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Builds the {@code knative} image with Jib (no Docker daemon) as an OCI tarball: the base image's
 * layers, then one layer with the runtime jar (changes with Skyhop's version only) and one with the
 * app bundle (changes with the app). Reproducible: the same inputs give the same digest.
 */
final class ContainerImage {
  /** The tool name Jib records in the image's history. */
  static final String TOOL = "skyhop";

  private ContainerImage() {}

  /**
   * What was built.
   *
   * @param tarball the OCI tarball
   * @param digest the image manifest's digest, {@code sha256:…}
   * @param reference the name recorded in the tarball, {@code <app>:<tag>}
   */
  record Built(Path tarball, String digest, String reference) {}

  /**
   * Builds the image.
   *
   * @param shared whether the runtime runs the app in one shared worker ({@link SharedWorker})
   * @param cacheDir Jib's cache of application layers
   * @throws ConfigurationException when the base image cannot be pulled
   */
  static Built build(
      KnativeApp app,
      BaseImage base,
      boolean shared,
      Path runtimeJar,
      Path bundle,
      Path tarball,
      Path cacheDir,
      BuildListener listener)
      throws IOException {
    Consumer<LogEvent> log = JibLog.to(listener, base.loopbackRegistry());
    JibContainerBuilder image =
        base.builder(log)
            .setFormat(ImageFormat.OCI)
            .addFileEntriesLayer(
                FileEntriesLayer.builder()
                    .setName("skyhop-runtime")
                    .addEntry(runtimeJar, AbsoluteUnixPath.get(ImageLayout.RUNTIME_JAR))
                    .build())
            .addFileEntriesLayer(
                FileEntriesLayer.builder()
                    .setName("app")
                    .addEntry(bundle, AbsoluteUnixPath.get(ImageLayout.bundle(app.app())))
                    .build())
            .setWorkingDirectory(AbsoluteUnixPath.get(ImageLayout.APP_DIR))
            .setEntrypoint(ImageLayout.entrypoint(app.app(), shared))
            .setProgramArguments(List.of())
            .addEnvironmentVariable("TZ", "UTC")
            .addExposedPort(Port.tcp(ImageLayout.PORT))
            .addLabel("org.opencontainers.image.title", app.app())
            .addLabel("org.opencontainers.image.version", app.version())
            .addLabel("io.skyhop.app", app.app());
    ImageReference name = name(app);
    Containerizer to =
        Containerizer.to(TarImage.at(tarball).named(name))
            .setToolName(TOOL)
            .setApplicationLayersCache(cacheDir)
            .setAllowInsecureRegistries(base.loopbackRegistry())
            .addEventHandler(LogEvent.class, log);
    try {
      JibContainer built = image.containerize(to);
      return new Built(tarball, built.getDigest().toString(), name.toStringWithQualifier());
    } catch (RegistryException e) {
      throw unpullable(base, e.getMessage());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RegistryException
          || cause instanceof UnknownHostException
          || cause instanceof ConnectException) {
        throw unpullable(base, cause.toString());
      }
      throw new IOException("Building the knative image failed: " + cause, cause);
    } catch (CacheDirectoryCreationException e) {
      throw new IOException("Jib cannot create its cache directory: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while building the knative image", e);
    }
  }

  /** {@code <app>:<tag>}, the tag made from the version. */
  static ImageReference name(KnativeApp app) {
    String tag = ImageLayout.tag(app.version());
    try {
      return ImageReference.parse(app.app() + ":" + tag);
    } catch (InvalidImageReferenceException e) {
      throw new IllegalStateException("Not an image name: " + app.app() + ":" + tag, e);
    }
  }

  private static ConfigurationException unpullable(BaseImage base, String problem) {
    return new ConfigurationException(
        BaseImage.SETTING,
        base.reference(),
        "cannot be pulled ("
            + problem
            + "). Fix: check the name and your registry credentials (docker login), or point"
            + " skyhop.knative.baseImage at a reachable image with a Java runtime");
  }
}
