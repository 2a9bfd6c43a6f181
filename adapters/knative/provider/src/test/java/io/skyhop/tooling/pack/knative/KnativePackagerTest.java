package io.skyhop.tooling.pack.knative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.core.FunctionIndex;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.knative.OciArchive;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knative packager, offline: the base image is a {@code docker save} tarball built here with
 * Jib from scratch (a stand-in for a JRE image: a marker file and Temurin's environment).
 */
class KnativePackagerTest {
  @TempDir static Path shared;
  @TempDir Path tmp;
  private static Path baseTar;
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

  @BeforeAll
  static void baseImage() throws Exception {
    Path release = Files.writeString(shared.resolve("release"), "JAVA_VERSION=\"17\"\n");
    baseTar = shared.resolve("base.tar");
    Jib.fromScratch()
        .addFileEntriesLayer(
            FileEntriesLayer.builder()
                .addEntry(release, AbsoluteUnixPath.get("/opt/java/openjdk/release"))
                .build())
        .addEnvironmentVariable("JAVA_HOME", "/opt/java/openjdk")
        .addEnvironmentVariable("PATH", "/opt/java/openjdk/bin:/usr/bin:/bin")
        .containerize(
            Containerizer.to(TarImage.at(baseTar).named("jre-stand-in:17"))
                .setBaseImageLayersCache(shared.resolve("jib-base"))
                .setApplicationLayersCache(shared.resolve("jib-app")));
  }

  @BeforeEach
  void classes() throws IOException {
    classes = tmp.resolve("classes");
    Files.createDirectories(classes.resolve("META-INF/skyhop"));
    Files.createDirectories(classes.resolve("com/example"));
    Files.writeString(classes.resolve(FunctionIndex.RESOURCE), resource("functions.json"));
    Files.write(classes.resolve("com/example/Shop.class"), new byte[] {(byte) 0xca, (byte) 0xfe});
  }

  @Test
  void writesTheImageTarballAndTheServiceYaml() throws IOException {
    List<Path> files = new KnativePackager().pack(request(), index(), listener);

    Path dir = tmp.resolve("skyhop/knative");
    assertThat(files).containsExactly(dir.resolve("shop-image.tar"), dir.resolve("service.yaml"));
    OciArchive image = OciArchive.unpack(files.get(0), tmp.resolve("unpacked"));
    String yaml = Files.readString(files.get(1));
    assertThat(yaml.replace(image.manifestDigest(), "sha256:DIGEST"))
        .isEqualTo(resource("service.yaml"));
    assertThat(Files.isRegularFile(tmp.resolve("skyhop/local/shop.zip"))).isTrue();
    assertThat(messages)
        .contains(
            "INFO knative: building the image on tar://" + baseTar,
            "INFO knative: image shop:1.0.0 " + image.manifestDigest());
  }

  @Test
  void theImageStartsTheRuntimeInSingleAppModeOnPort8080() throws IOException {
    Path tar = new KnativePackager().pack(request(), index(), listener).get(0);

    OciArchive image = OciArchive.unpack(tar, tmp.resolve("unpacked"));
    JsonObject config = imageConfig(image);
    assertThat(config.get("Entrypoint").toString())
        .isEqualTo(
            "[\"java\",\"-XX:+UseSerialGC\",\"-Xmx128m\",\"-cp\",\"/app/skyhop-runtime.jar\","
                + "\"io.skyhop.runtime.SingleApp\",\"--app-bundle\",\"/app/shop.zip\","
                + "\"--data\",\"/tmp/skyhop\",\"--bind\",\"0.0.0.0\"]");
    assertThat(config.get("Env").toString())
        .isEqualTo(
            "[\"PATH=/opt/java/openjdk/bin:/usr/bin:/bin\",\"JAVA_HOME=/opt/java/openjdk\","
                + "\"TZ=UTC\"]");
    assertThat(config.get("ExposedPorts").toString()).isEqualTo("{\"8080/tcp\":{}}");
    assertThat(config.get("WorkingDir").getAsString()).isEqualTo("/app");
    assertThat(image.layers()).hasSize(3);
    assertThat(image.mediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
  }

  @Test
  void theSharedSettingStartsTheRuntimeWithOneWorkerForTheApp() throws IOException {
    Path tar =
        new KnativePackager()
            .pack(request("shop", Map.of("skyhop.knative.shared", "true")), index(), listener)
            .get(0);

    JsonObject config = imageConfig(OciArchive.unpack(tar, tmp.resolve("unpacked")));
    assertThat(config.get("Entrypoint").toString())
        .endsWith("\"--bind\",\"0.0.0.0\",\"--shared\"]");
  }

  @Test
  void aSharedSettingThatIsNoBooleanIsRefusedWithTheFix() {
    assertThatThrownBy(
            () ->
                new KnativePackager()
                    .pack(
                        request("shop", Map.of("skyhop.knative.shared", "yes")), index(), listener))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.knative.shared = 'yes' is not a boolean. Fix: -Dskyhop.knative.shared=true runs"
                + " the app's functions in one worker JVM, false (the default) a worker process per"
                + " function instance");
  }

  @Test
  void theSameInputGivesTheSameImage() throws IOException {
    Path tar = new KnativePackager().pack(request(), index(), listener).get(0);
    String first = OciArchive.unpack(tar, tmp.resolve("first")).manifestDigest();
    Path again = new KnativePackager().pack(request(), index(), listener).get(0);

    assertThat(OciArchive.unpack(again, tmp.resolve("second")).manifestDigest()).isEqualTo(first);
  }

  @Test
  void storageAndSharedQueueFunctionsAreRefusedNamingEachOne() throws IOException {
    Files.writeString(classes.resolve(FunctionIndex.RESOURCE), resource("functions-refused.json"));

    assertThatThrownBy(() -> new KnativePackager().pack(request(), index(), listener))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.targets = 'knative' cannot run audit-order (@QueueTrigger 'orders': on-order"
                + " consumes that queue too, and the runtime gives each queue's events to one"
                + " function; give each function its own queue), on-upload (@StorageTrigger 'uploads': the knative target has no storage"
                + " trigger). Fix: remove knative from skyhop.targets, or keep these functions in a"
                + " project deployed to another target (aws, azure, gcp, local)");
  }

  @Test
  void withoutADeadLetterSinkPackageWarnsThatFailedMessagesAreDropped() throws IOException {
    new KnativePackager().pack(request(), index(), listener);

    assertThat(messages)
        .contains(
            "WARN knative: queue messages that fail 5 deliveries are dropped (the Triggers'"
                + " delivery replaces the Broker's, dead-letter sink included). Fix: set"
                + " skyhop.knative.deadLetterSink=<URL of an event sink> to keep them");
  }

  @Test
  void anAppNameKubernetesRefusesFailsNamingSkyhopApp() {
    assertThatThrownBy(
            () -> new KnativePackager().pack(request("My.Shop", Map.of()), index(), listener))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.app = 'My.Shop' is not a valid Knative Service name: use at most 63"
                + " lower-case letters, digits and dashes, starting with a letter and not ending"
                + " with a dash. Fix: set -Dskyhop.app=<name>");
  }

  @Test
  void aMissingBaseTarballFailsNamingTheSetting() {
    Map<String, String> options = Map.of(BaseImage.SETTING, "tar:///nowhere/base.tar");

    assertThatThrownBy(
            () -> new KnativePackager().pack(request("shop", options), index(), listener))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.knative.baseImage = 'tar:///nowhere/base.tar' names no file. Fix: give"
                + " tar://<path to a 'docker save' tarball> or a registry image such as"
                + " eclipse-temurin:17-jre");
  }

  @Test
  void anUnreachableBaseImageFailsNamingTheSetting() throws IOException {
    int closed;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    String base = "127.0.0.1:" + closed + "/temurin:17-jre";

    assertThatThrownBy(
            () ->
                new KnativePackager()
                    .pack(request("shop", Map.of(BaseImage.SETTING, base)), index(), listener))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("skyhop.knative.baseImage = '" + base + "' cannot be pulled (")
        .hasMessageEndingWith(
            "). Fix: check the name and your registry credentials (docker login), or point"
                + " skyhop.knative.baseImage at a reachable image with a Java runtime");
  }

  @Test
  void theDefaultBaseIsTemurinsJreOfTheRelease() {
    assertThat(BaseImage.defaultFor(17)).isEqualTo("eclipse-temurin:17-jre");
    assertThat(BaseImage.defaultFor(21)).isEqualTo("eclipse-temurin:21-jre");
  }

  @Test
  void manifestEntryNamesTheImageServiceAndCronJob() throws IOException {
    KnativePackager packager = new KnativePackager();

    assertThat(TargetEntries.asMap(packager.manifestEntry(request(), index().function("get"))))
        .containsExactly(
            Map.entry("entryPoint", "io.skyhop.runtime.SingleApp"),
            Map.entry("runtime", "skyhop-runtime"),
            Map.entry("image", "knative/shop-image.tar"),
            Map.entry("service", "shop"),
            Map.entry("path", "/shop/items/{id}"),
            Map.entry("env", Map.of("GREETING", "hi", "SKYHOP_FUNCTION", "get")));
    assertThat(TargetEntries.asMap(packager.manifestEntry(request(), index().function("nightly"))))
        .containsEntry("cronJob", "shop-nightly")
        .containsEntry("args", List.of("--invoke", "nightly"));
    assertThat(
            TargetEntries.asMap(
                packager.manifestEntry(
                    request("shop", Map.of("skyhop.knative.broker", "orders-broker")),
                    index().function("on-order"))))
        .containsEntry("service", "shop-queues")
        .containsEntry("trigger", "shop-on-order")
        .containsEntry("broker", "orders-broker")
        .containsEntry("eventType", "io.skyhop.queue.orders")
        .containsEntry("path", "/_skyhop/events/queues/orders");
  }

  private static JsonObject imageConfig(OciArchive image) throws IOException {
    return JsonParser.parseString(Files.readString(image.blob(image.config())))
        .getAsJsonObject()
        .getAsJsonObject("config");
  }

  private PackageRequest request() {
    return request("shop", Map.of());
  }

  private PackageRequest request(String app, Map<String, String> options) {
    Map<String, String> all =
        new java.util.HashMap<>(Map.of(BaseImage.SETTING, "tar://" + baseTar));
    all.putAll(options);
    return new PackageRequest(
        app,
        "1.0.0",
        17,
        classes,
        List.of(),
        Map.of(
            Target.named("local"),
            List.of(
                jar("io.skyhop", "skyhop-adapter-core", "0.1.0-SNAPSHOT"),
                jar("com.google.code.gson", "gson", "2.13.2")),
            Target.named("knative"),
            List.of(jar("io.skyhop", "skyhop-runtime", "0.1.0-SNAPSHOT"))),
        tmp.resolve("skyhop"),
        List.of(Target.named("knative")),
        all);
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

  private static String resource(String name) throws IOException {
    try (InputStream in = KnativePackagerTest.class.getResourceAsStream("/pack/knative/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
