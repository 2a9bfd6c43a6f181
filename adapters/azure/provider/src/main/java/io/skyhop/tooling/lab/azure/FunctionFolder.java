package io.skyhop.tooling.lab.azure;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One function of an Azure Functions app folder, read as the Azure Java worker reads it: {@code
 * <app>/<function>/function.json} gives the {@code scriptFile} (relative to the function folder),
 * the {@code entryPoint} ({@code package.Class.method}, split at the last dot) and the bindings.
 *
 * @param name the function name (its folder)
 * @param scriptFile the app jar
 * @param libraries the jars of the app's {@code lib/} folder
 * @param className the entry class
 * @param methodName the entry method
 * @param trigger the trigger binding ({@code direction: in}, type ending in {@code Trigger})
 */
record FunctionFolder(
    String name,
    Path scriptFile,
    List<Path> libraries,
    String className,
    String methodName,
    JsonObject trigger) {

  /** Reads {@code <appDir>/<name>/function.json}. */
  static FunctionFolder read(Path appDir, String name) throws IOException {
    Path folder = appDir.resolve(name);
    JsonObject json =
        JsonParser.parseString(
                Files.readString(folder.resolve("function.json"), StandardCharsets.UTF_8))
            .getAsJsonObject();
    Path script = folder.resolve(json.get("scriptFile").getAsString()).normalize();
    String entryPoint = json.get("entryPoint").getAsString();
    int dot = entryPoint.lastIndexOf('.');
    if (dot <= 0) {
      throw new IllegalArgumentException(
          "entryPoint '" + entryPoint + "' of " + name + " is not package.Class.method");
    }
    JsonObject trigger = null;
    JsonArray bindings = json.getAsJsonArray("bindings");
    for (JsonElement b : bindings) {
      JsonObject binding = b.getAsJsonObject();
      String type = binding.get("type").getAsString();
      if (type.endsWith("Trigger") && "in".equals(string(binding, "direction"))) {
        trigger = binding;
      }
    }
    if (trigger == null) {
      throw new IllegalArgumentException(name + "/function.json has no trigger binding");
    }
    List<Path> libs = new ArrayList<>();
    Path lib = appDir.resolve("lib");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> files = Files.list(lib)) {
        files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(libs::add);
      }
    }
    return new FunctionFolder(
        name, script, libs, entryPoint.substring(0, dot), entryPoint.substring(dot + 1), trigger);
  }

  /** The trigger type, e.g. {@code httpTrigger}. */
  String triggerType() {
    return trigger.get("type").getAsString();
  }

  /** The trigger binding's name, which the entry method's trigger parameter carries. */
  String triggerName() {
    return trigger.get("name").getAsString();
  }

  /** A string setting of the trigger binding, or empty. */
  String setting(String key) {
    return string(trigger, key);
  }

  /** The HTTP methods the trigger accepts, upper case; empty for all. */
  List<String> methods() {
    List<String> methods = new ArrayList<>();
    JsonElement value = trigger.get("methods");
    if (value != null && value.isJsonArray()) {
      value.getAsJsonArray().forEach(m -> methods.add(m.getAsString().toUpperCase()));
    }
    return methods;
  }

  /** The class path of the app: the jar, then {@code lib/}. */
  URL[] classPath() throws IOException {
    List<URL> urls = new ArrayList<>();
    urls.add(scriptFile.toUri().toURL());
    for (Path lib : libraries) {
      urls.add(lib.toUri().toURL());
    }
    return urls.toArray(URL[]::new);
  }

  /**
   * The route parameters of {@code path} (below {@code /api/}) if it matches the trigger's route;
   * {@code {name}} matches one segment, {@code {*name}} the rest.
   */
  java.util.Optional<Map<String, String>> match(String path) {
    String route = setting("route").isEmpty() ? name : setting("route");
    String[] want = route.replaceAll("^/|/$", "").split("/");
    String[] have = path.replaceAll("^/|/$", "").split("/");
    Map<String, String> params = new java.util.LinkedHashMap<>();
    for (int i = 0; i < want.length; i++) {
      String w = want[i];
      if (w.startsWith("{*") && w.endsWith("}")) {
        params.put(
            w.substring(2, w.length() - 1),
            String.join(
                "/", java.util.Arrays.copyOfRange(have, Math.min(i, have.length), have.length)));
        return java.util.Optional.of(params);
      }
      if (i >= have.length) {
        return java.util.Optional.empty();
      }
      if (w.startsWith("{") && w.endsWith("}")) {
        params.put(w.substring(1, w.length() - 1).replaceAll(":.*$", ""), have[i]);
      } else if (!w.equalsIgnoreCase(have[i])) {
        return java.util.Optional.empty();
      }
    }
    return want.length == have.length ? java.util.Optional.of(params) : java.util.Optional.empty();
  }

  private static String string(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || !e.isJsonPrimitive() ? "" : e.getAsString();
  }
}
