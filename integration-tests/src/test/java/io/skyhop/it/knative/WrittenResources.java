package io.skyhop.it.knative;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The resources of {@code service.yaml}, and the same resources read back from the API server. */
final class WrittenResources {
  private WrittenResources() {}

  /** What Skyhop wrote of a resource: apiVersion, kind, name, labels and spec. */
  static JsonObject json(KubernetesClient kube, Object resource) {
    JsonObject all =
        resource instanceof GenericKubernetesResource g
            ? JsonParser.parseString(kube.getKubernetesSerialization().asJson(g)).getAsJsonObject()
            : new Gson().toJsonTree(resource).getAsJsonObject();
    JsonObject metadata = all.getAsJsonObject("metadata");
    JsonObject kept = new JsonObject();
    kept.add("apiVersion", all.get("apiVersion"));
    kept.add("kind", all.get("kind"));
    JsonObject meta = new JsonObject();
    meta.add("name", metadata.get("name"));
    meta.add("labels", metadata.get("labels"));
    kept.add("metadata", meta);
    kept.add("spec", numbersAsLongs(all.get("spec")));
    return kept;
  }

  private static JsonElement numbersAsLongs(JsonElement e) {
    if (e.isJsonObject()) {
      JsonObject copy = new JsonObject();
      e.getAsJsonObject()
          .entrySet()
          .forEach(x -> copy.add(x.getKey(), numbersAsLongs(x.getValue())));
      return copy;
    }
    if (e.isJsonArray()) {
      com.google.gson.JsonArray copy = new com.google.gson.JsonArray();
      e.getAsJsonArray().forEach(x -> copy.add(numbersAsLongs(x)));
      return copy;
    }
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      return new com.google.gson.JsonPrimitive(e.getAsLong());
    }
    return e;
  }

  /** The YAML documents of {@code service.yaml}, the registry filled in as deploy does. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> documents(Path skyhop, String registryValue) throws IOException {
    String text =
        Files.readString(skyhop.resolve("knative/service.yaml"))
            .replace("${SKYHOP_KNATIVE_REGISTRY}", registryValue);
    List<Map<String, Object>> documents = new ArrayList<>();
    new Yaml().loadAll(text).forEach(d -> documents.add((Map<String, Object>) d));
    return documents;
  }
}
