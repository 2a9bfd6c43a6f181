package io.skyhop.tooling.pack;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.TargetProviders;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place {@code manifest.json} is written and read: the {@link Manifest} records through
 * Gson, each target's entry as its packager's {@link TargetPackager#entryType() record}. Reading
 * checks every field later steps need and fails with a {@link ManifestException} naming the file,
 * the field and the fix.
 */
public final class ManifestFile {
  /** The file name under {@code target/skyhop/}. */
  public static final String NAME = "manifest.json";

  private static final String FIX = "Fix: run 'mvn package' again";

  private static final Type TARGETS = new TypeToken<Map<String, TargetEntry>>() {}.getType();

  private ManifestFile() {}

  /** Writes {@code manifest.json} into {@code skyhopDir}; returns the file. */
  public static Path write(Path skyhopDir, Manifest manifest) throws IOException {
    Path file = skyhopDir.resolve(NAME);
    Files.writeString(file, toJson(manifest), StandardCharsets.UTF_8);
    return file;
  }

  /** The manifest as written: pretty-printed, no HTML escaping, absent fields left out. */
  public static String toJson(Manifest manifest) {
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(manifest);
  }

  /**
   * Reads {@code skyhopDir/manifest.json}.
   *
   * @throws ManifestException when the file is missing, unreadable, or lacks a field
   */
  public static Manifest read(Path skyhopDir) throws IOException {
    Path file = skyhopDir.resolve(NAME);
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ManifestException(file, NAME, "is missing. Fix: run 'mvn package' first");
    }
    return parse(file, json);
  }

  /** Parses a manifest's text; {@code file} names it in errors. */
  public static Manifest parse(Path file, String json) {
    Manifest manifest;
    JsonReader reader = new JsonReader(new StringReader(json));
    try {
      manifest = gson(file).fromJson(reader, Manifest.class);
    } catch (ManifestException e) {
      throw e;
    } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ManifestException(
          file, reader.getPath(), "is unreadable (" + cause.getMessage() + "). " + FIX);
    }
    if (manifest == null) {
      throw new ManifestException(file, "$", "is empty. " + FIX);
    }
    check(file, manifest);
    return manifest;
  }

  private static Gson gson(Path file) {
    JsonDeserializer<Map<String, TargetEntry>> targets =
        (element, type, context) -> {
          Map<String, TargetEntry> entries = new LinkedHashMap<>();
          for (Map.Entry<String, JsonElement> e : object(file, "targets", element).entrySet()) {
            Class<? extends TargetEntry> entryType = entryType(file, e.getKey());
            entries.put(e.getKey(), context.deserialize(e.getValue(), entryType));
          }
          return entries;
        };
    return new GsonBuilder().registerTypeAdapter(TARGETS, targets).create();
  }

  private static JsonObject object(Path file, String field, JsonElement element) {
    if (!element.isJsonObject()) {
      throw new ManifestException(file, field, "is no JSON object. " + FIX);
    }
    return element.getAsJsonObject();
  }

  private static Class<? extends TargetEntry> entryType(Path file, String id) {
    Target target;
    try {
      target = Target.of(id, "targets");
    } catch (ConfigurationException e) {
      throw new ManifestException(
          file,
          "targets." + id,
          "names no target this version of Skyhop knows. Fix: package with the Skyhop version"
              + " that deploys it ('mvn package')");
    }
    for (TargetProvider provider : TargetProviders.loaded()) {
      if (provider.target().equals(target)) {
        return provider.packager().entryType();
      }
    }
    // a goal resolves only the providers of the targets it acts on (skyhop:deploy, one target);
    // the entries of the other packaged targets are read as their runtime and env
    return OtherTargetEntry.class;
  }

  /**
   * The entry of a packaged target whose provider the running goal did not load: its runtime and
   * env only. Never written: {@code manifest.json} is written while packaging, with every target's
   * provider loaded.
   */
  record OtherTargetEntry(String runtime, Map<String, String> env) implements TargetEntry {
    OtherTargetEntry {
      env = env == null ? Map.of() : env;
    }
  }

  private static void check(Path file, Manifest m) {
    require(file, "app", m.app());
    require(file, "version", m.version());
    if (m.javaRelease() <= 0) {
      throw new ManifestException(file, "javaRelease", "is missing. " + FIX);
    }
    if (m.functions().isEmpty()) {
      throw new ManifestException(file, "functions", "lists no function. " + FIX);
    }
    for (int i = 0; i < m.functions().size(); i++) {
      Manifest.Function f = m.functions().get(i);
      String at = "functions[" + i + "].";
      if (f == null) {
        throw new ManifestException(file, "functions[" + i + "]", "is null. " + FIX);
      }
      require(file, at + "name", f.name());
      require(file, at + "trigger", f.trigger());
      require(file, at + "trigger.type", f.trigger().type());
      f.targets().forEach((id, entry) -> require(file, at + "targets." + id, entry));
    }
  }

  private static void require(Path file, String field, Object value) {
    if (value == null) {
      throw new ManifestException(file, field, "is missing. " + FIX);
    }
  }
}
