package io.skyhop.tooling.pack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.core.FunctionIndex;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.Packager;
import io.skyhop.tooling.pack.TargetEntries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPackagerTest {
  @TempDir Path tmp;
  private final List<String> messages = new ArrayList<>();
  private final BuildListener listener =
      new BuildListener() {
        @Override
        public void info(String message) {
          messages.add("INFO " + message);
        }

        @Override
        public void warn(String message) {
          messages.add("WARN " + message);
        }
      };
  private Path classes;

  @BeforeEach
  void classes() throws IOException {
    classes = tmp.resolve("classes");
    Files.createDirectories(classes.resolve("META-INF/skyhop"));
    Files.createDirectories(classes.resolve("com/example"));
    Files.writeString(classes.resolve(FunctionIndex.RESOURCE), resource("functions.json"));
    Files.write(classes.resolve("com/example/Shop.class"), new byte[] {(byte) 0xca, (byte) 0xfe});
  }

  @Test
  void bundleHasItsManifestClassesAtTheRootAndEveryJarInLib() throws IOException {
    List<Path> files =
        new LocalPackager().pack(request(dependencies(), adapter()), index(), listener);

    assertThat(files).containsExactly(tmp.resolve("skyhop/local/shop.zip"));
    assertThat(entries(files.get(0)))
        .containsExactly(
            "skyhop-bundle.json",
            "META-INF/skyhop/functions.json",
            "com/example/Shop.class",
            "lib/commons-text-1.12.0.jar",
            "lib/skyhop-sdk-api-0.1.0-SNAPSHOT.jar",
            "lib/skyhop-adapter-core-0.1.0-SNAPSHOT.jar",
            "lib/gson-2.13.2.jar");
    assertThat(read(files.get(0), "skyhop-bundle.json"))
        .isEqualTo(
            "{\n"
                + "  \"format\": 1,\n"
                + "  \"app\": \"shop\",\n"
                + "  \"version\": \"1.0.0\",\n"
                + "  \"javaRelease\": 17,\n"
                + "  \"classPath\": [\n"
                + "    \"lib/commons-text-1.12.0.jar\",\n"
                + "    \"lib/skyhop-sdk-api-0.1.0-SNAPSHOT.jar\",\n"
                + "    \"lib/skyhop-adapter-core-0.1.0-SNAPSHOT.jar\",\n"
                + "    \"lib/gson-2.13.2.jar\"\n"
                + "  ],\n"
                + "  \"env\": {\n"
                + "    \"get\": {\n"
                + "      \"GREETING\": \"hi\"\n"
                + "    },\n"
                + "    \"admin-reset\": {},\n"
                + "    \"nightly\": {},\n"
                + "    \"berlin-morning\": {},\n"
                + "    \"on-order\": {},\n"
                + "    \"on-upload\": {}\n"
                + "  }\n"
                + "}");
    assertThat(messages).isEmpty();
  }

  @Test
  void theSameInputGivesTheSameBytes() throws IOException {
    Path first =
        new LocalPackager().pack(request(dependencies(), adapter()), index(), listener).get(0);
    byte[] before = Files.readAllBytes(first);
    Path second =
        new LocalPackager().pack(request(dependencies(), adapter()), index(), listener).get(0);
    assertThat(Files.readAllBytes(second)).isEqualTo(before);
  }

  @Test
  void theAdapterCoresVersionsWinWithAWarning() throws IOException {
    List<Library> deps = new ArrayList<>(dependencies());
    deps.add(jar("com.google.code.gson", "gson", "2.10.1"));

    new LocalPackager().pack(request(deps, adapter()), index(), listener);

    assertThat(entries(tmp.resolve("skyhop/local/shop.zip")))
        .contains("lib/gson-2.13.2.jar")
        .doesNotContain("lib/gson-2.10.1.jar");
    assertThat(messages)
        .containsExactly(
            "WARN local: the project depends on com.google.code.gson:gson 2.10.1 but the Skyhop"
                + " adapter core needs 2.13.2; the bundle holds 2.13.2. Fix: depend on 2.13.2 to"
                + " run what you test");
  }

  @Test
  void manifestEntryNamesEntryPointPathAndEnvironment() throws IOException {
    LocalPackager packager = new LocalPackager();
    PackageRequest request = request(dependencies(), adapter());

    assertThat(TargetEntries.asMap(packager.manifestEntry(request, index().function("get"))))
        .containsExactly(
            Map.entry("entryPoint", "io.skyhop.runtime.worker.WorkerMain"),
            Map.entry("runtime", "skyhop-runtime"),
            Map.entry("package", "local/shop.zip"),
            Map.entry("path", "/shop/items/{id}"),
            Map.entry("env", Map.of("GREETING", "hi", "SKYHOP_FUNCTION", "get")));
    assertThat(TargetEntries.asMap(packager.manifestEntry(request, index().function("nightly"))))
        .doesNotContainKey("path");
  }

  @Test
  void withoutTheAdapterCorePackagingFailsNamingIt() {
    List<Library> noCore = List.of(jar("com.google.code.gson", "gson", "2.13.2"));

    assertThatThrownBy(
            () -> new LocalPackager().pack(request(dependencies(), noCore), index(), listener))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.targets = 'local' cannot be packaged: io.skyhop:skyhop-adapter-core is not"
                + " among the plugin's artifacts. Fix: use a skyhop-maven-plugin whose dependencies"
                + " include it (any released version does), or remove local from skyhop.targets");
  }

  private List<Library> dependencies() {
    return List.of(
        jar("org.apache.commons", "commons-text", "1.12.0"),
        jar("io.skyhop", "skyhop-sdk-api", "0.1.0-SNAPSHOT"));
  }

  private List<Library> adapter() {
    return List.of(
        jar("io.skyhop", "skyhop-adapter-core", "0.1.0-SNAPSHOT"),
        jar("io.skyhop", "skyhop-sdk-api", "0.1.0-SNAPSHOT"),
        jar("com.google.code.gson", "gson", "2.13.2"));
  }

  private PackageRequest request(List<Library> deps, List<Library> adapter) {
    return new PackageRequest(
        "shop",
        "1.0.0",
        17,
        classes,
        deps,
        Map.of(Target.named("local"), adapter),
        tmp.resolve("skyhop"),
        List.of(Target.named("local")),
        Map.of());
  }

  private Library jar(String group, String artifact, String version) {
    Path file = tmp.resolve("repo").resolve(group + "." + artifact + "-" + version + ".jar");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, group + ":" + artifact + ":" + version);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Library(group, artifact, version, file);
  }

  private FunctionIndex index() throws IOException {
    return Packager.readIndex(classes);
  }

  private static List<String> entries(Path zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> e = z.entries();
      while (e.hasMoreElements()) {
        names.add(e.nextElement().getName());
      }
    }
    return names;
  }

  private static String read(Path zip, String entry) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile());
        InputStream in = z.getInputStream(z.getEntry(entry))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String resource(String name) throws IOException {
    try (InputStream in = LocalPackagerTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
