package io.skyhop.it.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.FunctionJavac;
import io.skyhop.it.Repo;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.Packager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User code in a gcp package cannot see the invoker's own classes, only the Functions Framework API
 * and the CloudEvents API types: the fixture {@code gcp/isolation} is compiled with javac, packaged
 * by the gcp packager through the tooling API, and asked over HTTP what it can load.
 */
class GcpIsolationIT {
  private static final String[] INVOKER_INTERNALS = {
    "com.google.cloud.functions.invoker.runner.Invoker",
    "com.google.cloud.functions.invoker.http.HttpRequestImpl",
    "org.eclipse.jetty.server.Server",
    "com.fasterxml.jackson.databind.ObjectMapper",
    "io.cloudevents.core.builder.CloudEventBuilder",
    "com.beust.jcommander.JCommander"
  };

  @TempDir Path work;

  @Test
  void userCodeSeesTheApiButNotTheInvoker() throws Exception {
    Path jar = packageFixture();
    GcpEntry entry = GcpEntry.of(work.resolve("skyhop/manifest.json"), "probe");
    StringBuilder query = new StringBuilder("?class=com.google.cloud.functions.HttpFunction");
    query.append("&class=io.cloudevents.CloudEvent&class=com.google.gson.Gson");
    for (String internal : INVOKER_INTERNALS) {
      query.append("&class=").append(internal);
    }

    JsonObject seen;
    try (InvokerProcess fn = InvokerProcess.start("isolation", jar, entry)) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(fn.uri("/probe" + query))
                      .timeout(Duration.ofSeconds(20))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      seen = JsonParser.parseString(response.body()).getAsJsonObject();
    }

    String invoker = "visible from java-function-invoker.jar";
    for (String prefix : List.of("", "context:")) {
      assertThat(seen.get(prefix + "com.google.cloud.functions.HttpFunction").getAsString())
          .isEqualTo(invoker);
      assertThat(seen.get(prefix + "io.cloudevents.CloudEvent").getAsString()).isEqualTo(invoker);
      assertThat(seen.get(prefix + "com.google.gson.Gson").getAsString())
          .as("Gson comes from the package, not from the invoker's copy")
          .isEqualTo("visible from isolation.jar");
      for (String internal : INVOKER_INTERNALS) {
        assertThat(seen.get(prefix + internal).getAsString())
            .as(prefix + internal)
            .isEqualTo("hidden");
      }
    }
  }

  /** Compiles the fixture against sdk-api and packages it for gcp; returns the packaged jar. */
  private Path packageFixture() throws Exception {
    Path sources =
        Path.of(GcpIsolationIT.class.getResource("/gcp/isolation/src/main/java").toURI());
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path sdkApi = jarOf(io.skyhop.api.Function.class);
    List<String> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    String[] args =
        Stream.concat(FunctionJavac.options(sdkApi.toString(), classes).stream(), files.stream())
            .toArray(String[]::new);
    int status = javac.run(null, null, errors, args);
    assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(classes.resolve("META-INF/skyhop/functions.json")).exists();

    String version = Repo.version();
    PackageRequest request =
        new PackageRequest(
            "isolation",
            version,
            17,
            classes,
            List.of(new Library("io.skyhop", "skyhop-sdk-api", version, sdkApi)),
            Map.of(
                Target.named("gcp"),
                List.of(
                    new Library(
                        "io.skyhop",
                        "skyhop-gcp-functions",
                        version,
                        // not SkyhopHttpFunction: loading it needs the Functions Framework API
                        jarOf(io.skyhop.gcp.GcpSetupException.class)),
                    new Library(
                        "io.skyhop",
                        "skyhop-adapter-core",
                        version,
                        jarOf(io.skyhop.core.FunctionRuntime.class)),
                    new Library(
                        "com.google.code.gson",
                        "gson",
                        "2.13.2",
                        jarOf(com.google.gson.Gson.class)))),
            work.resolve("skyhop"),
            List.of(Target.named("gcp")),
            Map.of());
    new Packager(BuildListener.stdout()).pack(request);

    Path jar = work.resolve("isolation.jar");
    try (InputStream in = Files.newInputStream(work.resolve("skyhop/gcp/isolation.zip"));
        ZipInputStream zip = new ZipInputStream(in)) {
      assertThat(zip.getNextEntry().getName()).isEqualTo("isolation.jar");
      Files.write(jar, zip.readAllBytes());
    }
    return jar;
  }

  /** The jar (or classes directory) a class was loaded from. */
  private static Path jarOf(Class<?> type) throws URISyntaxException, IOException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
