package io.skyhop.tooling.pack.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.Packager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzurePackagerTest {
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
    return Path.of(AzurePackagerTest.class.getResource("/pack/azure/classes").toURI());
  }

  private Library lib(String group, String artifact, String version) throws IOException {
    Path file = dir.resolve("repo").resolve(group + "." + artifact + "-" + version + ".jar");
    Files.createDirectories(file.getParent());
    try (OutputStream os = Files.newOutputStream(file);
        ZipOutputStream out = new ZipOutputStream(os)) {
      out.putNextEntry(new ZipEntry(artifact + ".txt"));
      out.write((group + ":" + artifact + ":" + version).getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return new Library(group, artifact, version, file);
  }

  private PackageRequest request(List<Library> deps, List<Library> adapter)
      throws URISyntaxException {
    return new PackageRequest(
        "shop",
        "1.2.3",
        17,
        classes(),
        deps,
        Map.of(Target.named("azure"), adapter),
        dir.resolve("target/skyhop"),
        List.of(Target.named("azure")),
        Map.of());
  }

  private List<Library> adapter() throws IOException {
    return List.of(
        lib("io.skyhop", "skyhop-azure-functions", "1.0"),
        lib("io.skyhop", "skyhop-adapter-core", "1.0"),
        lib("io.skyhop", "skyhop-sdk-api", "1.0"),
        lib("com.google.code.gson", "gson", "2.13.2"));
  }

  @Test
  void writesTheAppFolderAndItsZip() throws Exception {
    List<Library> deps =
        List.of(
            lib("io.skyhop", "skyhop-sdk-api", "0.9"),
            lib("org.example", "util", "2.0"),
            lib("com.microsoft.azure.functions", "azure-functions-java-library", "3.2.2"));
    new Packager(listener).pack(request(deps, adapter()));

    Path app = dir.resolve("target/skyhop/azure/shop");
    assertThat(files(app))
        .containsExactly(
            "get-thing/function.json",
            "host.json",
            "lib/gson-2.13.2.jar",
            "lib/skyhop-adapter-core-1.0.jar",
            "lib/skyhop-azure-functions-1.0.jar",
            "lib/skyhop-sdk-api-1.0.jar",
            "lib/util-2.0.jar",
            "local.settings.json",
            "on-file/function.json",
            "on-thing/function.json",
            "shop.jar",
            "weekdays/function.json");
    assertThat(Files.readString(app.resolve("get-thing/function.json")))
        .isEqualTo(
            """
            {
              "scriptFile": "../shop.jar",
              "entryPoint": "io.skyhop.azure.SkyhopFunctions.http",
              "bindings": [
                {
                  "type": "httpTrigger",
                  "direction": "in",
                  "name": "req",
                  "route": "things/{id}/parts",
                  "methods": [
                    "GET",
                    "DELETE"
                  ],
                  "dataType": "binary",
                  "authLevel": "FUNCTION"
                },
                {
                  "type": "http",
                  "direction": "out",
                  "name": "$return"
                }
              ]
            }
            """);
    assertThat(json(app.resolve("weekdays/function.json")))
        .isEqualTo(
            json(
                "{'scriptFile':'../shop.jar','entryPoint':'io.skyhop.azure.SkyhopFunctions.timer',"
                    + "'bindings':[{'type':'timerTrigger','direction':'in','name':'timer',"
                    + "'schedule':'0 30 18 * * 1-5'}]}"));
    assertThat(json(app.resolve("on-thing/function.json")))
        .isEqualTo(
            json(
                "{'scriptFile':'../shop.jar','entryPoint':'io.skyhop.azure.SkyhopFunctions.queue',"
                    + "'bindings':[{'type':'queueTrigger','direction':'in','name':'message',"
                    + "'queueName':'%SKYHOP_QUEUE_THINGS%','dataType':'binary',"
                    + "'connection':'AzureWebJobsStorage'}]}"));
    assertThat(json(app.resolve("on-file/function.json")))
        .isEqualTo(
            json(
                "{'scriptFile':'../shop.jar','entryPoint':'io.skyhop.azure.SkyhopFunctions.blob',"
                    + "'bindings':[{'type':'blobTrigger','direction':'in','name':'content',"
                    + "'path':'%SKYHOP_CONTAINER_THING_FILES%/{name}','dataType':'binary',"
                    + "'connection':'AzureWebJobsStorage','source':'EventGrid'}]}"));
    assertThat(json(app.resolve("host.json")))
        .isEqualTo(
            json(
                "{'version':'2.0','extensionBundle':{'id':'Microsoft.Azure.Functions.ExtensionBundle',"
                    + "'version':'[4.*, 5.0.0)'}}"));
    assertThat(json(app.resolve("local.settings.json")))
        .isEqualTo(
            json(
                "{'IsEncrypted':false,'Values':{'FUNCTIONS_WORKER_RUNTIME':'java',"
                    + "'AzureWebJobsStorage':'UseDevelopmentStorage=true','MODE':'fast',"
                    + "'SKYHOP_CONTAINER_THING_FILES':'thing-files','SKYHOP_QUEUE_THINGS':'things'}}"));
    assertThat(zipEntries(Files.readAllBytes(app.resolve("shop.jar"))).keySet())
        .containsExactly(
            "META-INF/MANIFEST.MF", "META-INF/skyhop/functions.json", "app/Things.class");
    assertThat(lines)
        .contains(
            "INFO azure: not shipping [com.microsoft.azure.functions:azure-functions-java-library]:"
                + " the Azure Java worker provides them",
            "WARN azure: the project uses io.skyhop:skyhop-sdk-api:0.9 and the Skyhop adapter 1.0;"
                + " lib/ holds 1.0. Align the versions to remove this warning.",
            "WARN azure: function 'on-file' listens to DELETED too, but an Azure blob trigger fires"
                + " only for created or overwritten blobs; deletions of 'thing-files' will not"
                + " reach it on Azure.");

    Map<String, byte[]> zip =
        zipEntries(Files.readAllBytes(dir.resolve("target/skyhop/azure/shop.zip")));
    List<String> expected = new ArrayList<>(files(app));
    expected.remove("local.settings.json");
    assertThat(zip.keySet()).containsExactlyElementsOf(expected);
    for (String name : expected) {
      assertThat(zip.get(name)).as(name).isEqualTo(Files.readAllBytes(app.resolve(name)));
    }
  }

  @Test
  void theManifestNamesEachFunctionsEntryPoint() throws Exception {
    new Packager(listener).pack(request(List.of(), adapter()));

    var manifest =
        JsonParser.parseString(Files.readString(dir.resolve("target/skyhop/manifest.json")))
            .getAsJsonObject();
    var first = manifest.getAsJsonArray("functions").get(0).getAsJsonObject();
    assertThat(first.getAsJsonObject("targets").get("azure"))
        .isEqualTo(
            JsonParser.parseString(
                "{'entryPoint':'io.skyhop.azure.SkyhopFunctions.http','scriptFile':'../shop.jar',"
                    + "'functionName':'get-thing','runtime':'java17','env':{'MODE':'fast'}}"));
  }

  @Test
  void repackagingRemovesWhatTheIndexNoLongerHolds() throws Exception {
    Path stale = Files.createDirectories(dir.resolve("target/skyhop/azure/shop/old-function"));
    Files.writeString(stale.resolve("function.json"), "{}");

    new Packager(listener).pack(request(List.of(), adapter()));

    assertThat(stale).doesNotExist();
  }

  @Test
  void withoutTheAdapterPackagingFails() throws Exception {
    List<Library> noAdapter = List.of(lib("io.skyhop", "skyhop-adapter-core", "1.0"));

    assertThatThrownBy(() -> new Packager(listener).pack(request(List.of(), noAdapter)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.targets = 'azure' cannot be packaged: the Azure adapter"
                + " io.skyhop:skyhop-azure-functions is missing from the Skyhop Maven plugin's"
                + " dependencies. Fix: use a skyhop-maven-plugin whose version matches"
                + " skyhop-sdk-api, or remove azure from skyhop.targets");
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  private static Object json(Path file) throws IOException {
    return JsonParser.parseString(Files.readString(file));
  }

  private static Object json(String text) {
    return JsonParser.parseString(text);
  }

  private static Map<String, byte[]> zipEntries(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }
}
