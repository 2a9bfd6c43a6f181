package io.skyhop.it.knative;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import io.skyhop.it.FunctionJavac;
import io.skyhop.it.Repo;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.Packager;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The {@code knative/greeter} fixture, compiled with javac and packaged for knative through the
 * tooling API, on a base image built here and pushed to the test's registry: registries other than
 * the test's are unreachable, so the base is a stand-in for {@code eclipse-temurin:17-jre} (a
 * marker file and Temurin's {@code JAVA_HOME}/{@code PATH}, no JRE). Packaging pulls it from the
 * registry as it would pull Temurin.
 */
final class KnativeFixture {
  static final String APP = "greeter";
  static final String VERSION = "1.0.0";
  static final String BASE_REPOSITORY = "base/jre-stand-in:17";
  static final String JAVA_HOME = "/opt/java/openjdk";

  private KnativeFixture() {}

  /** Builds the base image with Jib from scratch and pushes it; returns its reference. */
  static String pushBase(Registry registry, Path work) throws Exception {
    Path release =
        Files.writeString(work.resolve("release"), "JAVA_VERSION=\"17\"\nIMPLEMENTOR=\"none\"\n");
    String reference = registry.address() + "/" + BASE_REPOSITORY;
    Jib.fromScratch()
        .setFormat(ImageFormat.OCI)
        .addFileEntriesLayer(
            FileEntriesLayer.builder()
                .addEntry(release, AbsoluteUnixPath.get(JAVA_HOME + "/release"))
                .build())
        .addEnvironmentVariable("JAVA_HOME", JAVA_HOME)
        .addEnvironmentVariable("PATH", JAVA_HOME + "/bin:/usr/local/bin:/usr/bin:/bin")
        .containerize(
            Containerizer.to(RegistryImage.named(reference))
                .setAllowInsecureRegistries(true)
                .setBaseImageLayersCache(work.resolve("jib-base-cache"))
                .setApplicationLayersCache(work.resolve("jib-app-cache")));
    return reference;
  }

  /**
   * The deploy settings for the registry and mock API server: namespace, kubeconfig (written to
   * {@code work/kc}), 60 s to get Ready.
   */
  static Map<String, String> settings(Registry registry, MockApi api, Path work, String namespace)
      throws Exception {
    Map<String, String> settings = new java.util.HashMap<>();
    settings.put("skyhop.knative.registry", registry.address() + "/skyhop");
    settings.put("skyhop.knative.namespace", namespace);
    settings.put(
        "skyhop.knative.kubeconfig", Kubeconfig.write(work.resolve("kc"), api.url()).toString());
    settings.put("skyhop.knative.readyTimeoutSeconds", "60");
    return settings;
  }

  /**
   * Compiles the fixture with {@code greeting.txt} holding {@code greeting} and packages it for
   * knative into {@code work/skyhop}; returns that directory.
   */
  static Path packageApp(Path work, String greeting, String baseImage, BuildListener listener)
      throws Exception {
    return packageApp(work, greeting, baseImage, listener, Map.of());
  }

  /** {@link #packageApp(Path, String, String, BuildListener)} with more package options. */
  static Path packageApp(
      Path work,
      String greeting,
      String baseImage,
      BuildListener listener,
      Map<String, String> options)
      throws Exception {
    Path project = Path.of(KnativeFixture.class.getResource("/knative/greeter").toURI());
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path sdkApi = jarOf(io.skyhop.api.Function.class);
    List<String> files;
    try (Stream<Path> walk = Files.walk(project.resolve("src/main/java"))) {
      files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    String[] args =
        Stream.concat(FunctionJavac.options(sdkApi.toString(), classes).stream(), files.stream())
            .toArray(String[]::new);
    assertThat(javac.run(null, null, errors, args))
        .as(errors.toString(StandardCharsets.UTF_8))
        .isZero();
    Files.writeString(classes.resolve("greeting.txt"), greeting + "\n");

    String version = Repo.version();
    Path runtimeJar = Repo.root().resolve("adapters/local/runtime/target/skyhop-runtime.jar");
    assertThat(runtimeJar).as("build the runtime module first").isRegularFile();
    PackageRequest request =
        new PackageRequest(
            APP,
            VERSION,
            17,
            classes,
            List.of(new Library("io.skyhop", "skyhop-sdk-api", version, sdkApi)),
            Map.of(
                Target.named("local"),
                List.of(
                    new Library(
                        "io.skyhop",
                        "skyhop-adapter-core",
                        version,
                        jarOf(io.skyhop.core.FunctionRuntime.class)),
                    new Library(
                        "com.google.code.gson",
                        "gson",
                        "2.13.2",
                        jarOf(com.google.gson.Gson.class))),
                Target.named("knative"),
                List.of(new Library("io.skyhop", "skyhop-runtime", version, runtimeJar))),
            work.resolve("skyhop"),
            List.of(Target.named("knative")),
            with(options, "skyhop.knative.baseImage", baseImage));
    new Packager(listener).pack(request);
    return work.resolve("skyhop");
  }

  private static Map<String, String> with(Map<String, String> map, String key, String value) {
    Map<String, String> all = new java.util.HashMap<>(map);
    all.put(key, value);
    return all;
  }

  private static Path jarOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
