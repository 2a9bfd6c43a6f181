package io.skyhop.it.archetype;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDKs to build generated projects on: {@code skyhop.it.javaHomes} (comma-separated
 * JAVA_HOMEs), else the JDK running the tests. {@code .ci/run} passes JDK 25.
 */
final class JavaHomes {
  private static final Pattern JAVA_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

  private JavaHomes() {}

  static List<Path> list() {
    List<Path> homes =
        Arrays.stream(System.getProperty("skyhop.it.javaHomes", "").split(","))
            .map(String::trim)
            .filter(h -> !h.isEmpty())
            .map(Path::of)
            .toList();
    return homes.isEmpty() ? List.of(Path.of(System.getProperty("java.home"))) : homes;
  }

  /** The feature release of a JDK, from its {@code release} file. */
  static int feature(Path javaHome) {
    try {
      Matcher m =
          JAVA_VERSION.matcher(
              Files.readString(javaHome.resolve("release"), StandardCharsets.UTF_8));
      if (!m.find()) {
        throw new AssertionError("No JAVA_VERSION in " + javaHome.resolve("release"));
      }
      return Integer.parseInt(m.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
