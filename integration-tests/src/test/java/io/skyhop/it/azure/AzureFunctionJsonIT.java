package io.skyhop.it.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs Microsoft's azure-functions-maven-plugin ({@code package}) for real on the fixture {@code
 * azure/handwritten-orders} — the Azure class a user writes by hand for examples/orders — and
 * checks that Skyhop's {@code function.json} of every function is, binding for binding, what
 * Microsoft's plugin generates: types, directions, names, routes, methods, authLevel, dataType,
 * schedule, queueName, path and connection. Only {@code scriptFile} and {@code entryPoint} differ,
 * by design (Skyhop's entry points are the adapter's).
 */
class AzureFunctionJsonIT {
  private static final String PLUGIN = "azure-functions-maven-plugin";
  private static Path microsoft;
  private static Path skyhop;

  @BeforeAll
  static void build() throws Exception {
    String pluginVersion = System.getProperty("azure-functions-maven-plugin.version");
    String libraryVersion = System.getProperty("azure-functions-library.version");
    // The fixture as copied to target/test-classes; the build runs in a copy under target/.
    Path fixture =
        Path.of(AzureFunctionJsonIT.class.getResource("/azure/handwritten-orders").toURI());
    Path target = fixture.getParent().getParent().getParent();
    Path project = MavenBuild.copy(fixture, target.resolve("it-work/azure/handwritten-orders"));
    // Offline once the plugin has been resolved; the first run downloads it from Maven Central.
    boolean offline = MavenBuild.cached("com.microsoft.azure", PLUGIN, pluginVersion);
    String log =
        MavenBuild.run(
            project,
            offline,
            10,
            List.of(
                "package",
                "-Dazure-functions-maven-plugin.version=" + pluginVersion,
                "-Dazure-functions-library.version=" + libraryVersion));
    assertThat(log).contains("Successfully built Azure Functions.");
    microsoft = project.resolve("target/azure-functions/orders");
    skyhop = Repo.packaged("orders").resolve("azure/orders");
  }

  @Test
  void bothPackagesHoldTheSameFunctions() throws IOException {
    assertThat(functionJsons(skyhop).keySet())
        .containsExactly("create-order", "explode", "get", "nightly", "on-order", "on-upload")
        .isEqualTo(functionJsons(microsoft).keySet());
  }

  @Test
  void everyFunctionJsonHasMicrosoftsBindings() throws IOException {
    Map<String, JsonObject> ours = functionJsons(skyhop);
    Map<String, JsonObject> theirs = functionJsons(microsoft);
    for (String function : theirs.keySet()) {
      JsonObject expected = withoutEntry(theirs.get(function));
      JsonObject actual = withoutEntry(ours.get(function));
      assertThat(pretty(actual)).as(function).isEqualTo(pretty(expected));
      assertThat(actual).as(function).isEqualTo(expected);
    }
  }

  @Test
  void scriptFileAndEntryPointNameTheAppJarAndTheAdapter() throws IOException {
    Map<String, JsonObject> ours = functionJsons(skyhop);
    Map<String, String> entryPoints = new TreeMap<>();
    ours.forEach((name, json) -> entryPoints.put(name, json.get("entryPoint").getAsString()));
    assertThat(entryPoints)
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "create-order", "io.skyhop.azure.SkyhopFunctions.http",
                    "explode", "io.skyhop.azure.SkyhopFunctions.http",
                    "get", "io.skyhop.azure.SkyhopFunctions.http",
                    "nightly", "io.skyhop.azure.SkyhopFunctions.timer",
                    "on-order", "io.skyhop.azure.SkyhopFunctions.queue",
                    "on-upload", "io.skyhop.azure.SkyhopFunctions.blob")));
    ours.values()
        .forEach(
            json -> assertThat(json.get("scriptFile").getAsString()).isEqualTo("../orders.jar"));
    assertThat(skyhop.resolve("orders.jar")).isRegularFile();
  }

  @Test
  void hostJsonUsesTheV4ExtensionBundleAsMicrosoftsPackage() throws IOException {
    assertThat(JsonParser.parseString(Files.readString(skyhop.resolve("host.json"))))
        .isEqualTo(JsonParser.parseString(Files.readString(microsoft.resolve("host.json"))));
  }

  private static JsonObject withoutEntry(JsonObject functionJson) {
    JsonObject copy = functionJson.deepCopy();
    copy.remove("scriptFile");
    copy.remove("entryPoint");
    return copy;
  }

  private static String pretty(JsonElement json) {
    return new GsonBuilder().setPrettyPrinting().create().toJson(sorted(json));
  }

  /** The JSON with object keys sorted, so the text comparison ignores key order only. */
  private static JsonElement sorted(JsonElement json) {
    if (json.isJsonObject()) {
      JsonObject out = new JsonObject();
      new TreeMap<>(json.getAsJsonObject().asMap()).forEach((k, v) -> out.add(k, sorted(v)));
      return out;
    }
    if (json.isJsonArray()) {
      JsonArray out = new JsonArray();
      json.getAsJsonArray().forEach(e -> out.add(sorted(e)));
      return out;
    }
    return json;
  }

  private static Map<String, JsonObject> functionJsons(Path app) throws IOException {
    Map<String, JsonObject> out = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(app)) {
      for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("function.json"))).toList()) {
        out.put(
            dir.getFileName().toString(),
            JsonParser.parseString(Files.readString(dir.resolve("function.json")))
                .getAsJsonObject());
      }
    }
    return out;
  }
}
