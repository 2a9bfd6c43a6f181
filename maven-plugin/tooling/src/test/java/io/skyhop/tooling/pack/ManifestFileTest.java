package io.skyhop.tooling.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.pack.aws.AwsEntry;
import io.skyhop.tooling.pack.knative.KnativeEntry;
import io.skyhop.tooling.pack.local.LocalEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code manifest.json} through {@link ManifestFile}: manifests the packager wrote before the typed
 * model (examples/orders for aws, azure, gcp and local; examples/hello with knative too) read into
 * the records and write back byte for byte; bad files fail naming the file, the field and the fix.
 */
class ManifestFileTest {
  private static final Path FIXTURES = Path.of("src/test/resources/manifest");

  @TempDir Path tmp;

  @Test
  void ordersReadsIntoTheRecordsAndWritesBackByteForByte() throws Exception {
    String json = Files.readString(FIXTURES.resolve("orders.json"), StandardCharsets.UTF_8);
    Manifest m = ManifestFile.parse(FIXTURES.resolve("orders.json"), json);

    assertThat(ManifestFile.toJson(m)).isEqualTo(json);
    assertThat(m.app()).isEqualTo("orders");
    assertThat(m.javaRelease()).isEqualTo(17);
    Manifest.Function get = m.functions().get(0);
    assertThat(get.className()).isEqualTo("com.example.orders.Orders");
    assertThat(get.trigger().type()).isEqualTo("http");
    assertThat(get.target("aws", AwsEntry.class).handler())
        .isEqualTo("io.skyhop.aws.SkyhopHandler::handleRequest");
    assertThat(get.target("aws", AwsEntry.class).packagePath()).isEqualTo("aws/orders.zip");
    assertThat(get.target("local", LocalEntry.class).path()).startsWith("/orders/");
    assertThat(get.targets().keySet()).containsExactly("aws", "azure", "gcp", "local");
  }

  @Test
  void knativeEntriesWriteBackByteForByte() throws Exception {
    String json = Files.readString(FIXTURES.resolve("hello-knative.json"), StandardCharsets.UTF_8);
    Manifest m = ManifestFile.parse(FIXTURES.resolve("hello-knative.json"), json);

    assertThat(ManifestFile.toJson(m)).isEqualTo(json);
    assertThat(m.functions().get(0).target("knative", KnativeEntry.class).service())
        .isEqualTo("hello");
  }

  @Test
  void writeThenReadGivesTheSameRecords() throws Exception {
    Manifest m =
        new Manifest(
            "shop",
            "1.0",
            21,
            List.of(
                new Manifest.Function(
                    "nightly",
                    "com.example.Shop",
                    "nightly",
                    Manifest.Trigger.schedule("0 3 * * *", "UTC"),
                    256,
                    60,
                    0,
                    Map.of(),
                    List.of("api-key"),
                    Map.of(
                        "aws",
                        new AwsEntry(
                            "shop-nightly",
                            "io.skyhop.aws.SkyhopHandler::handleRequest",
                            "java21",
                            "aws/shop.zip",
                            Map.of("SKYHOP_FUNCTION", "nightly"))))));

    assertThat(ManifestFile.read(ManifestFile.write(tmp, m).getParent())).isEqualTo(m);
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
