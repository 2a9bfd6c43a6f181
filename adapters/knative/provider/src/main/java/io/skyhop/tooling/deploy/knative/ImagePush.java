package io.skyhop.tooling.deploy.knative;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.blob.Blobs;
import com.google.cloud.tools.jib.event.EventHandlers;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.image.json.OciManifestTemplate;
import com.google.cloud.tools.jib.json.JsonTemplateMapper;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.pack.knative.JibLog;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * Pushes the image of an {@link OciArchive} to a registry with Jib's registry client (the Docker
 * Registry HTTP API v2): each blob the registry lacks, then the manifest, byte for byte, under a
 * tag. Credentials come from the Docker config and credential helpers, as for {@code docker push}.
 */
final class ImagePush {
  private ImagePush() {}

  /**
   * What was pushed.
   *
   * @param image {@code registry/repository@sha256:…}
   * @param pushed blobs uploaded
   * @param present blobs the registry had already
   */
  record Pushed(String image, int pushed, int present) {}

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
    Consumer<LogEvent> log =
        JibLog.to(
            listener, io.skyhop.tooling.pack.knative.Registries.isLoopback(target.getRegistry()));
    FailoverHttpClient http = new FailoverHttpClient(settings.insecureRegistry(), false, log);
    try {
      Credential credential = credential(target, log).orElse(null);
      RegistryClient client =
          RegistryClient.factory(
                  EventHandlers.builder().add(LogEvent.class, log).build(),
                  target.getRegistry(),
                  target.getRepository(),
                  http)
              .setCredential(credential)
              .setUserAgent("skyhop")
              .newRegistryClient();
      if (!client.doPushBearerAuth() && credential != null && !credential.isOAuth2RefreshToken()) {
        client.configureBasicAuth();
      }
      List<String> blobs = new ArrayList<>(archive.layers());
      blobs.add(archive.config());
      int pushed = 0;
      for (String digest : blobs) {
        DescriptorDigest d = DescriptorDigest.fromDigest(digest);
        if (client.checkBlob(d).isPresent()) {
          continue;
        }
        client.pushBlob(d, Blobs.from(archive.blob(digest)), null, n -> {});
        pushed++;
      }
      OciManifestTemplate manifest =
          JsonTemplateMapper.readJson(archive.manifest(), OciManifestTemplate.class);
      if (!Arrays.equals(JsonTemplateMapper.toByteArray(manifest), archive.manifest())) {
        throw new IOException(
            "The manifest of the image tarball would not be pushed byte for byte; package again");
      }
      DescriptorDigest digest = client.pushManifest(manifest, tag);
      if (!digest.toString().equals(archive.manifestDigest())) {
        throw new IOException(
            "The registry stored the manifest as "
                + digest
                + ", not "
                + archive.manifestDigest()
                + " as built");
      }
      String image = target.getRegistry() + "/" + target.getRepository() + "@" + digest;
      return new Pushed(image, pushed, blobs.size() - pushed);
    } catch (RegistryUnauthorizedException e) {
      throw new ConfigurationException(
          KnativeSettings.REGISTRY,
          settings.registry(),
          "refused the push ("
              + e.getHttpResponseException().getStatusCode()
              + " on "
              + e.getImageReference()
              + "). Fix: log in (docker login "
              + target.getRegistry()
              + "), credentials are read from the Docker config and credential helpers");
    } catch (InsecureRegistryException e) {
      throw new ConfigurationException(
          KnativeSettings.REGISTRY,
          settings.registry(),
          "does not answer over HTTPS with a trusted certificate. Fix: give the registry a"
              + " certificate, or set -D"
              + KnativeSettings.INSECURE
              + "=true for a registry you trust on plain HTTP");
    } catch (UnknownHostException | ConnectException | SSLException e) {
      throw unreachable(settings, e);
    } catch (java.security.DigestException e) {
      throw new IOException("The image tarball names a bad digest: " + e.getMessage(), e);
    } catch (RegistryException | CredentialRetrievalException e) {
      if (e.getCause() instanceof UnknownHostException
          || e.getCause() instanceof ConnectException) {
        throw unreachable(settings, e.getCause());
      }
      throw new KnativeDeployException(
          "Pushing the image to " + target + " failed: " + e.getMessage(), e);
    } finally {
      http.shutDown();
    }
  }

  private static Optional<Credential> credential(ImageReference target, Consumer<LogEvent> log)
      throws CredentialRetrievalException {
    CredentialRetrieverFactory factory = CredentialRetrieverFactory.forImage(target, log);
    Optional<Credential> fromConfig = factory.dockerConfig().retrieve();
    return fromConfig.isPresent() ? fromConfig : factory.wellKnownCredentialHelpers().retrieve();
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
