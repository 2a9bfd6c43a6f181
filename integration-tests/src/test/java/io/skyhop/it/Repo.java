package io.skyhop.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths into this repository's build outputs, for tests that run what the build produced. */
public final class Repo {
  private Repo() {}

  /** The repository root. */
  public static Path root() {
    String root = System.getProperty("skyhop.repo.root");
    Path p = root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    if (!Files.isRegularFile(p.resolve("pom.xml"))) {
      throw new IllegalStateException("Not the repository root: " + p);
    }
    return p;
  }

  /** {@code examples/<name>/target/skyhop}, the example's packaged artifacts. */
  public static Path packaged(String example) {
    Path dir = root().resolve("examples").resolve(example).resolve("target/skyhop");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          dir + " does not exist: build the example first (mvn verify from the repository root)");
    }
    return dir;
  }

  /** The Skyhop version under test. */
  public static String version() {
    return System.getProperty("skyhop.version", "0.1.0-SNAPSHOT");
  }
}
