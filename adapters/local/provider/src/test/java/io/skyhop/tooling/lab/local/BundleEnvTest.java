package io.skyhop.tooling.lab.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.lab.LabException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle copy the local lab runs for a measurement that adds environment (tracing on). */
class BundleEnvTest {
  private static final String MANIFEST =
      "{\"format\":1,\"app\":\"orders\",\"classPath\":[\"lib/core.jar\"],"
          + "\"env\":{\"get\":{\"GREETING\":\"hi\"},\"nightly\":{}}}";

  @TempDir Path dir;

  @Test
  void addsTheEnvironmentToEveryFunctionAndCopiesEveryOtherEntryAsItIs() throws Exception {
    Path bundle =
        zip(
            Map.of(
                "skyhop-bundle.json", MANIFEST,
                "com/example/Get.class", "classbytes",
                "lib/core.jar", "jarbytes"));

    Path copy =
        BundleEnv.write(
            bundle,
            Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"),
            dir.resolve("copy.zip"));

    JsonObject manifest =
        JsonParser.parseString(read(copy, "skyhop-bundle.json")).getAsJsonObject();
    assertThat(manifest.getAsJsonObject("env").toString())
        .isEqualTo(
            "{\"get\":{\"GREETING\":\"hi\",\"OTEL_EXPORTER_OTLP_ENDPOINT\":"
                + "\"http://127.0.0.1:4318\"},\"nightly\":{\"OTEL_EXPORTER_OTLP_ENDPOINT\":"
                + "\"http://127.0.0.1:4318\"}}");
    assertThat(manifest.get("app").getAsString()).isEqualTo("orders");
    assertThat(read(copy, "com/example/Get.class")).isEqualTo("classbytes");
    assertThat(read(copy, "lib/core.jar")).isEqualTo("jarbytes");
    assertThat(read(bundle, "skyhop-bundle.json")).as("the original").isEqualTo(MANIFEST);
  }

  @Test
  void aBundleWithoutItsManifestIsRefusedNamingTheFix() throws Exception {
    Path bundle = zip(Map.of("com/example/Get.class", "classbytes"));
    assertThatThrownBy(() -> BundleEnv.write(bundle, Map.of("A", "b"), dir.resolve("copy.zip")))
        .isInstanceOf(LabException.class)
        .hasMessage(
            "local: "
                + bundle
                + " has no skyhop-bundle.json, so its functions cannot be measured with more"
                + " environment. Fix: package again (mvn package)");
  }

  private Path zip(Map<String, String> entries) throws IOException {
    Path zip = dir.resolve("orders.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return zip;
  }

  private static String read(Path file, String name) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      return new String(
          zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
