package io.skyhop.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.runtime.fixture.Rogue;
import io.skyhop.runtime.testing.FixtureBundle;
import io.skyhop.runtime.testing.RuntimeProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers that attack the runtime ({@link Rogue}) hurt only their own calls: a forged frame
 * declaring a 2 GB field and 100 MB responses get a clear 502 and nothing is allocated for them, a
 * 150 MB stderr line is cut, 40 MB of stderr lines are capped at 10 MB a minute in the log, a
 * crash's 502 carries no stderr (which may hold earlier callers' data), a timeout kills the worker
 * with its children, slots come back, and the runtime's resident memory stays under {@value
 * #RUNTIME_PEAK_MB} MB throughout.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileWorkerIT {
  /** The bound on the runtime's peak resident memory (its JVM's default heap, one core or two). */
  static final int RUNTIME_PEAK_MB = 400;

  @TempDir Path tmp;

  @Test
  void hostileWorkersGetClearErrorsAndTheRuntimeLivesOn() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(tmp.resolve("data"), Map.of(), "--no-cds")) {
      assertThat(
              runtime
                  .deploy("rogue", FixtureBundle.write(tmp.resolve("rogue.zip"), "v1", Rogue.class))
                  .statusCode())
          .isEqualTo(201);

      HttpResponse<String> forged = get(runtime, "/rogue/forge");
      assertThat(forged.statusCode()).isEqualTo(502);
      assertThat(error(forged))
          .isEqualTo(
              "Instance answered with a request id of 2147483647, above the limit of 65536:"
                  + " instance killed");

      List<CompletableFuture<HttpResponse<String>>> huge = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        huge.add(CompletableFuture.supplyAsync(() -> uncheckedGet(runtime, "/rogue/huge")));
      }
      for (CompletableFuture<HttpResponse<String>> call : huge) {
        HttpResponse<String> r = call.get(60, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
        assertThat(error(r))
            .isEqualTo(
                "Instance answered with a response body of 104857600, above the limit of 6291456:"
                    + " instance killed");
      }

      HttpResponse<String> shout = get(runtime, "/rogue/shout");
      assertThat(shout.statusCode()).isEqualTo(200);
      assertThat(shout.body()).isEqualTo("shouted");
      assertThat(awaitConsole(runtime, "[cut: "))
          .contains("y".repeat(16 * 1024) + " [cut: " + (150 * 1024 * 1024 - 16 * 1024));

      Path runtimeLog = runtime.dataDir().resolve("logs/runtime.log");
      long before = Files.size(runtimeLog);
      assertThat(get(runtime, "/rogue/flood").body()).isEqualTo("flooded");
      assertThat(awaitConsole(runtime, "dropping its entries until the minute is over"))
          .contains(
              "Instance output over 10485760 bytes in a minute: dropping its entries until the"
                  + " minute is over");
      assertThat(Files.size(runtimeLog) - before)
          .as("what 40 MB of stderr added to the runtime log")
          .isLessThan(12L * 1024 * 1024);

      assertThat(get(runtime, "/rogue/leak?word=first-callers-secret").statusCode()).isEqualTo(200);
      HttpResponse<String> crash = get(runtime, "/rogue/leak?crash=true");
      assertThat(crash.statusCode()).isEqualTo(502);
      assertThat(error(crash))
          .isEqualTo("Instance exited during the invocation: the worker exited (exit code 9)");
      assertThat(crash.body()).doesNotContain("first-callers-secret", "printed");

      long child = Long.parseLong(get(runtime, "/rogue/sleepy?spawn=true").body());
      assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).contains(true);
      long start = System.nanoTime();
      HttpResponse<String> timeout = get(runtime, "/rogue/sleepy?ms=60000");
      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(timeout.statusCode()).isEqualTo(504);
      assertThat(error(timeout)).isEqualTo("Task timed out after 10 seconds: instance killed");
      assertThat(took).isBetween(9_500L, 30_000L);
      awaitGone(child);
      assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false))
          .as("the worker's child is killed with it")
          .isFalse();

      assertThat(get(runtime, "/rogue/sleepy?ms=1").body()).isEqualTo("woke up");
      HttpResponse<String> health = get(runtime, "/_skyhop/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"ok\"");
      CompletableFuture<HttpResponse<String>> busy =
          CompletableFuture.supplyAsync(() -> uncheckedGet(runtime, "/rogue/sleepy?ms=60000"));
      long worker = busyWorker(runtime);
      long peakMb = runtime.peakResidentMb();
      System.out.printf(
          "HostileWorkerIT: runtime peak RSS %d MB, timeout after %d ms%n", peakMb, took);
      assertThat(peakMb).isLessThan(RUNTIME_PEAK_MB);

      runtime.kill9();
      awaitGone(worker);
      assertThat(ProcessHandle.of(worker).map(ProcessHandle::isAlive).orElse(false))
          .as("a busy worker ends with its runtime, even after kill -9")
          .isFalse();
      busy.handle((r, e) -> null).get(10, TimeUnit.SECONDS);
    }
  }

  /** The pid of the busy instance of rogue/sleepy, once it runs. */
  private static long busyWorker(RuntimeProcess runtime) throws Exception {
    JsonObject app =
        runtime.awaitAdmin(
            "/_skyhop/apps/rogue",
            a -> running(a).map(i -> i.get("busy").getAsBoolean()).orElse(false),
            java.time.Duration.ofSeconds(20));
    return running(app).orElseThrow().get("pid").getAsLong();
  }

  private static java.util.Optional<JsonObject> running(JsonObject app) {
    var running = RuntimeProcess.function(app, "sleepy").getAsJsonArray("running");
    return running.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(running.get(0).getAsJsonObject());
  }

  private static HttpResponse<String> get(RuntimeProcess runtime, String path) throws Exception {
    return runtime.send(runtime.request(path).GET().build());
  }

  private static HttpResponse<String> uncheckedGet(RuntimeProcess runtime, String path) {
    try {
      return get(runtime, path);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String error(HttpResponse<String> r) {
    JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
    return body.get("error").getAsString();
  }

  private static String awaitConsole(RuntimeProcess runtime, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String console = runtime.console();
    while (!console.contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      console = runtime.console();
    }
    return console;
  }

  private static void awaitGone(long pid) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
