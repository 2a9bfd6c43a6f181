package io.skyhop.tooling.pack;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code manifest.json} through {@link ManifestFile} with every provider loaded: manifests the
 * packager wrote before the typed model (examples/orders for aws, azure, gcp and local;
 * examples/hello with knative too) read into each provider's record and write back byte for byte.
 * The engine's own cases (bad files, targets whose provider is not loaded) are {@code
 * ManifestFileTest} in the engine.
 */
class ManifestEntriesTest {
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
}
