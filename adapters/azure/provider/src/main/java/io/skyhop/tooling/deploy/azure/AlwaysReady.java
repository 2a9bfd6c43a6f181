package io.skyhop.tooling.deploy.azure;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyhop.tooling.pack.Manifest;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flex Consumption's always-ready instances ({@code
 * functionAppConfig.scaleAndConcurrency.alwaysReady}) from {@code @Function(minInstances)}. Flex
 * scales HTTP functions together, so they share the group {@code http} (the largest of their
 * minimums); every other function is its own group {@code function:<name>}.
 */
final class AlwaysReady {
  private AlwaysReady() {}

  /** Instance counts by group name, empty when no function asks for any. */
  static Map<String, Integer> of(Manifest manifest) {
    Map<String, Integer> groups = new TreeMap<>();
    for (Manifest.Function f : manifest.functions()) {
      int n = f.leversOrNone().minInstances();
      if (n > 0) {
        groups.merge(
            "http".equals(f.triggerType()) ? "http" : "function:" + f.name(), n, Math::max);
      }
    }
    return groups;
  }

  /** The groups as ARM writes them: {@code [{"name": "http", "instanceCount": 2}]}. */
  static JsonArray json(Map<String, Integer> groups) {
    JsonArray array = new JsonArray();
    groups.forEach(
        (name, count) -> {
          JsonObject group = new JsonObject();
          group.addProperty("name", name);
          group.addProperty("instanceCount", count);
          array.add(group);
        });
    return array;
  }

  /** The groups a live site has (none when ARM lists none). */
  static Map<String, Integer> live(JsonObject scaleAndConcurrency) {
    Map<String, Integer> groups = new TreeMap<>();
    JsonElement ready = scaleAndConcurrency.get("alwaysReady");
    if (ready != null && ready.isJsonArray()) {
      for (JsonElement e : ready.getAsJsonArray()) {
        JsonObject group = e.getAsJsonObject();
        int count = group.get("instanceCount").getAsInt();
        if (count > 0) {
          groups.put(group.get("name").getAsString(), count);
        }
      }
    }
    return groups;
  }
}
