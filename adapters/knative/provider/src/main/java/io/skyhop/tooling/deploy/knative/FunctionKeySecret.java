package io.skyhop.tooling.deploy.knative;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.knative.KnativeApp;
import io.skyhop.tooling.pack.knative.KnativeYaml;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes Secret {@code <app>-function-keys}: one key per {@code Auth.FUNCTION} HTTP
 * function (data key: the function's name; value: 32 random bytes, base64url), which the HTTP
 * Service mounts for the runtime. Deploy creates it when missing and adds a key for a function that
 * has none; it never changes a key that exists (a redeploy must not lock callers out), and never
 * prints one: it prints the {@code kubectl} command that reads it. A Secret left without keyed
 * functions is kept (the keys come back with the functions); remove deletes it.
 */
final class FunctionKeySecret {
  private static final int KEY_BYTES = 32;

  private FunctionKeySecret() {}

  /** The names of the manifest's HTTP functions with {@code auth = FUNCTION}. */
  static List<String> keyed(Manifest manifest) {
    List<String> keyed = new ArrayList<>();
    for (Manifest.Function f : manifest.functions()) {
      if ("http".equals(f.triggerType()) && f.trigger().functionKey()) {
        keyed.add(f.name());
      }
    }
    return keyed;
  }

  /**
   * Creates or completes the Secret when the app has keyed functions, and prints how to read each
   * key.
   *
   * @return what was done, or empty when the app has no keyed function
   */
  static Optional<DeployResult.Action> apply(
      Cluster cluster, Manifest manifest, String app, boolean dryRun, BuildListener listener) {
    List<String> keyed = keyed(manifest);
    if (keyed.isEmpty()) {
      return Optional.empty();
    }
    String name = KnativeApp.functionKeysSecret(app);
    Optional<GenericKubernetesResource> existing = cluster.get(Cluster.SECRET, name);
    existing.ifPresent(e -> KnativeDeployer.requireManaged(e, app, cluster));
    Map<String, String> data = existing.map(e -> data(cluster.json(e))).orElse(Map.of());
    List<String> added = keyed.stream().filter(f -> !data.containsKey(f)).toList();
    DeployResult.Action action =
        cluster.apply(
            Cluster.SECRET, desired(app, data, keyed, new SecureRandom()), existing, dryRun);
    listener.info("knative: Secret " + name + " " + describe(action, added));
    for (String function : keyed) {
      listener.info(
          "knative: "
              + function
              + " needs its key in the x-functions-key header or the code query parameter; read"
              + " it with: "
              + readCommand(name, cluster.namespace(), function));
    }
    return Optional.of(action);
  }

  /** The command that prints a function's key (deploy prints this, never the key). */
  static String readCommand(String secret, String namespace, String function) {
    return "kubectl get secret "
        + secret
        + " -n "
        + namespace
        + " -o jsonpath='{.data."
        + function
        + "}' | base64 -d";
  }

  /**
   * The Secret deploy wants: the existing data unchanged, plus a new key for each keyed function
   * without one.
   *
   * @param data the existing Secret's {@code data} (base64 values), or empty
   */
  static Map<String, Object> desired(
      String app, Map<String, String> data, List<String> keyed, SecureRandom random) {
    Map<String, String> all = new LinkedHashMap<>(data);
    for (String function : keyed) {
      all.computeIfAbsent(function, f -> newKey(random));
    }
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put(KnativeYaml.APP_LABEL, app);
    labels.put(KnativeYaml.MANAGED_BY_LABEL, KnativeYaml.MANAGED_BY);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", KnativeApp.functionKeysSecret(app));
    metadata.put("labels", labels);
    Map<String, Object> secret = new LinkedHashMap<>();
    secret.put("apiVersion", "v1");
    secret.put("kind", "Secret");
    secret.put("metadata", metadata);
    secret.put("type", "Opaque");
    secret.put("data", all);
    return secret;
  }

  /** A new key as a Secret's data value: base64 of the key's text (base64url of 32 bytes). */
  private static String newKey(SecureRandom random) {
    byte[] bytes = new byte[KEY_BYTES];
    random.nextBytes(bytes);
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.US_ASCII));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> data(Map<String, Object> secret) {
    Object data = secret.get("data");
    return data instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
  }

  private static String describe(DeployResult.Action action, List<String> added) {
    return switch (action) {
      case CREATED -> "created (a key for " + String.join(", ", added) + ")";
      case CREATE -> "would be created (a key for " + String.join(", ", added) + ")";
      case UPDATED ->
          "updated (a new key for " + String.join(", ", added) + "; the other keys are kept)";
      case UPDATE ->
          "would be updated (a new key for "
              + String.join(", ", added)
              + "; the other keys are kept)";
      case UNCHANGED -> "unchanged (deploy never rotates keys)";
    };
  }
}
