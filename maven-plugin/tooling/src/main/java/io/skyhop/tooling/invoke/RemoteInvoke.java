package io.skyhop.tooling.invoke;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code skyhop:invoke -Dskyhop.remote=true} on aws, azure, gcp and knative: an HTTP function
 * through the URL the last deploy recorded, with the target's credentials for {@code
 * Auth.FUNCTION}; a queue function by a message on its physical queue. Credentials come from each
 * provider's standard chain and are never printed.
 */
public final class RemoteInvoke {
  /** The key of the object {@code skyhop:invoke} stores for a storage function. */
  public static final String KEY = "skyhop.key";

  private RemoteInvoke() {}

  /**
   * Invokes a deployed function.
   *
   * @throws ConfigurationException for an unknown function, a missing deploy record, or a trigger
   *     this goal cannot fire yet
   */
  public static Invocation invoke(DeployRequest request, String function, byte[] payload)
      throws Exception {
    Manifest.Function fn =
        ManifestFile.read(request.skyhopDir()).functions().stream()
            .filter(f -> f.name().equals(function))
            .findFirst()
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "skyhop.function",
                        function,
                        "is not a function of this app. Fix: use a name from"
                            + " target/skyhop/manifest.json"));
    try (RemoteTarget target = open(request)) {
      return invoke(target, request, fn, payload);
    }
  }

  static Invocation invoke(
      RemoteTarget target, DeployRequest request, Manifest.Function fn, byte[] payload)
      throws Exception {
    return switch (fn.triggerType()) {
      case "http" -> target.http(fn, url(request, fn.name()), payload);
      case "queue" -> target.queue(fn, payload);
      case "schedule" -> target.schedule(fn);
      case "storage" -> target.storage(fn, objectKey(request), payload);
      default ->
          throw new ConfigurationException(
              "skyhop.function",
              fn.name(),
              "has a "
                  + fn.triggerType()
                  + " trigger, which skyhop:invoke -Dskyhop.remote=true cannot fire on "
                  + request.target().id()
                  + " yet. Fix: invoke it locally as that target would (without skyhop.remote), or"
                  + " wait for its trigger");
    };
  }

  /** The key of the object a storage invocation stores: {@code skyhop.key}, else a new one. */
  static String objectKey(DeployRequest request) {
    return request
        .settings()
        .get(KEY)
        .orElse("skyhop-invoke/" + java.util.UUID.randomUUID() + ".json");
  }

  /** The URL the last deploy recorded for an HTTP function. */
  static String url(DeployRequest request, String function) {
    return record(request).functions().stream()
        .filter(f -> f.name().equals(function))
        .map(DeployResult.Function::endpoint)
        .filter(e -> e != null && e.startsWith("http"))
        .findFirst()
        .orElseThrow(
            () ->
                new ConfigurationException(
                    "skyhop.function",
                    function,
                    "has no URL in " + request.recordFile() + ". Fix: deploy again"));
  }

  /** What the last deploy to the target and stage recorded. */
  public static DeployResult record(DeployRequest request) {
    Path record = request.recordFile();
    if (!Files.isRegularFile(record)) {
      throw new ConfigurationException(
          "skyhop.target",
          "No deploy record "
              + record
              + ". Fix: deploy first (mvn deploy -Dskyhop.target="
              + request.target().id()
              + request.settings().get("skyhop.stage").map(s -> " -Dskyhop.stage=" + s).orElse("")
              + ")");
    }
    try {
      DeployResult result = new Gson().fromJson(Files.readString(record), DeployResult.class);
      if (result == null || result.functions() == null) {
        throw new JsonParseException("no functions");
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JsonParseException e) {
      throw new ConfigurationException(
          "skyhop.target", record + " is unreadable. Fix: deploy again");
    }
  }

  private static RemoteTarget open(DeployRequest request) throws Exception {
    return TargetProviders.of(request.target()).remote(request);
  }
}
