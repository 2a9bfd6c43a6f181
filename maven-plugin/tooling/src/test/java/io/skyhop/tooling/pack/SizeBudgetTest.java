package io.skyhop.tooling.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SizeBudgetTest {
  private static final String DOC = "https://example.test/limits";

  @TempDir Path tmp;
  private final List<String> lines = new ArrayList<>();

  @Test
  void from80PercentOfALimitItWarnsNamingTheLargestJars() throws IOException {
    Path zip = zip(850_000);

    SizeBudget.check(Target.named("aws"), List.of(zip), jars(), limits(1_048_576), listen());

    assertThat(lines)
        .containsExactly(
            "WARNING size budget: aws package app.zip is 0.8 MB (unzipped), 81% of the limit"
                + " of 1.0 MB (unzipped test limit). Largest jars: big-1.jar (0.5 MB),"
                + " mid-1.jar (0.2 MB), small-1.jar (0.0 MB)");
  }

  @Test
  void below80PercentItSaysNothing() throws IOException {
    SizeBudget.check(
        Target.named("aws"), List.of(zip(800_000)), jars(), limits(1_048_576), listen());

    assertThat(lines).isEmpty();
  }

  @Test
  void aboveALimitItFailsNamingTheLimitItsSourceAndTheLargestJars() throws IOException {
    Path zip = zip(1_100_000);

    assertThatThrownBy(
            () ->
                SizeBudget.check(
                    Target.named("gcp"), List.of(zip), jars(), limits(1_048_576), listen()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.targets = 'gcp' cannot take this package: gcp package app.zip is 1.0 MB"
                + " (unzipped), above the limit of 1.0 MB (unzipped test limit,"
                + " https://example.test/limits). Largest jars: big-1.jar (0.5 MB), mid-1.jar"
                + " (0.2 MB), small-1.jar (0.0 MB). Fix: drop or shade down the largest"
                + " dependencies (scope provided/test where the target supplies them), or leave"
                + " gcp out of skyhop.targets");
  }

  private BuildListener listen() {
    return BuildListener.collecting(lines);
  }

  private static List<SizeLimit> limits(long unzipped) {
    return List.of(new SizeLimit("unzipped test limit", SizeLimit.Measure.UNZIPPED, unzipped, DOC));
  }

  /** A zip of one entry of {@code size} zero bytes: small zipped, {@code size} unzipped. */
  private Path zip(int size) throws IOException {
    Path zip = tmp.resolve("app.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("lib/all.bin"));
      out.write(new byte[size]);
      out.closeEntry();
    }
    return zip;
  }

  private List<Library> jars() throws IOException {
    List<Library> jars = new ArrayList<>();
    jars.add(jar("small", 1_000));
    jars.add(jar("big", 500_000));
    jars.add(jar("tiny", 10));
    jars.add(jar("mid", 200_000));
    return jars;
  }

  private Library jar(String name, int size) throws IOException {
    Path file = tmp.resolve(name + ".jar");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(new byte[size]);
    }
    return new Library("com.example", name, "1", file);
  }
}
