package io.skyhop.it.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import io.skyhop.runtime.testing.RuntimeProcess;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code mvn deploy} of examples/orders to an in-house runtime this test starts, the
 * deployed functions called the way users call them, then a real {@code mvn skyhop:remove}.
 */
class LocalMavenDeployIT {
  private static final Duration MAVEN = Duration.ofMinutes(5);

  @TempDir Path tmp;

  @Test
  void mvnDeployThenCallThenRemove() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(tmp.resolve("data"), Map.of())) {
      MavenBuild build = MavenBuild.copy(Repo.root().resolve("examples/orders"), "local-deploy");
      String[] target = {
        "-DskipTests",
        "-Dmaven.install.skip=true",
        "-Dspotless.apply.skip=true",
        "-Dskyhop.targets=local",
        "-Dskyhop.local.url=" + runtime.baseUrl(),
        "-Dskyhop.local.token=" + runtime.token()
      };
      MavenBuild.Result deploy = build.run(MAVEN, concat("deploy", target));
      assertThat(deploy.succeeded()).as(deploy.toString()).isTrue();
      assertThat(deploy.output())
          .contains(
              "created   get                      [GET] "
                  + runtime.baseUrl()
                  + "/orders/orders/{id}")
          .contains("created   on-order                 queue 'orders'")
          .doesNotContain(runtime.token());
      assertThat(build.dir().resolve("target/skyhop/deploy-local.json")).isRegularFile();
      assertThat(Files.readString(build.dir().resolve("target/skyhop/deploy-local.json")))
          .contains("\"target\": \"local\"")
          .contains("\"name\": \"on-upload\"");

      HttpResponse<String> get = runtime.send(runtime.request("/orders/orders/42").GET().build());
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(get.body()).isEqualTo("{\"id\":\"42\",\"item\":\"widget\",\"quantity\":1}");
      HttpResponse<String> create =
          runtime.send(
              runtime
                  .request("/orders/orders")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"book\",\"quantity\":2}"))
                  .build());
      assertThat(create.statusCode()).isEqualTo(201);
      assertThat(create.headers().firstValue("Location"))
          .hasValueSatisfying(l -> assertThat(l).startsWith("/orders/"));
      HttpResponse<String> enqueued =
          runtime.send(
              runtime
                  .admin("/_skyhop/queues/orders")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"id\":\"m1\",\"item\":\"pen\",\"quantity\":3}"))
                  .build());
      assertThat(enqueued.statusCode()).isEqualTo(202);
      HttpResponse<String> stored =
          runtime.send(
              runtime
                  .admin("/_skyhop/buckets/uploads/a/b.txt")
                  .PUT(HttpRequest.BodyPublishers.ofString("hello"))
                  .build());
      assertThat(stored.statusCode()).isBetween(200, 201);
      assertThat(waitForInvocation(runtime, "on-order")).isTrue();
      assertThat(waitForInvocation(runtime, "on-upload")).isTrue();
      assertThat(runtime.adminJson("/_skyhop/apps/orders").toString())
          .contains("\"name\":\"nightly\"")
          .contains("\"cron\":\"0 3 * * *\"");

      // docs/targets/local.md: skyhop:invoke on the deployed function, then on a runtime of its own
      MavenBuild.Result remote =
          build.run(
              MAVEN,
              concat(
                  "skyhop:invoke",
                  concat(
                      "-Dskyhop.function=create-order",
                      concat(
                          "-Dskyhop.data={\"item\":\"book\",\"quantity\":1}",
                          concat("-Dskyhop.remote=true", target)))));
      assertThat(remote.succeeded()).as(remote.toString()).isTrue();
      assertThat(remote.output()).contains("create-order -> 200").contains("\"item\":\"book\"");
      MavenBuild.Result own =
          build.run(
              MAVEN,
              "skyhop:invoke",
              "-Dskyhop.function=get",
              "-Dskyhop.data={}",
              "-Dspotless.apply.skip=true");
      assertThat(own.succeeded()).as(own.toString()).isTrue();
      assertThat(own.output()).contains("get -> 200");
      MavenBuild.Result failing =
          build.run(
              MAVEN, "skyhop:invoke", "-Dskyhop.function=explode", "-Dspotless.apply.skip=true");
      assertThat(failing.succeeded()).isFalse();
      assertThat(failing.output()).contains("Invocation of explode failed with status 500");

      MavenBuild.Result remove = build.run(MAVEN, concat("skyhop:remove", target));
      assertThat(remove.succeeded()).as(remove.toString()).isTrue();
      assertThat(remove.output()).contains("Removed orders from " + runtime.baseUrl());
      assertThat(runtime.send(runtime.admin("/_skyhop/apps/orders").GET().build()).statusCode())
          .isEqualTo(404);
      assertThat(runtime.send(runtime.request("/orders/orders/42").GET().build()).statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void aRuntimeUrlThatDoesNotAnswerFailsTheBuildNamingTheProperty() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    MavenBuild build = MavenBuild.copy(Repo.root().resolve("examples/orders"), "local-no-runtime");
    MavenBuild.Result result =
        build.run(
            MAVEN,
            "deploy",
            "-DskipTests",
            "-Dmaven.install.skip=true",
            "-Dspotless.apply.skip=true",
            "-Dskyhop.targets=local",
            "-Dskyhop.local.url=http://127.0.0.1:" + port);
    assertThat(result.succeeded()).isFalse();
    assertThat(result.output())
        .contains(
            "skyhop.local.url = 'http://127.0.0.1:"
                + port
                + "' does not answer. Fix: start the runtime there ('java -jar skyhop-runtime.jar"
                + " --port "
                + port
                + "'), or unset skyhop.local.url to let 'mvn deploy' start one in the background");
  }

  private static boolean waitForInvocation(RuntimeProcess runtime, String function)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      String recent =
          runtime.adminJson("/_skyhop/invocations?app=orders&function=" + function).toString();
      if (recent.contains("\"function\":\"" + function + "\"")) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static String[] concat(String goal, String[] options) {
    String[] all = new String[options.length + 1];
    all[0] = goal;
    System.arraycopy(options, 0, all, 1, options.length);
    return all;
  }
}
