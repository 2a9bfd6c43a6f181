package io.skyhop.tooling.lab;

import io.skyhop.tooling.Target;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The provider runtime code the lab starts functions with, as files: the Maven plugin finds each
 * provider's ({@link io.skyhop.tooling.TargetProvider#labRuntime()}) among its artifacts and passes
 * the paths in.
 *
 * @param java the {@code java} executable instances run on
 * @param runtimes per target id, the jars of the target's runtime code with what they bring (e.g.
 *     Amazon's runtime interface client, Google's function invoker, the in-house runtime)
 * @param labClasspath the jars holding the lab's own harness mains (this tooling and Gson)
 */
public record LabTools(Path java, Map<String, List<Path>> runtimes, List<Path> labClasspath) {

  /** Copies the map and lists. */
  public LabTools {
    Objects.requireNonNull(java, "java");
    Map<String, List<Path>> copy = new LinkedHashMap<>();
    runtimes.forEach((id, jars) -> copy.put(id, List.copyOf(jars)));
    runtimes = Collections.unmodifiableMap(copy);
    labClasspath = List.copyOf(labClasspath);
  }

  /** No runtime code: for harnesses that start none, and tests. */
  public static LabTools withoutRuntimes() {
    return new LabTools(currentJava(), Map.of(), List.of());
  }

  /** The jars of {@code target}'s runtime code, its main jar first; empty when none was found. */
  public List<Path> runtime(Target target) {
    return runtimes.getOrDefault(target.id(), List.of());
  }

  /** The {@code java} of the running JVM. */
  public static Path currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * The jars of the lab's own classes and Gson, found from the loaded classes (the tooling jar in
   * the plugin, {@code target/classes} in tests).
   */
  public static List<Path> ownClasspath() {
    return List.of(codeSource(LabTools.class), codeSource(com.google.gson.Gson.class));
  }

  private static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      throw new IllegalStateException("Cannot locate the classes of " + type.getName(), e);
    }
  }

  /**
   * These tools with the jars (runtimes and the lab's own classes, which may change from build to
   * build) copied into {@code dir}, so that instances started during a long run never load from a
   * jar a concurrent {@code mvn install} is replacing. Directories are kept as they are.
   */
  public LabTools snapshot(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> lab = new ArrayList<>();
    for (Path p : labClasspath) {
      lab.add(copy(p, dir));
    }
    Map<String, List<Path>> copied = new LinkedHashMap<>();
    for (Map.Entry<String, List<Path>> e : runtimes.entrySet()) {
      List<Path> jars = new ArrayList<>();
      for (Path p : e.getValue()) {
        jars.add(copy(p, dir));
      }
      copied.put(e.getKey(), jars);
    }
    return new LabTools(java, copied, lab);
  }

  private static Path copy(Path file, Path dir) throws IOException {
    if (!Files.isRegularFile(file)) {
      return file;
    }
    Path target = dir.resolve(file.getFileName());
    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  /** Checks that a tool file exists, naming what is missing and the fix. */
  static Path require(Path file, String what) {
    if (file == null || !Files.exists(file)) {
      throw new LabException(
          what
              + " is missing"
              + (file == null ? "" : " (" + file + ")")
              + ". Fix: run skyhop:report through the Skyhop Maven plugin, which brings it");
    }
    return file;
  }

  /** Joins paths into a class path. */
  public static String classpath(List<Path> paths) {
    return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
  }
}
