package io.skyhop.tooling.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.pack.local.LocalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code manifest.json} through {@link ManifestFile} in the engine alone (only the local provider
 * loaded): the local entry reads as its record, the other targets' as their runtime and env; bad
 * files fail naming the file, the field and the fix. The byte-for-byte round trips with every
 * provider's record are {@code ManifestEntriesTest} in integration-tests.
 */
class ManifestFileTest {
  private static final Path FIXTURES = Path.of("src/test/resources/manifest");

  @TempDir Path tmp;

  @Test
  void ordersReadsWithTheLocalEntryTypedAndTheOthersAsRuntimeAndEnv() throws Exception {
    // only the local provider is loaded here, as a goal loads only its targets' providers
    Manifest m =
        ManifestFile.parse(
            FIXTURES.resolve("orders.json"), Files.readString(FIXTURES.resolve("orders.json")));

    Manifest.Function get = m.functions().get(0);
    assertThat(get.trigger().type()).isEqualTo("http");
    assertThat(get.target("local", LocalEntry.class).path()).startsWith("/orders/");
    assertThat(get.target("aws").runtime()).isEqualTo("java17");
    assertThat(get.target("aws").env()).containsEntry("SKYHOP_FUNCTION", "get");
    assertThat(get.targets().keySet()).containsExactly("aws", "azure", "gcp", "local");
  }

  @Test
  void aMissingFileNamesTheFixToPackage() {
    assertThatThrownBy(() -> ManifestFile.read(tmp))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            tmp.resolve("manifest.json")
                + ": manifest.json is missing. Fix: run 'mvn package' first");
  }

  @Test
  void aMissingFieldIsNamedWithItsPath() throws Exception {
    String json =
        Files.readString(FIXTURES.resolve("orders.json")).replaceFirst("\"type\": \"http\",", "");
    Path file = tmp.resolve("manifest.json");

    assertThatThrownBy(() -> ManifestFile.parse(file, json))
        .isInstanceOfSatisfying(
            ManifestException.class,
            e -> assertThat(e.field()).isEqualTo("functions[0].trigger.type"))
        .hasMessage(file + ": functions[0].trigger.type is missing. Fix: run 'mvn package' again");
  }

  @Test
  void aNullTargetEntryIsNamed() {
    String json =
        """
        {"app": "a", "version": "1", "javaRelease": 17, "functions": [
          {"name": "get", "trigger": {"type": "http"}, "targets": {"aws": null}}]}
        """;
    Path file = tmp.resolve("manifest.json");

    assertThatThrownBy(() -> ManifestFile.parse(file, json))
        .hasMessage(file + ": functions[0].targets.aws is missing. Fix: run 'mvn package' again");
  }

  @Test
  void anUnknownTargetIsNamed() throws Exception {
    String json =
        Files.readString(FIXTURES.resolve("orders.json"))
            .replaceFirst("\"gcp\": \\{", "\"ibm\": {");
    Path file = tmp.resolve("manifest.json");

    assertThatThrownBy(() -> ManifestFile.parse(file, json))
        .hasMessage(
            file
                + ": targets.ibm names no target this version of Skyhop knows. Fix: package with"
                + " the Skyhop version that deploys it ('mvn package')");
  }

  @Test
  void aFieldOfTheWrongTypeIsNamedWithGsonsPath() {
    Path file = tmp.resolve("manifest.json");

    assertThatThrownBy(
            () ->
                ManifestFile.parse(
                    file, "{\"app\": \"a\", \"version\": \"1\", \"javaRelease\": \"seventeen\"}"))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            file
                + ": $.javaRelease is unreadable (For input string: \"seventeen\"). Fix: run 'mvn"
                + " package' again");
  }

  @Test
  void aManifestWithoutFunctionsSaysSo() {
    Path file = tmp.resolve("manifest.json");

    assertThatThrownBy(
            () ->
                ManifestFile.parse(
                    file,
                    "{\"app\": \"a\", \"version\": \"1\", \"javaRelease\": 17, \"functions\": []}"))
        .hasMessage(file + ": functions lists no function. Fix: run 'mvn package' again");
  }
}
