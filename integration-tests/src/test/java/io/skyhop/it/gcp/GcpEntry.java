package io.skyhop.it.gcp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One function's {@code targets.gcp} entry of {@code manifest.json}: what a Cloud Functions
 * deployment of it is configured with.
 *
 * @param entryPoint the entry class
 * @param env the environment variables
 * @param signatureType {@code http} or {@code cloudevent}
 */
record GcpEntry(String entryPoint, Map<String, String> env, String signatureType) {
  /** Reads the entry of {@code function} from a manifest. */
  static GcpEntry of(Path manifest, String function) throws IOException {
    JsonObject root = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
    for (JsonElement f : root.getAsJsonArray("functions")) {
      JsonObject fn = f.getAsJsonObject();
      if (fn.get("name").getAsString().equals(function)) {
        JsonObject gcp = fn.getAsJsonObject("targets").getAsJsonObject("gcp");
        if (gcp == null) {
          throw new IllegalStateException(manifest + " has no gcp entry for " + function);
        }
        Map<String, String> env = new LinkedHashMap<>();
        gcp.getAsJsonObject("env")
            .entrySet()
            .forEach(e -> env.put(e.getKey(), e.getValue().getAsString()));
        return new GcpEntry(
            gcp.get("entryPoint").getAsString(), env, gcp.get("signatureType").getAsString());
      }
    }
    throw new IllegalStateException(manifest + " lists no function " + function);
  }
}
