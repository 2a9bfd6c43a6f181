package io.skyhop.it.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the provider-measurement tests share: fixture copies with placeholders, captured progress.
 */
public final class ReportFixtures {
  private ReportFixtures() {}

  public static void copy(Path from, Path to, Map<String, String> values) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        Files.createDirectories(target.getParent());
        String text = Files.readString(f, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> v : values.entrySet()) {
          text = text.replace("@" + v.getKey() + "@", v.getValue());
        }
        Files.writeString(target, text, StandardCharsets.UTF_8);
      }
    }
  }

  public static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
