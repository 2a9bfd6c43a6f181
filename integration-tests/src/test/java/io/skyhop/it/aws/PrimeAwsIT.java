package io.skyhop.it.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.skyhop.it.Repo;
import io.skyhop.it.local.LocalFixtureApp;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.lab.aws.LambdaRuntimeApi;
import io.skyhop.tooling.pack.Library;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Prime} through Amazon's runtime interface client, in both ways Lambda starts an
 * environment: on demand (primed at init, once) and with SnapStart, simulated as the client itself
 * does it when Lambda initialises a SnapStart version ({@code AWS_LAMBDA_INITIALIZATION_TYPE =
 * snap-start}): it runs the CRaC {@code beforeCheckpoint} hooks, asks the Runtime API for {@code
 * restore/next} (the snapshot is taken and restored there), then runs {@code afterRestore}. {@code
 * org.crac} reaches the client's own CRaC context through {@code -Dorg.crac.Core.Compat}, as in
 * Lambda's Java runtime. The fixture ({@code levers/primed}) answers what its environment did.
 */
class PrimeAwsIT {
  @TempDir static Path tmp;
  static AwsPackage primed;

  @BeforeAll
  static void packageIt() throws Exception {
    Path work = tmp.resolve("build");
    String version = Repo.version();
    Path skyhop =
        LocalFixtureApp.packageFor(
            "levers/primed",
            "primed",
            work,
            Map.of(),
            Map.of(),
            Target.named("aws"),
            List.of(
                lib("io.skyhop", "skyhop-aws-lambda", version, io.skyhop.aws.SkyhopHandler.class),
                lib(
                    "io.skyhop",
                    "skyhop-adapter-core",
                    version,
                    io.skyhop.core.FunctionRuntime.class),
                lib("org.crac", "crac", "1.5.0", org.crac.Core.class),
                lib("com.google.code.gson", "gson", "2.13.2", com.google.gson.Gson.class)));
    primed = AwsPackage.unzip(skyhop, tmp.resolve("run"));
  }

  private static Library lib(String group, String artifact, String version, Class<?> type)
      throws Exception {
    return new Library(group, artifact, version, LocalFixtureApp.jarOf(type, tmp.resolve("build")));
  }

  private static String items(AwsPackage.Running running) throws Exception {
    LambdaRuntimeApi.Outcome outcome =
        running.invoke(AwsPackage.event("function-url-reveal.json").replace("/reveal", "/items"));
    assertThat(outcome.error()).as(outcome.body()).isFalse();
    return JsonParser.parseString(outcome.body()).getAsJsonObject().get("body").getAsString();
  }

  @Test
  void onDemandTheEnvironmentPrimesOnceAtInitAndTheFirstRequestSeesIt() throws Exception {
    try (AwsPackage.Running running = primed.start("items")) {
      assertThat(items(running)).isEqualTo("apple,pear primes=1 prime,request");
      assertThat(items(running)).isEqualTo("apple,pear primes=1 prime,request,request");
      assertThat(running.api.restores()).isZero();
    }
  }

  @Test
  void withSnapStartItPrimesBeforeTheCheckpointAndReseedsAfterTheRestore() throws Exception {
    try (AwsPackage.Running running =
        primed.start(
            "items",
            Map.of(
                "AWS_LAMBDA_INITIALIZATION_TYPE",
                "snap-start",
                "JAVA_TOOL_OPTIONS",
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac"))) {
      assertThat(items(running)).isEqualTo("apple,pear primes=1 prime,restore,request");
      assertThat(items(running)).isEqualTo("apple,pear primes=1 prime,restore,request,request");
      assertThat(running.api.restores()).isEqualTo(1);
    }
  }
}
