package io.skyhop.it.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.Repo;
import io.skyhop.it.local.LocalFixtureApp;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Prime} through Google's Functions Framework invoker: the instance primes once when the
 * invoker creates the entry class at start, and the first request sees the work. Nothing restores a
 * snapshot here, so {@code @AfterRestore} never runs.
 */
class PrimeGcpIT {
  @TempDir Path work;

  @Test
  void theInstancePrimesOnceAtStartAndTheFirstRequestSeesIt() throws Exception {
    String version = Repo.version();
    Path skyhop =
        LocalFixtureApp.packageFor(
            "levers/primed",
            "primed",
            work,
            Map.of(),
            Map.of(),
            Target.named("gcp"),
            List.of(
                lib(
                    "io.skyhop",
                    "skyhop-gcp-functions",
                    version,
                    io.skyhop.gcp.GcpSetupException.class),
                lib(
                    "io.skyhop",
                    "skyhop-adapter-core",
                    version,
                    io.skyhop.core.FunctionRuntime.class),
                lib("com.google.code.gson", "gson", "2.13.2", com.google.gson.Gson.class)));
    Path jar = work.resolve("primed.jar");
    try (InputStream in = Files.newInputStream(skyhop.resolve("gcp/primed.zip"));
        ZipInputStream zip = new ZipInputStream(in)) {
      assertThat(zip.getNextEntry().getName()).isEqualTo("primed.jar");
      Files.write(jar, zip.readAllBytes());
    }
    try (InvokerProcess fn =
        InvokerProcess.start(
            "primed-items", jar, GcpEntry.of(skyhop.resolve("manifest.json"), "items"))) {
      assertThat(get(fn)).isEqualTo("apple,pear primes=1 prime,request");
      assertThat(get(fn)).isEqualTo("apple,pear primes=1 prime,request,request");
    }
  }

  private Library lib(String group, String artifact, String version, Class<?> type)
      throws Exception {
    return new Library(group, artifact, version, LocalFixtureApp.jarOf(type, work));
  }

  private static String get(InvokerProcess fn) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(fn.uri("/items")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
