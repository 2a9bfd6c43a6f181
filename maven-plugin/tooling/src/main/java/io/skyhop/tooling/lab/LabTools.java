package io.skyhop.tooling.lab;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The provider runtime code the lab starts functions with, as files: the Maven plugin finds them
 * among its own artifacts and passes the paths in.
 *
 * @param java the {@code java} executable instances run on
 * @param awsRuntimeClient Amazon's runtime interface client with its dependencies
 *     (aws-lambda-java-runtime-interface-client, aws-lambda-java-core, and what they need)
 * @param gcpInvoker Google's function invoker ({@code java-function-invoker}, a runnable jar)
 * @param azureLibrary the Azure Functions Java library the Azure worker provides to functions
 *     (azure-functions-java-library and its core library)
 * @param labClasspath the jars holding the lab's own harness mains (this tooling and Gson)
 * @param runtimeJar the in-house runtime ({@code skyhop-runtime.jar})
 */
public record LabTools(
    Path java,
    List<Path> awsRuntimeClient,
    Path gcpInvoker,
    List<Path> azureLibrary,
    List<Path> labClasspath,
    Path runtimeJar) {

  /** Copies the lists. */
  public LabTools {
    Objects.requireNonNull(java, "java");
    awsRuntimeClient = List.copyOf(awsRuntimeClient);
    azureLibrary = List.copyOf(azureLibrary);
    labClasspath = List.copyOf(labClasspath);
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
   * These tools with the jars that change from build to build (the in-house runtime, the lab's own
   * classes) copied into {@code dir}, so that instances started during a long run never load from a
   * jar a concurrent {@code mvn install} is replacing. Directories are kept as they are.
   */
  public LabTools snapshot(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> lab = new ArrayList<>();
    for (Path p : labClasspath) {
      lab.add(copy(p, dir));
    }
    return new LabTools(
        java,
        awsRuntimeClient,
        gcpInvoker,
        azureLibrary,
        lab,
        runtimeJar == null ? null : copy(runtimeJar, dir));
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
