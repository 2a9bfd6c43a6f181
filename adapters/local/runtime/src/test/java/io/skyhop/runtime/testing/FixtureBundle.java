package io.skyhop.runtime.testing;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.api.HttpRequest;
import io.skyhop.core.FunctionRuntime;
import io.skyhop.runtime.fixture.Fixture;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds bundles of the test {@link Fixture} app the way the {@code local} packager lays them out:
 * classes at the root, the adapter core, the SDK and Gson in {@code lib/}, {@code
 * skyhop-bundle.json}.
 */
public final class FixtureBundle {
  private FixtureBundle() {}

  /**
   * Writes the fixture bundle, its {@code fixture-version.txt} resource holding {@code version}.
   */
  public static Path write(Path zip, String version) throws IOException {
    return write(zip, version, Fixture.class);
  }

  /**
   * Writes a bundle of the fixture package whose index holds the functions of {@code app} only (a
   * second app, with functions and queues of its own).
   */
  public static Path write(Path zip, String version, Class<?> app) throws IOException {
    Path classes = codeSource(Fixture.class);
    String pkg = Fixture.class.getPackageName().replace('.', '/');
    Map<String, byte[]> libs = new LinkedHashMap<>();
    libs.put("lib/skyhop-adapter-core.jar", jar(codeSource(FunctionRuntime.class)));
    libs.put("lib/skyhop-sdk-api.jar", jar(codeSource(HttpRequest.class)));
    libs.put("lib/gson.jar", jar(codeSource(Gson.class)));
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", 1);
    manifest.put("app", "fixture");
    manifest.put("version", version);
    manifest.put("javaRelease", 17);
    manifest.put("classPath", new ArrayList<>(libs.keySet()));
    Files.createDirectories(zip.toAbsolutePath().getParent());
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      add(out, "skyhop-bundle.json", new Gson().toJson(manifest).getBytes(StandardCharsets.UTF_8));
      add(
          out,
          "META-INF/skyhop/functions.json",
          indexOf(classes.resolve("META-INF/skyhop/functions.json"), app));
      add(out, "fixture-version.txt", version.getBytes(StandardCharsets.UTF_8));
      try (Stream<Path> files = Files.list(classes.resolve(pkg))) {
        for (Path f : files.sorted().toList()) {
          add(out, pkg + "/" + f.getFileName(), Files.readAllBytes(f));
        }
      }
      for (Map.Entry<String, byte[]> lib : libs.entrySet()) {
        add(out, lib.getKey(), lib.getValue());
      }
    }
    return zip;
  }

  /** The test compilation's function index, with the functions of {@code app} only. */
  private static byte[] indexOf(Path index, Class<?> app) throws IOException {
    JsonObject all = JsonParser.parseString(Files.readString(index)).getAsJsonObject();
    JsonArray functions = new JsonArray();
    for (JsonElement f : all.getAsJsonArray("functions")) {
      if (f.getAsJsonObject().get("class").getAsString().equals(app.getName())) {
        functions.add(f);
      }
    }
    all.add("functions", functions);
    return all.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Writes a zip with the given entries (names as given, for hostile bundles). */
  public static Path raw(Path zip, Map<String, String> entries) throws IOException {
    Files.createDirectories(zip.toAbsolutePath().getParent());
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        add(out, e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    return zip;
  }

  private static void add(ZipOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(content);
    out.closeEntry();
  }

  /** Where a class was loaded from: a jar, or a classes directory. */
  static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A jar's bytes; a classes directory is zipped into a jar. */
  static byte[] jar(Path source) throws IOException {
    if (Files.isRegularFile(source)) {
      try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(source.toFile())) {
        if (zip.getEntry("io/skyhop/runtime/SkyhopRuntime.class") != null) {
          throw new IllegalStateException(
              source + " holds the runtime: not a library for a bundle");
        }
      }
      return Files.readAllBytes(source);
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes);
        Stream<Path> files = Files.walk(source)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        add(out, source.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
      }
    }
    return bytes.toByteArray();
  }
}
