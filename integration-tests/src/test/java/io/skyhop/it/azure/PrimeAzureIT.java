package io.skyhop.it.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.Repo;
import io.skyhop.it.local.LocalFixtureApp;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Prime} in the Azure worker stand-in ({@link AzureApp}: the app folder loaded as the Java
 * worker loads it): the worker primes every function of the app once when it loads the Skyhop
 * functions, before it answers the first invocation, which sees the work.
 */
class PrimeAzureIT {
  @TempDir Path work;

  @Test
  void theWorkerPrimesOnceBeforeTheFirstInvocationWhichSeesIt() throws Exception {
    String version = Repo.version();
    Path skyhop =
        LocalFixtureApp.packageFor(
            "levers/primed",
            "primed",
            work.resolve("build"),
            Map.of(),
            Map.of(),
            Target.named("azure"),
            List.of(
                new Library(
                    "io.skyhop",
                    "skyhop-azure-functions",
                    version,
                    Repo.root()
                        .resolve("adapters/azure/adapter/target")
                        .resolve("skyhop-azure-functions-" + version + ".jar")),
                lib(
                    "io.skyhop",
                    "skyhop-adapter-core",
                    version,
                    io.skyhop.core.FunctionRuntime.class),
                lib("com.google.code.gson", "gson", "2.13.2", com.google.gson.Gson.class)));
    try (AzureApp app = AzureApp.load(skyhop.resolve("azure/primed"), work.resolve("worker"))) {
      assertThat(body(app.http("GET", "/api/items", Map.of(), null)))
          .isEqualTo("apple,pear primes=1 prime,request");
      assertThat(body(app.http("GET", "/api/items", Map.of(), null)))
          .isEqualTo("apple,pear primes=1 prime,request,request");
    }
  }

  private Library lib(String group, String artifact, String version, Class<?> type)
      throws Exception {
    return new Library(group, artifact, version, LocalFixtureApp.jarOf(type, work));
  }

  private static String body(Map<String, Object> out) {
    assertThat(out.get("status")).as(out.toString()).isEqualTo(200);
    return new String((byte[]) out.get("body"), StandardCharsets.UTF_8);
  }
}
