package io.skyhop.runtime.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.skyhop.core.FunctionIndex;
import io.skyhop.core.IndexException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Unpacks an app bundle ({@code local/<app>.zip}: classes at the root, dependencies in {@code
 * lib/}, {@value #MANIFEST}) into a version directory: the root classes become {@code classes.jar}
 * (class-data sharing archives only take jars), {@code lib/} is copied. Entries that would escape
 * the directory ({@code ..} segments, absolute paths) refuse the whole bundle. A zip without the
 * manifest, laid out the same way (a Lambda deployment package), is accepted too.
 */
public final class BundleExtractor {
  /** The bundle's manifest at the zip's root. */
  public static final String MANIFEST = "skyhop-bundle.json";

  /** The bundle format this runtime reads. */
  public static final int FORMAT = 1;

  private static final long MAX_UNPACKED_BYTES = 1L << 30;
  private static final int MAX_ENTRIES = 100_000;

  private BundleExtractor() {}

  /**
   * What a bundle holds.
   *
   * @param index the functions
   * @param classPath the jars, classes first
   * @param declaredApp the app name the bundle was packaged for, or null
   * @param declaredVersion the project version it was packaged from, or null
   */
  public record Contents(
      FunctionIndex index, List<Path> classPath, String declaredApp, String declaredVersion) {}

  /**
   * Unpacks {@code zip} into {@code dir} (which must not exist yet).
   *
   * @throws BadBundleException when the bundle is unsafe or incomplete
   */
  public static Contents extract(Path zip, Path dir) throws IOException, BadBundleException {
    Files.createDirectories(dir.resolve("lib"));
    Path classesJar = dir.resolve("classes.jar");
    String manifest = null;
    String index = null;
    List<Path> libs = new ArrayList<>();
    long unpacked = 0;
    int entries = 0;
    try (ZipFile file = open(zip);
        ZipOutputStream classes = new ZipOutputStream(Files.newOutputStream(classesJar))) {
      Enumeration<? extends ZipEntry> all = file.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        String name = checkName(entry.getName());
        if (++entries > MAX_ENTRIES) {
          throw new BadBundleException("The bundle has more than " + MAX_ENTRIES + " entries.");
        }
        if (entry.isDirectory()) {
          continue;
        }
        byte[] content;
        try (InputStream in = file.getInputStream(entry)) {
          content =
              in.readNBytes(
                  (int) Math.min(Integer.MAX_VALUE - 8, MAX_UNPACKED_BYTES - unpacked + 1));
        }
        unpacked += content.length;
        if (unpacked > MAX_UNPACKED_BYTES) {
          throw new BadBundleException(
              "The bundle unpacks to more than " + (MAX_UNPACKED_BYTES >> 20) + " MB.");
        }
        if (name.equals(MANIFEST)) {
          manifest = new String(content, StandardCharsets.UTF_8);
        } else if (name.startsWith("lib/")) {
          Path target = dir.resolve(name);
          Files.createDirectories(target.getParent());
          Files.write(target, content);
          if (name.endsWith(".jar") && name.indexOf('/', 4) < 0) {
            libs.add(target);
          }
        } else {
          if (name.equals(FunctionIndex.RESOURCE)) {
            index = new String(content, StandardCharsets.UTF_8);
          }
          ZipEntry copy = new ZipEntry(name);
          copy.setTime(entry.getTime());
          try {
            classes.putNextEntry(copy);
          } catch (ZipException duplicate) {
            throw new BadBundleException("Bundle entry '" + name + "' appears twice.");
          }
          classes.write(content);
          classes.closeEntry();
        }
      }
    }
    if (index == null) {
      throw new BadBundleException(
          "The bundle holds no "
              + FunctionIndex.RESOURCE
              + " at its root: it is not a Skyhop function package. Fix: deploy the"
              + " target/skyhop/local/<app>.zip that skyhop:package writes.");
    }
    FunctionIndex functions;
    try {
      functions = FunctionIndex.parse(new StringReader(index));
    } catch (IndexException e) {
      throw new BadBundleException(e.getMessage());
    }
    if (functions.functions().isEmpty()) {
      throw new BadBundleException(
          "The bundle's " + FunctionIndex.RESOURCE + " lists no function.");
    }
    List<Path> classPath = new ArrayList<>();
    classPath.add(classesJar);
    Manifest m =
        manifest == null ? new Manifest(null, null, null, Map.of()) : parseManifest(manifest, dir);
    classPath.addAll(m.classPath == null ? sorted(libs) : m.classPath);
    requireCore(classPath);
    return new Contents(functions.withEnv(m.env), List.copyOf(classPath), m.app, m.version);
  }

  private static ZipFile open(Path zip) throws IOException, BadBundleException {
    try {
      return new ZipFile(zip.toFile());
    } catch (ZipException e) {
      throw new BadBundleException("The request body is not a zip file: " + e.getMessage());
    }
  }

  /**
   * Checks an entry name: relative, with no {@code ..} segment.
   *
   * @return the name
   */
  static String checkName(String name) throws BadBundleException {
    String slashes = name.replace('\\', '/');
    boolean absolute =
        slashes.startsWith("/") || (slashes.length() > 1 && slashes.charAt(1) == ':');
    boolean escapes = false;
    for (String segment : slashes.split("/")) {
      if (segment.equals("..")) {
        escapes = true;
      }
    }
    if (absolute || escapes || name.indexOf('\0') >= 0 || name.isEmpty()) {
      throw new BadBundleException(
          "Bundle entry '"
              + name
              + "' is "
              + (absolute ? "an absolute path" : "not a plain relative path")
              + ": entries must be relative paths without '..'. The bundle was refused; package"
              + " it with skyhop:package.");
    }
    return slashes;
  }

  private record Manifest(
      String app, String version, List<Path> classPath, Map<String, Map<String, String>> env) {}

  /** The stage's environment per function, resolved at package time (absent: the index's). */
  private static Map<String, Map<String, String>> env(JsonObject o) {
    Map<String, Map<String, String>> env = new LinkedHashMap<>();
    if (o.has("env")) {
      for (Map.Entry<String, JsonElement> f : o.getAsJsonObject("env").entrySet()) {
        Map<String, String> values = new LinkedHashMap<>();
        f.getValue()
            .getAsJsonObject()
            .entrySet()
            .forEach(e -> values.put(e.getKey(), e.getValue().getAsString()));
        env.put(f.getKey(), values);
      }
    }
    return env;
  }

  private static Manifest parseManifest(String text, Path dir) throws BadBundleException {
    try {
      JsonObject o = JsonParser.parseString(text).getAsJsonObject();
      int format = o.get("format").getAsInt();
      if (format != FORMAT) {
        throw new BadBundleException(
            MANIFEST
                + " has format "
                + format
                + "; this runtime reads format "
                + FORMAT
                + ". Fix: package with the Skyhop version of this runtime.");
      }
      int release = o.has("javaRelease") ? o.get("javaRelease").getAsInt() : 17;
      if (release > Runtime.version().feature()) {
        throw new BadBundleException(
            "The bundle is compiled for Java "
                + release
                + " but this runtime runs Java "
                + Runtime.version().feature()
                + ". Fix: run the runtime on Java "
                + release
                + " or later, or compile with maven.compiler.release="
                + Runtime.version().feature()
                + ".");
      }
      List<Path> classPath = new ArrayList<>();
      for (JsonElement e : o.getAsJsonArray("classPath")) {
        String entry = checkName(e.getAsString());
        Path jar = dir.resolve(entry);
        if (!Files.isRegularFile(jar)) {
          throw new BadBundleException(
              MANIFEST + " lists '" + entry + "' on the class path, but the bundle lacks it.");
        }
        classPath.add(jar);
      }
      return new Manifest(string(o, "app"), string(o, "version"), classPath, env(o));
    } catch (JsonParseException | IllegalStateException | NullPointerException e) {
      throw new BadBundleException(MANIFEST + " is not valid: " + e.getMessage());
    }
  }

  private static String string(JsonObject o, String name) {
    return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : null;
  }

  private static List<Path> sorted(List<Path> libs) {
    List<Path> copy = new ArrayList<>(libs);
    copy.sort(null);
    return copy;
  }

  private static void requireCore(List<Path> classPath) throws IOException, BadBundleException {
    for (Path jar : classPath) {
      try (ZipFile z = new ZipFile(jar.toFile())) {
        if (z.getEntry("io/skyhop/core/FunctionRuntime.class") != null) {
          return;
        }
      } catch (ZipException e) {
        throw new BadBundleException(
            "Bundle entry '" + jar.getFileName() + "' is not a jar: " + e.getMessage());
      }
    }
    throw new BadBundleException(
        "The bundle lacks the Skyhop adapter core (io.skyhop:skyhop-adapter-core in lib/)."
            + " Fix: package it with skyhop:package, which adds it for the local target.");
  }

  /** Copies a stream to a file, refusing more than {@code limit} bytes. */
  public static long copy(InputStream in, Path file, long limit)
      throws IOException, BadBundleException {
    long total = 0;
    byte[] buffer = new byte[65536];
    try (OutputStream out = Files.newOutputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > limit) {
          throw new BadBundleException("The bundle is larger than " + (limit >> 20) + " MB.");
        }
        out.write(buffer, 0, n);
      }
    }
    return total;
  }
}
