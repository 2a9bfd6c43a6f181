package io.skyhop.it.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.FunctionJavac;
import io.skyhop.it.Repo;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.Packager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A fixture app under {@code src/test/resources/<scenario>/src/main/java}: compiled against sdk-api
 * with javac (its annotation processor writes the function index) and packaged by the {@code local}
 * packager through the tooling API, as {@code skyhop:package} would.
 */
public final class LocalFixtureApp {
  private LocalFixtureApp() {}

  /**
   * Builds {@code <work>/skyhop/local/<app>.zip} from the scenario's sources, each {@code
   * replacements} key replaced by its value first.
   */
  static Path bundle(String scenario, String app, Path work, Map<String, String> replacements)
      throws Exception {
    return bundle(scenario, app, work, replacements, Map.of());
  }

  /** As {@link #bundle(String, String, Path, Map)}, with packaging options such as a stage's. */
  static Path bundle(
      String scenario,
      String app,
      Path work,
      Map<String, String> replacements,
      Map<String, String> options)
      throws Exception {
    String version = Repo.version();
    packageFor(
        scenario,
        app,
        work,
        replacements,
        options,
        Target.named("local"),
        List.of(
            new Library(
                "io.skyhop",
                "skyhop-adapter-core",
                version,
                jarOf(io.skyhop.core.FunctionRuntime.class, work)),
            new Library(
                "io.skyhop", "skyhop-sdk-api", version, jarOf(io.skyhop.api.Function.class, work)),
            new Library(
                "com.google.code.gson",
                "gson",
                "2.13.2",
                jarOf(com.google.gson.Gson.class, work))));
    return work.resolve("skyhop/local/" + app + ".zip");
  }

  /**
   * Compiles the scenario and packages it for {@code target} with {@code adapters} as that target's
   * Skyhop jars, as {@code skyhop:package} would.
   *
   * @return {@code <work>/skyhop}, holding {@code manifest.json} and the target's artifacts
   */
  public static Path packageFor(
      String scenario,
      String app,
      Path work,
      Map<String, String> replacements,
      Map<String, String> options,
      Target target,
      List<Library> adapters)
      throws Exception {
    Path sources =
        Path.of(LocalFixtureApp.class.getResource("/" + scenario + "/src/main/java").toURI());
    Path copy = work.resolve("src");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    for (Path f : files) {
      Path out = copy.resolve(sources.relativize(f).toString());
      Files.createDirectories(out.getParent());
      String text = Files.readString(f);
      for (Map.Entry<String, String> r : replacements.entrySet()) {
        text = text.replace(r.getKey(), r.getValue());
      }
      Files.writeString(out, text);
    }
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path sdkApi = jarOf(io.skyhop.api.Function.class, work);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    try (Stream<Path> walk = Files.walk(copy)) {
      String[] args =
          Stream.concat(
                  FunctionJavac.options(sdkApi.toString(), classes).stream(),
                  walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString))
              .toArray(String[]::new);
      assertThat(javac.run(null, null, errors, args))
          .as(errors.toString(StandardCharsets.UTF_8))
          .isZero();
    }
    String version = Repo.version();
    Library sdk = new Library("io.skyhop", "skyhop-sdk-api", version, sdkApi);
    PackageRequest request =
        new PackageRequest(
            app,
            version,
            17,
            classes,
            List.of(sdk),
            Map.of(target, adapters),
            work.resolve("skyhop"),
            List.of(target),
            options);
    new Packager(BuildListener.stdout()).pack(request);
    return work.resolve("skyhop");
  }

  /** The jar a class comes from; a classes directory (in a reactor build) is zipped into one. */
  public static Path jarOf(Class<?> type, Path work) throws IOException, URISyntaxException {
    Path source = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isRegularFile(source)) {
      return source;
    }
    Path jar = work.resolve("jars").resolve(type.getSimpleName() + ".jar");
    Files.createDirectories(jar.getParent());
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar));
        Stream<Path> walk = Files.walk(source)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new ZipEntry(source.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
    return jar;
  }
}
