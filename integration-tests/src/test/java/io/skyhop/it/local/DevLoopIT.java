package io.skyhop.it.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dev loop as a new user meets it: {@code mvn skyhop:run} in a fresh copy of examples/orders
 * (no earlier build: it compiles and packages what it needs), every trigger kind called (HTTP, a
 * queue message, a stored object, a schedule fired through the admin API), a source edited and the
 * new answer served without a restart, the triggers still callable, then the build stopped and
 * nothing left running.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DevLoopIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void runServesEveryTriggerReloadsAnEditAndStopsClean() throws Exception {
    MavenBuild build = MavenBuild.copy(Repo.root().resolve("examples/orders"), "dev-loop");
    int port = freePort();
    String base = "http://127.0.0.1:" + port;
    MavenBuild.Running run =
        build.start("skyhop:run", "-Dskyhop.port=" + port, "-Dspotless.apply.skip=true");
    try {
      await(() -> contains(run, "Serving orders at " + base), Duration.ofMinutes(4), run);
      List<ProcessHandle> children = run.process().descendants().toList();
      String token =
          Files.readString(build.dir().resolve("target/skyhop/run-data/admin-token")).strip();

      assertThat(get(base + "/orders/orders/42").body())
          .isEqualTo("{\"id\":\"42\",\"item\":\"widget\",\"quantity\":1}");
      callEveryOtherTrigger(base, token, "m1");
      // queue and storage events are delivered asynchronously, each in its own time
      await(() -> triggered(logs(base, token), "m1"), Duration.ofSeconds(60), run);
      assertThat(logs(base, token)).contains("nightly report due at");

      Path source = build.dir().resolve("src/main/java/com/example/orders/Orders.java");
      Files.writeString(
          source, Files.readString(source).replace("orElse(\"widget\")", "orElse(\"gadget\")"));
      await(
          () -> get(base + "/orders/orders/42").body().contains("gadget"),
          Duration.ofSeconds(90),
          run);
      assertThat(run.output()).contains("Reloaded in ");
      callEveryOtherTrigger(base, token, "m2");
      await(() -> triggered(logs(base, token), "m2"), Duration.ofSeconds(60), run);

      run.process().destroy(); // as Ctrl-C: the build stops, and the runtime with it
      assertThat(run.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
      for (ProcessHandle child : children) {
        child.onExit().get(30, TimeUnit.SECONDS);
        assertThat(child.isAlive()).as("process %s", child.pid()).isFalse();
      }
      assertThat(answers(base)).isFalse();
    } finally {
      run.process().descendants().forEach(ProcessHandle::destroyForcibly);
      run.process().destroyForcibly();
    }
  }

  /** Whether the queue message and the upload of round {@code id} reached their functions. */
  private static boolean triggered(String logs, String id) {
    return logs.contains("queued order " + id + " x3")
        && logs.contains("uploaded uploads/" + id + ".txt 5");
  }

  private void callEveryOtherTrigger(String base, String token, String id) throws Exception {
    assertThat(
            admin(
                    base + "/_skyhop/queues/orders",
                    token,
                    "POST",
                    "{\"id\":\"" + id + "\",\"item\":\"pen\",\"quantity\":3}")
                .statusCode())
        .isEqualTo(202);
    assertThat(
            admin(base + "/_skyhop/buckets/uploads/" + id + ".txt", token, "PUT", "hello")
                .statusCode())
        .isIn(200, 201, 204);
    assertThat(
            admin(base + "/_skyhop/apps/orders/functions/nightly/invoke", token, "POST", "{}")
                .statusCode())
        .isEqualTo(200);
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> admin(String url, String token, String method, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String logs(String base, String token) throws IOException, InterruptedException {
    return admin(base + "/_skyhop/apps/orders/logs", token, "GET", "").body();
  }

  private boolean answers(String base) {
    try {
      get(base + "/_skyhop/health");
      return true;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static boolean contains(MavenBuild.Running run, String text) {
    try {
      return run.output().contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  /** Waits for {@code done}; fails with the build's output when it does not come. */
  private static void await(Check done, Duration timeout, MavenBuild.Running run) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.ok()) {
      if (System.nanoTime() > deadline || !run.process().isAlive()) {
        throw new AssertionError("Not reached in " + timeout + "; mvn output:\n" + run.output());
      }
      Thread.sleep(250);
    }
  }

  @FunctionalInterface
  private interface Check {
    boolean ok() throws Exception;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
