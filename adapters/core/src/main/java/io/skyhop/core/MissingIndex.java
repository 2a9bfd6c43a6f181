package io.skyhop.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Why {@value FunctionIndex#RESOURCE} is missing, in one message shared by the test kit (through
 * {@link FunctionIndex#load}) and {@code skyhop:package}. When compiled classes carry
 * {@code @Function} the annotation processor did not run: since JDK 23 javac runs no processor
 * found on the class path unless asked to, and {@code -proc:none} switches processing off. The
 * message then names those classes and the pom lines that declare the processor.
 */
public final class MissingIndex {
  /** How {@code @Function} appears in a class file's constant pool (CLASS retention). */
  private static final byte[] FUNCTION_DESCRIPTOR =
      "Lio/skyhop/api/Function;".getBytes(StandardCharsets.UTF_8);

  private static final int NAMED = 3;

  /** The pom lines that run the SDK's processor on every JDK from 17 on. */
  public static final String POM_LINES =
      "<plugin>\n"
          + "  <groupId>org.apache.maven.plugins</groupId>\n"
          + "  <artifactId>maven-compiler-plugin</artifactId>\n"
          + "  <configuration>\n"
          + "    <annotationProcessorPaths>\n"
          + "      <path>\n"
          + "        <groupId>io.skyhop</groupId>\n"
          + "        <artifactId>skyhop-sdk-api</artifactId>\n"
          + "        <version>${skyhop.version}</version>\n"
          + "      </path>\n"
          + "    </annotationProcessorPaths>\n"
          + "  </configuration>\n"
          + "</plugin>\n";

  private MissingIndex() {}

  /**
   * The message for a missing index.
   *
   * @param where where the index was looked for, e.g. {@code "is not on the class path"}
   * @param annotated the classes that carry {@code @Function} (empty: none was found)
   */
  public static String message(String where, List<String> annotated) {
    if (annotated.isEmpty()) {
      return "No Skyhop functions found: "
          + FunctionIndex.RESOURCE
          + " "
          + where
          + ". The index is written by the annotation processor in skyhop-sdk-api at compile"
          + " time: depend on io.skyhop:skyhop-sdk-api, annotate at least one public method with"
          + " @Function and a trigger, and make sure the build does not disable annotation"
          + " processing (-proc:none).";
    }
    List<String> named = annotated.subList(0, Math.min(NAMED, annotated.size()));
    return "No Skyhop functions found: "
        + FunctionIndex.RESOURCE
        + " "
        + where
        + ", yet "
        + String.join(", ", named)
        + (annotated.size() > NAMED ? " and " + (annotated.size() - NAMED) + " more" : "")
        + (annotated.size() == 1 ? " carries" : " carry")
        + " @Function: annotation processing did not run. Since JDK 23 javac runs no annotation"
        + " processor found on the class path unless asked to, and -proc:none (<proc>none</proc>)"
        + " switches it off. Fix: declare the processor in pom.xml (the version is that of your"
        + " skyhop-sdk-api dependency), remove any -proc:none, then run mvn clean verify:\n"
        + POM_LINES;
  }

  /**
   * The classes under the directories of a class loader's class path that carry {@code @Function},
   * sorted by name (jars are not searched: functions are compiled into a directory).
   */
  public static List<String> annotatedClasses(ClassLoader loader) {
    List<String> found = new ArrayList<>();
    try {
      Enumeration<URL> roots = loader.getResources("");
      for (URL root : Collections.list(roots)) {
        if ("file".equals(root.getProtocol())) {
          found.addAll(annotatedClasses(Path.of(root.toURI())));
        }
      }
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      return found; // the message without class names is still right
    }
    Collections.sort(found);
    return found;
  }

  /** The classes under a class directory that carry {@code @Function}, sorted by name. */
  public static List<String> annotatedClasses(Path classesDir) {
    if (!Files.isDirectory(classesDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(classesDir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".class"))
          .filter(MissingIndex::carriesFunction)
          .map(f -> className(classesDir, f))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean carriesFunction(Path classFile) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(classFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    outer:
    for (int i = 0; i <= bytes.length - FUNCTION_DESCRIPTOR.length; i++) {
      for (int j = 0; j < FUNCTION_DESCRIPTOR.length; j++) {
        if (bytes[i + j] != FUNCTION_DESCRIPTOR[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static String className(Path root, Path classFile) {
    String relative = root.relativize(classFile).toString().replace('\\', '/');
    return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
  }
}
