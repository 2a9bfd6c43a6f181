package io.skyhop.tooling.pack.gcp;

import io.skyhop.tooling.pack.ZipWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Merges a classes directory and jars into one jar: the first copy of an entry wins, {@code
 * META-INF/services} files are concatenated, signatures, {@code module-info} and the inputs'
 * manifests are dropped, and the result is reproducible (sorted entries, fixed timestamps).
 */
final class UberJar {
  private static final String SERVICES = "META-INF/services/";

  private final Predicate<String> excluded;
  private final Map<String, byte[]> entries = new TreeMap<>();
  private final Map<String, Set<String>> services = new TreeMap<>();
  private final List<String> conflicts = new ArrayList<>();
  private boolean multiRelease;

  /** A jar leaving out the entries {@code excluded} accepts (besides signatures and manifests). */
  UberJar(Predicate<String> excluded) {
    this.excluded = excluded;
  }

  /** A jar that keeps every entry but signatures, manifests and {@code module-info}. */
  UberJar() {
    this(name -> false);
  }

  /** Adds every file below a classes directory. */
  UberJar addDirectory(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      add(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file), dir);
    }
    return this;
  }

  /** Adds every entry of a jar. */
  UberJar addJar(Path jar) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (!e.isDirectory()) {
          add(e.getName(), in.readAllBytes(), jar);
        }
      }
    }
    return this;
  }

  private void add(String name, byte[] content, Path from) throws IOException {
    String upper = name.toUpperCase(Locale.ROOT);
    if (upper.equals(JarFile.MANIFEST_NAME)) {
      Manifest m = new Manifest(new ByteArrayInputStream(content));
      multiRelease |= "true".equalsIgnoreCase(m.getMainAttributes().getValue("Multi-Release"));
      return;
    }
    if (dropped(upper, name) || excluded.test(name)) {
      return;
    }
    if (name.startsWith(SERVICES) && name.length() > SERVICES.length()) {
      Set<String> lines = services.computeIfAbsent(name, k -> new LinkedHashSet<>());
      new String(content, StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .forEach(lines::add);
      return;
    }
    byte[] first = entries.putIfAbsent(name, content);
    if (first != null && name.endsWith(".class") && !Arrays.equals(first, content)) {
      conflicts.add(name + " (also in " + from.getFileName() + ")");
    }
  }

  private static boolean dropped(String upper, String name) {
    if (upper.startsWith("META-INF/") && upper.indexOf('/', 9) < 0) {
      if (upper.endsWith(".SF")
          || upper.endsWith(".DSA")
          || upper.endsWith(".RSA")
          || upper.endsWith(".EC")
          || upper.startsWith("META-INF/SIG-")
          || upper.equals("META-INF/INDEX.LIST")) {
        return true;
      }
    }
    return name.equals("module-info.class") || name.endsWith("/module-info.class");
  }

  /** Classes that more than one input holds with different bytes (the first copy was kept). */
  List<String> conflicts() {
    return List.copyOf(conflicts);
  }

  /** Whether the jar holds an entry. */
  boolean contains(String name) {
    return entries.containsKey(name) || services.containsKey(name);
  }

  /** Writes the jar with a manifest holding {@code attributes}. */
  byte[] toBytes(Map<String, String> attributes) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.forEach((k, v) -> main.put(new Attributes.Name(k), v));
    if (multiRelease) {
      main.put(new Attributes.Name("Multi-Release"), "true");
    }
    Map<String, byte[]> all = new TreeMap<>(entries);
    services.forEach(
        (name, lines) ->
            all.put(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipWriter out = ZipWriter.jar(bytes)) {
      out.addDirectory("META-INF/");
      ByteArrayOutputStream m = new ByteArrayOutputStream();
      manifest.write(m);
      out.add(JarFile.MANIFEST_NAME, m.toByteArray());
      Set<String> dirs = new LinkedHashSet<>();
      dirs.add("META-INF/");
      for (Map.Entry<String, byte[]> e : all.entrySet()) {
        String name = e.getKey();
        for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
          String dir = name.substring(0, slash + 1);
          if (dirs.add(dir)) {
            out.addDirectory(dir);
          }
        }
        out.add(name, e.getValue());
      }
    }
    return bytes.toByteArray();
  }
}
