package io.skyhop.tooling.pack.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.Packager;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcpPackagerTest {
  private static final Clock TABLE_DAY =
      Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC);
  @TempDir Path dir;
  private final List<String> lines = new ArrayList<>();
  private final BuildListener listener =
      new BuildListener() {
        @Override
        public void info(String message) {
          lines.add("INFO " + message);
        }

        @Override
        public void warn(String message) {
          lines.add("WARN " + message);
        }
      };

  private static Path classes() throws URISyntaxException {
    return Path.of(GcpPackagerTest.class.getResource("/pack/gcp/classes").toURI());
  }

  private Library lib(String group, String artifact, String version, String... entries)
      throws IOException {
    Path file =
        Jars.write(
            Files.createTempDirectory(dir, "lib").resolve(artifact + "-" + version + ".jar"),
            entries);
    return new Library(group, artifact, version, file);
  }

  private List<Library> adapters() throws IOException {
    return List.of(
        lib(
            "io.skyhop",
            "skyhop-gcp-functions",
            "1.0",
            "io/skyhop/gcp/SkyhopHttpFunction.class",
            "gcp"),
        lib(
            "io.skyhop",
            "skyhop-adapter-core",
            "1.0",
            "io/skyhop/core/FunctionRuntime.class",
            "core"),
        lib(
            "io.skyhop",
            "skyhop-sdk-api",
            "1.0",
            "io/skyhop/api/HttpRequest.class",
            "adapter's api"),
        lib("com.google.code.gson", "gson", "2.13.2", "com/google/gson/Gson.class", "gson 2.13.2"));
  }

  private PackageRequest request(int release, List<Library> deps, List<Library> adapters)
      throws URISyntaxException {
    return new PackageRequest(
        "shop",
        "1.2.3",
        release,
        classes(),
        deps,
        Map.of(Target.named("gcp"), adapters),
        dir.resolve("skyhop"),
        List.of(Target.named("gcp")),
        Map.of());
  }

  @Test
  void writesASourceZipWithOneMergedJarAndTheManifestEntries() throws Exception {
    List<Library> deps =
        List.of(
            lib(
                "io.skyhop",
                "skyhop-sdk-api",
                "1.0",
                "io/skyhop/api/HttpRequest.class",
                "api",
                "io/skyhop/api/processor/FunctionProcessor.class",
                "compile time only",
                "META-INF/services/javax.annotation.processing.Processor",
                "io.skyhop.api.processor.FunctionProcessor"),
            lib("com.google.code.gson", "gson", "2.10", "com/google/gson/Gson.class", "gson 2.10"),
            lib(
                "com.google.cloud.functions",
                "functions-framework-api",
                "2.0.0",
                "com/google/cloud/functions/HttpFunction.class",
                "x"),
            lib("org.example", "util", "3", "org/example/Util.class", "util"));

    new Packager(listener, TABLE_DAY).pack(request(17, deps, adapters()));

    Path zip = dir.resolve("skyhop/gcp/shop.zip");
    Map<String, String> zipEntries = Jars.entries(Files.readAllBytes(zip));
    assertThat(zipEntries.keySet()).containsExactly("shop.jar");
    Map<String, String> entries = readJar(zip);
    assertThat(entries.keySet())
        .contains(
            "META-INF/skyhop/functions.json",
            "io/skyhop/gcp/SkyhopHttpFunction.class",
            "io/skyhop/core/FunctionRuntime.class",
            "org/example/Util.class")
        .doesNotContain(
            "com/google/cloud/functions/HttpFunction.class",
            "io/skyhop/api/processor/FunctionProcessor.class",
            "META-INF/services/javax.annotation.processing.Processor");
    assertThat(entries.get("io/skyhop/api/HttpRequest.class")).isEqualTo("api");
    assertThat(entries.get("com/google/gson/Gson.class")).isEqualTo("gson 2.10");
    assertThat(entries.get("META-INF/MANIFEST.MF"))
        .isEqualTo(
            "Manifest-Version: 1.0\r\nCreated-By: Skyhop\r\nImplementation-Title: shop\r\n"
                + "Implementation-Version: 1.2.3\r\n\r\n");
    assertThat(lines)
        .containsExactly(
            "INFO gcp: com.google.cloud.functions:functions-framework-api is provided by Google's"
                + " function runtime, not packaged",
            "WARN gcp: the project uses com.google.code.gson:gson 2.10, the Skyhop GCP adapter"
                + " 2.13.2; packaged 2.10",
            "INFO gcp: skyhop/gcp/shop.zip",
            "INFO manifest.json: 4 functions, targets [GCP]");

    JsonObject manifest =
        JsonParser.parseString(Files.readString(dir.resolve("skyhop/manifest.json")))
            .getAsJsonObject();
    List<String> gcp = new ArrayList<>();
    manifest
        .getAsJsonArray("functions")
        .forEach(
            f -> gcp.add(f.getAsJsonObject().getAsJsonObject("targets").get("gcp").toString()));
    assertThat(gcp)
        .containsExactly(
            "{\"entryPoint\":\"io.skyhop.gcp.SkyhopHttpFunction\",\"runtime\":\"java17\","
                + "\"env\":{\"SKYHOP_FUNCTION\":\"get-thing\",\"MODE\":\"fast\"},"
                + "\"signatureType\":\"http\"}",
            "{\"entryPoint\":\"io.skyhop.gcp.SkyhopHttpFunction\",\"runtime\":\"java17\","
                + "\"env\":{\"SKYHOP_FUNCTION\":\"nightly\"},\"signatureType\":\"http\"}",
            "{\"entryPoint\":\"io.skyhop.gcp.SkyhopEventFunction\",\"runtime\":\"java17\","
                + "\"env\":{\"SKYHOP_FUNCTION\":\"on-thing\"},\"signatureType\":\"cloudevent\"}",
            "{\"entryPoint\":\"io.skyhop.gcp.SkyhopEventFunction\",\"runtime\":\"java17\","
                + "\"env\":{\"SKYHOP_FUNCTION\":\"on-file\"},\"signatureType\":\"cloudevent\"}");
  }

  @Test
  void theSameInputGivesTheSameZip() throws Exception {
    new GcpPackager().pack(request(21, List.of(), adapters()), null, listener);
    byte[] first = Files.readAllBytes(dir.resolve("skyhop/gcp/shop.zip"));
    new GcpPackager().pack(request(21, List.of(), adapters()), null, listener);

    assertThat(Files.readAllBytes(dir.resolve("skyhop/gcp/shop.zip"))).isEqualTo(first);
  }

  @Test
  void packagingNearTheRuntimesDeprecationWarnsWithTheDate() throws Exception {
    Clock may2027 = Clock.fixed(Instant.parse("2027-05-01T09:00:00Z"), ZoneOffset.UTC);

    new Packager(listener, may2027).pack(request(17, List.of(), adapters()));

    assertThat(lines)
        .contains(
            "WARN gcp: Google Cloud Run functions deprecates java17 on 2027-10-01 (deprecated"
                + " 2027-10-01, runtime table of 2026-12-07,"
                + " https://cloud.google.com/functions/docs/runtime-support). Fix: set"
                + " maven.compiler.release to 21 (java21)");
  }

  @Test
  void release25PackagesForJava25() throws Exception {
    new Packager(listener, TABLE_DAY).pack(request(25, List.of(), adapters()));

    assertThat(Files.readString(dir.resolve("skyhop/manifest.json")))
        .contains("\"runtime\": \"java25\"");
    assertThat(lines).noneMatch(l -> l.startsWith("WARN"));
  }

  @Test
  void refusesAReleaseWithoutRuntime() {
    assertThatThrownBy(
            () -> new GcpPackager().pack(request(11, List.of(), adapters()), null, listener))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "maven.compiler.release = '11' has no Google Cloud Run functions Java runtime: it"
                + " offers 17 (java17), 21 (java21), 25 (java25) (runtime table of 2026-12-07,"
                + " https://cloud.google.com/functions/docs/runtime-support). Fix: set"
                + " maven.compiler.release to one of those, or leave gcp out of skyhop.targets");
  }

  @Test
  void refusesToPackageWithoutTheAdapter() {
    assertThatThrownBy(
            () -> new GcpPackager().pack(request(17, List.of(), List.of()), null, listener))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.targets = 'gcp' cannot be packaged: the GCP adapter"
                + " io.skyhop:skyhop-gcp-functions is not among the plugin's artifacts. Fix: use a"
                + " skyhop-maven-plugin whose version matches skyhop-sdk-api, or remove gcp from"
                + " skyhop.targets");
  }

  @Test
  void refusesAPackageMissingTheAdapterDependencies() throws Exception {
    List<Library> onlyAdapter = adapters().subList(0, 1);

    assertThatThrownBy(
            () -> new GcpPackager().pack(request(17, List.of(), onlyAdapter), null, listener))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("The gcp package would lack ")
        .hasMessageContaining(
            "the build passed [io.skyhop:skyhop-gcp-functions]. Fix: package with the"
                + " skyhop-maven-plugin, which adds the adapter and its dependencies.");
  }

  private static Map<String, String> readJar(Path zip) throws IOException {
    try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
      in.getNextEntry();
      return Jars.entries(in.readAllBytes());
    }
  }
}
