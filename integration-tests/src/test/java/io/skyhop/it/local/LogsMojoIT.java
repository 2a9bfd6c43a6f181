package io.skyhop.it.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import io.skyhop.runtime.testing.RuntimeProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn skyhop:logs} as users type it, on examples/orders deployed to a runtime this test
 * starts: one neutral line per record on standard output, filtered by function and text, JSON with
 * {@code skyhop.format=json}, and an unknown function refused naming the app's functions; {@code
 * skyhop:invoke -Dskyhop.remote=true} prints what the runtime metered (duration, billed ms).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LogsMojoIT {
  private static final Duration MAVEN = Duration.ofMinutes(3);

  @TempDir Path tmp;

  @Test
  void printsTheDeployedFunctionsLines() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(tmp.resolve("data"), Map.of())) {
      MavenBuild build = MavenBuild.copy(Repo.root().resolve("examples/orders"), "logs-goal");
      String url = "-Dskyhop.local.url=" + runtime.baseUrl();
      String token = "-Dskyhop.local.token=" + runtime.token();
      MavenBuild.Result deploy =
          build.run(
              MAVEN,
              "package",
              "skyhop:deploy",
              "-DskipTests",
              "-Dspotless.apply.skip=true",
              "-Dskyhop.targets=local",
              url,
              token);
      assertThat(deploy.succeeded()).as(deploy.toString()).isTrue();
      HttpResponse<String> get = runtime.send(runtime.request("/orders/orders/42").GET().build());
      assertThat(get.statusCode()).isEqualTo(200);
      String requestId = get.headers().firstValue("x-skyhop-request-id").orElseThrow();

      MavenBuild.Result logs =
          build.run(
              MAVEN,
              "skyhop:logs",
              "-Dskyhop.function=get,create-order",
              "-Dskyhop.filter=ORDER 42",
              "-Dskyhop.format=json",
              url,
              token);
      assertThat(logs.succeeded()).as(logs.toString()).isTrue();
      assertThat(logs.lines())
          .anySatisfy(
              line ->
                  assertThat(line)
                      .matches(
                          "\\{\"time\":\"\\d{4}-[0-9T:.-]+Z\",\"function\":\"get\",\"requestId\":\""
                              + requestId
                              + "\",\"level\":\"INFO\",\"message\":\"get order 42\"}"))
          .noneMatch(line -> line.contains(runtime.token()));

      MavenBuild.Result invoke =
          build.run(
              MAVEN,
              "skyhop:invoke",
              "-Dskyhop.remote=true",
              "-Dskyhop.function=get",
              "-Dskyhop.data={}",
              url,
              token);
      assertThat(invoke.succeeded()).as(invoke.toString()).isTrue();
      assertThat(invoke.output())
          .containsPattern("get -> 200 \\(request [0-9a-f-]+\\)")
          .containsPattern("duration \\d+\\.\\d ms, billed \\d+ ms");

      MavenBuild.Result unknown =
          build.run(MAVEN, "skyhop:logs", "-Dskyhop.function=nope", url, token);
      assertThat(unknown.succeeded()).isFalse();
      assertThat(unknown.output())
          .contains(
              "skyhop.function = 'nope' is not a function of this app. Fix: use one of get,"
                  + " create-order, explode, nightly, on-order, on-upload, a comma-separated list"
                  + " of them, or leave skyhop.function unset for all");
    }
  }
}
