package io.skyhop.it.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Shared code knows no provider by name: the engine's and the plugin's main sources (comments
 * aside) hold no provider id in a string, no {@code Target.AWS}-style constant and no {@code
 * Aws…}/{@code Gcp…} class; what a provider brings sits in its folder behind the {@code
 * TargetProvider} SPI. The files that still name providers are listed in {@link #NOT_YET}: the test
 * fails when any other file names one, and when a listed file no longer does (take it off).
 */
class EngineProviderNamesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final List<String> SHARED =
      List.of("maven-plugin/tooling/src/main/java", "maven-plugin/plugin/src/main/java");

  private static final String IDS = "aws|azure|gcp|knative|lambda|amazon|google";

  private static final List<Pattern> NAMES =
      List.of(
          Pattern.compile("\\bTarget\\.(AWS|AZURE|GCP|KNATIVE|LOCAL)\\b"),
          Pattern.compile("\\b(Aws|Azure|Gcp|Knative|Lambda|Google)[A-Z]\\w*"),
          Pattern.compile("\\b(aws|azure|gcp|knative|lambda)[A-Z]\\w*"),
          Pattern.compile("\"[^\"\\n]*\\b(?i:" + IDS + ")\\b[^\"\\n]*\""));

  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  /**
   * Shared files that still name providers (#18's rest; not a principled exception, work left): the
   * price plans ({@code Plan}, an enum) and the rules keyed on them (the price table's reader,
   * minimum instances' idle rates and Lambda's request free tier, Flex's billing reading and
   * Google's upper-bound note in the report's lever notes); next: {@code Plan} as a value with the
   * rules supplied by each provider's {@code plans()}, the price table keeping its provider rows as
   * data.
   */
  private static final Set<String> NOT_YET =
      Set.of(
          "maven-plugin/tooling/src/main/java/io/skyhop/tooling/cost/Plan.java",
          "maven-plugin/tooling/src/main/java/io/skyhop/tooling/cost/PriceTableReader.java",
          "maven-plugin/tooling/src/main/java/io/skyhop/tooling/cost/MinInstancesCost.java",
          "maven-plugin/tooling/src/main/java/io/skyhop/tooling/cost/IdleRates.java",
          "maven-plugin/tooling/src/main/java/io/skyhop/tooling/report/LeverNotes.java");

  @Test
  void sharedCodeNamesNoProvider() throws IOException {
    Set<String> naming = new TreeSet<>();
    List<String> lines = new ArrayList<>();
    for (String dir : SHARED) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(dir))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String file = ROOT.relativize(f).toString().replace('\\', '/');
          List<String> found = names(f);
          if (!found.isEmpty()) {
            naming.add(file);
            if (!NOT_YET.contains(file)) {
              lines.add(file + ": " + found);
            }
          }
        }
      }
    }
    assertThat(lines).as("provider names in shared code (move them behind the SPI)").isEmpty();
    assertThat(NOT_YET).as("listed files that no longer name a provider").isSubsetOf(naming);
  }

  @Test
  void theScanFindsAProviderName() throws IOException {
    // a scan that finds nothing cannot fail: the aws provider's own files name aws
    Path provider =
        ROOT.resolve(
            "adapters/aws/provider/src/main/java/io/skyhop/tooling/deploy/aws/AwsTargetProvider.java");
    assertThat(names(provider)).isNotEmpty();
  }

  private static List<String> names(Path file) {
    try {
      String code = COMMENT.matcher(Files.readString(file)).replaceAll(" ");
      List<String> found = new ArrayList<>();
      for (Pattern p : NAMES) {
        Matcher m = p.matcher(code);
        while (m.find()) {
          found.add(m.group());
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
