package io.skyhop.tooling.deploy.knative;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.pack.knative.Registries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code skyhop.knative.*} settings of deploy and remove.
 *
 * @param registry where the image is pushed: {@code host[:port][/path]}, the image becoming {@code
 *     <registry>/<app>}
 * @param namespace the Kubernetes namespace
 * @param kubeconfig a kubeconfig file; empty: the standard chain ({@code KUBECONFIG}, {@code
 *     ~/.kube/config}, in-cluster service account)
 * @param readyTimeoutSeconds how long deploy waits for the Service to be Ready; 0: do not wait
 * @param insecureRegistry plain HTTP to the registry (always for a registry on this machine)
 */
public record KnativeSettings(
    String registry,
    String namespace,
    Optional<Path> kubeconfig,
    int readyTimeoutSeconds,
    boolean insecureRegistry) {
  /** The registry setting. */
  public static final String REGISTRY = "skyhop.knative.registry";

  /** The namespace setting. */
  public static final String NAMESPACE = "skyhop.knative.namespace";

  /** The namespace of the settings, {@code default} when unset (not validated). */
  static String namespace(Settings settings) {
    return settings.get(NAMESPACE).orElse("default");
  }

  /** The kubeconfig setting. */
  public static final String KUBECONFIG = "skyhop.knative.kubeconfig";

  /** The Ready timeout setting. */
  public static final String READY_TIMEOUT = "skyhop.knative.readyTimeoutSeconds";

  /** The plain-HTTP registry setting. */
  public static final String INSECURE = "skyhop.knative.allowInsecureRegistry";

  /** The default Ready timeout. */
  static final int DEFAULT_READY_TIMEOUT = 300;

  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

  /**
   * Reads and checks the settings.
   *
   * @throws ConfigurationException naming the setting that is missing or wrong
   */
  public static KnativeSettings of(Settings settings) {
    String registry =
        settings
            .require(
                REGISTRY,
                "the image registry the cluster pulls from, e.g. ghcr.io/my-org or"
                    + " 127.0.0.1:5000/skyhop")
            .replaceAll("/+$", "");
    if (registry.contains("://")) {
      throw new ConfigurationException(
          REGISTRY,
          registry,
          "must not name a scheme. Fix: give host[:port][/path], e.g. registry.example.com/team");
    }
    try {
      ImageReference ref = ImageReference.parse(registry + "/probe");
      if (!registry.startsWith(ref.getRegistry())) {
        throw new InvalidImageReferenceException(registry);
      }
    } catch (InvalidImageReferenceException e) {
      throw new ConfigurationException(
          REGISTRY,
          registry,
          "is not a registry. Fix: give host[:port][/path] in lower case, e.g."
              + " registry.example.com/team (Docker Hub: docker.io/<user>)");
    }
    String namespace = namespace(settings);
    if (namespace.length() > 63 || !DNS_LABEL.matcher(namespace).matches()) {
      throw new ConfigurationException(
          NAMESPACE,
          namespace,
          "is not a Kubernetes namespace name. Fix: lower-case letters, digits and dashes");
    }
    Optional<Path> kubeconfig = settings.get(KUBECONFIG).map(Path::of);
    if (kubeconfig.isPresent() && !Files.isRegularFile(kubeconfig.get())) {
      throw new ConfigurationException(
          KUBECONFIG,
          kubeconfig.get().toString(),
          "names no file. Fix: give the path of a kubeconfig, or leave it unset to use KUBECONFIG,"
              + " ~/.kube/config or the in-cluster service account");
    }
    int timeout;
    String value = settings.get(READY_TIMEOUT).orElse(String.valueOf(DEFAULT_READY_TIMEOUT));
    try {
      timeout = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      timeout = -1;
    }
    if (timeout < 0 || timeout > 3600) {
      throw new ConfigurationException(
          READY_TIMEOUT,
          value,
          "is not a number of seconds from 0 (do not wait) to 3600. Fix: e.g. -D"
              + READY_TIMEOUT
              + "="
              + DEFAULT_READY_TIMEOUT);
    }
    return new KnativeSettings(
        registry,
        namespace,
        kubeconfig,
        timeout,
        settings.flag(INSECURE) || Registries.isLoopback(registry.split("/", 2)[0]));
  }

  /** The image {@code <registry>/<app>:<tag>}. */
  ImageReference imageReference(String app, String tag) {
    try {
      return ImageReference.parse(registry + "/" + app + ":" + tag);
    } catch (InvalidImageReferenceException e) {
      throw new ConfigurationException(
          REGISTRY, registry, "does not make a valid image name with '" + app + ":" + tag + "'");
    }
  }
}
