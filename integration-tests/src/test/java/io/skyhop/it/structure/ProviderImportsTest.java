package io.skyhop.it.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One provider, one folder: each cloud SDK is imported only under its provider's folder ({@code
 * adapters/<id>/}). Scans every Java source of the repository except build output, the shared
 * integration tests (which drive every provider's stubs) and the benchmarks' peer projects.
 */
class ProviderImportsTest {
  /** Import prefix to the folder that alone may import it; the first match wins. */
  private static final Map<String, String> OWNERS =
      Map.of(
          "com.google.cloud.tools.jib", "adapters/knative/",
          "io.fabric8", "adapters/knative/",
          "software.amazon.awssdk", "adapters/aws/",
          "com.azure", "adapters/azure/",
          "com.google.cloud", "adapters/gcp/",
          "com.google.api", "adapters/gcp/");

  /**
   * The Google Functions Framework API ({@code com.google.cloud.functions}) is not a cloud SDK: it
   * is the run-time API the GCP adapter implements and the test kit's GCP events fake.
   */
  private static final List<String> RUNTIME_APIS = List.of("com.google.cloud.functions.");

  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void eachCloudSdkIsImportedOnlyInItsProvidersFolder() throws IOException {
    List<String> misplaced = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .map(f -> ROOT.relativize(f).toString().replace('\\', '/'))
          .filter(f -> !f.contains("/target/") && !f.startsWith("target/"))
          .filter(f -> !f.startsWith("integration-tests/") && !f.startsWith("benchmarks/"))
          .forEach(f -> misplaced.addAll(misplaced(f)));
    }
    assertThat(misplaced).as("cloud SDK imports outside their provider's folder").isEmpty();
  }

  @Test
  void theScanSeesEachProvidersImports() throws IOException {
    // a scan that reads nothing cannot fail: each provider's folder does import its SDK
    for (String folder :
        List.of("adapters/aws/", "adapters/azure/", "adapters/gcp/", "adapters/knative/")) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(folder))) {
        assertThat(
                files
                    .filter(f -> f.toString().endsWith(".java"))
                    .anyMatch(f -> imports(f).stream().anyMatch(i -> owner(i).equals(folder))))
            .as(folder)
            .isTrue();
      }
    }
  }

  private static List<String> misplaced(String file) {
    List<String> found = new ArrayList<>();
    for (String imported : imports(ROOT.resolve(file))) {
      String owner = owner(imported);
      if (!owner.isEmpty() && !file.startsWith(owner)) {
        found.add(file + " imports " + imported + " (only " + owner + " may)");
      }
    }
    return found;
  }

  private static String owner(String imported) {
    if (RUNTIME_APIS.stream().anyMatch(imported::startsWith)) {
      return "";
    }
    return OWNERS.entrySet().stream()
        .filter(e -> imported.equals(e.getKey()) || imported.startsWith(e.getKey() + "."))
        .sorted((a, b) -> b.getKey().length() - a.getKey().length())
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse("");
  }

  private static List<String> imports(Path file) {
    try {
      Matcher m = IMPORT.matcher(Files.readString(file));
      List<String> imports = new ArrayList<>();
      while (m.find()) {
        imports.add(m.group(1));
      }
      return imports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
