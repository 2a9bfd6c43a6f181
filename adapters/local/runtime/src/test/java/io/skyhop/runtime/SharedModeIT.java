package io.skyhop.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.runtime.fixture.Rogue;
import io.skyhop.runtime.fixture.Shared;
import io.skyhop.runtime.testing.FixtureBundle;
import io.skyhop.runtime.testing.RuntimeProcess;
import java.net.http.HttpResponse;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
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
 * The {@code --shared} mode: the functions of one app run in one worker JVM, in a class loader of
 * the app's own (the bundle only, over the platform loader) apart from the worker's entry point;
 * calls overlap inside it; a timeout still kills the worker at its deadline and the next call gets
 * a fresh one; a forged frame or a 100 MB answer gets its caller a clear 502, as from any worker;
 * callers beyond the maximum concurrency wait in order (no thread parked) and get a 429 after the
 * queue wait.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SharedModeIT {
  @TempDir Path tmp;

  @Test
  void twoFunctionsOfOneAppShareOneWorkerJvmInTheAppsOwnClassLoader() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(tmp.resolve("data"), Map.of(), "--shared")) {
      assertThat(
              runtime
                  .deploy(
                      "shared", FixtureBundle.write(tmp.resolve("shared.zip"), "v1", Shared.class))
                  .statusCode())
          .isEqualTo(201);
      JsonObject first = call(runtime, "/shared/first");
      JsonObject second = call(runtime, "/shared/second");

      assertThat(second.get("pid").getAsLong())
          .as("one worker JVM for both functions")
          .isEqualTo(first.get("pid").getAsLong())
          .isNotEqualTo(runtime.pid());
      assertThat(second.get("calls").getAsInt())
          .as("one class loader for the app: the functions share its statics")
          .isEqualTo(2);
      for (JsonObject r : List.of(first, second)) {
        assertThat(r.get("loader").getAsString()).isEqualTo("skyhop-app");
        assertThat(r.get("systemLoader").getAsBoolean()).isFalse();
        assertThat(r.get("coreLoader").getAsString())
            .as("the adapter core comes from the app's own lib/")
            .isEqualTo("skyhop-app");
        assertThat(r.get("seesBoot").getAsBoolean())
            .as("the worker's entry point is out of the app's reach")
            .isFalse();
        assertThat(r.get("seesRuntime").getAsBoolean()).isFalse();
        assertThat(Path.of(r.get("classPath").getAsString()).getFileName().toString())
            .as("the JVM's class path holds the boot jar alone")
            .startsWith("skyhop-worker-boot-")
            .endsWith(".jar");
      }
    }
  }

  @Test
  void callsOverlapInTheSharedWorkerAndATimeoutStillKillsIt() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(tmp.resolve("data"), Map.of(), "--shared")) {
      runtime.deploy("shared", FixtureBundle.write(tmp.resolve("shared.zip"), "v1", Shared.class));
      long pid = call(runtime, "/shared/first").get("pid").getAsLong();

      long start = System.nanoTime();
      List<CompletableFuture<HttpResponse<String>>> naps = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        naps.add(nap(runtime, 1500));
      }
      for (CompletableFuture<HttpResponse<String>> nap : naps) {
        HttpResponse<String> answer = nap.get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json(answer).get("pid").getAsLong()).isEqualTo(pid);
      }
      assertThat((System.nanoTime() - start) / 1_000_000)
          .as("four calls of 1.5 s overlapped in one JVM")
          .isLessThan(4_500);

      HttpResponse<String> stalled = runtime.send(runtime.request("/shared/stall").GET().build());
      assertThat(stalled.statusCode()).isEqualTo(504);
      assertThat(json(stalled).get("error").getAsString())
          .isEqualTo("Task timed out after 1 seconds: instance killed");
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("the shared worker was killed at the deadline")
          .isFalse();
      assertThat(call(runtime, "/shared/second").get("pid").getAsLong())
          .as("a fresh shared worker serves the next call")
          .isNotEqualTo(pid);
    }
  }

  @Test
  void callersAtMaximumConcurrencyWaitWithoutAThreadAndAreThrottledAfterTheQueueWait()
      throws Exception {
    try (RuntimeProcess runtime =
        RuntimeProcess.start(
            tmp.resolve("data"),
            Map.of(),
            "--shared",
            "--max-concurrency",
            "2",
            "--queue-wait-ms",
            "2000")) {
      runtime.deploy("shared", FixtureBundle.write(tmp.resolve("shared.zip"), "v1", Shared.class));
      call(runtime, "/shared/nap?ms=1");

      List<CompletableFuture<HttpResponse<String>>> busy =
          List.of(nap(runtime, 6000), nap(runtime, 6000));
      Thread.sleep(1000);
      long start = System.nanoTime();
      HttpResponse<String> throttled = nap(runtime, 1).get(30, TimeUnit.SECONDS);
      long waited = (System.nanoTime() - start) / 1_000_000;
      assertThat(throttled.statusCode()).as(throttled.body()).isEqualTo(429);
      assertThat(throttled.headers().firstValue("Retry-After")).contains("1");
      assertThat(json(throttled).get("error").getAsString())
          .isEqualTo(
              "Too many requests: shared/nap runs at its maximum concurrency of 2 and no instance"
                  + " was free within 2000 ms");
      assertThat(waited)
          .as("throttled after its queue wait, not when a call ended")
          .isLessThan(5000);
      for (CompletableFuture<HttpResponse<String>> b : busy) {
        assertThat(b.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }

      List<CompletableFuture<HttpResponse<String>>> shortOnes =
          List.of(nap(runtime, 300), nap(runtime, 300));
      Thread.sleep(100);
      HttpResponse<String> waiting = nap(runtime, 1).get(30, TimeUnit.SECONDS);
      assertThat(waiting.statusCode())
          .as("a waiting caller gets the instance the next call frees: " + waiting.body())
          .isEqualTo(200);
      for (CompletableFuture<HttpResponse<String>> s : shortOnes) {
        assertThat(s.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }
    }
  }

  private static CompletableFuture<HttpResponse<String>> nap(RuntimeProcess runtime, int ms) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return runtime.send(runtime.request("/shared/nap?ms=" + ms).GET().build());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void aSharedWorkerIsBoundedLikeAnyWorker() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(tmp.resolve("data"), Map.of(), "--shared")) {
      runtime.deploy("rogue", FixtureBundle.write(tmp.resolve("rogue.zip"), "v1", Rogue.class));
      HttpResponse<String> forged = runtime.send(runtime.request("/rogue/forge").GET().build());
      assertThat(forged.statusCode()).isEqualTo(502);
      assertThat(json(forged).get("error").getAsString())
          .isEqualTo(
              "Instance answered with a request id of 2147483647, above the limit of 65536:"
                  + " instance killed");
      HttpResponse<String> huge = runtime.send(runtime.request("/rogue/huge").GET().build());
      assertThat(huge.statusCode()).isEqualTo(502);
      assertThat(json(huge).get("error").getAsString())
          .isEqualTo(
              "Instance answered with a response body of 104857600, above the limit of 6291456:"
                  + " instance killed");
      assertThat(runtime.send(runtime.request("/_skyhop/health").GET().build()).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void functionsThatSetOneVariableDifferentlyCannotShare() throws Exception {
    Path bundle = FixtureBundle.write(tmp.resolve("clash.zip"), "v1", Shared.class);
    try (FileSystem zip = FileSystems.newFileSystem(bundle)) {
      Path index = zip.getPath("META-INF/skyhop/functions.json");
      JsonObject all = JsonParser.parseString(Files.readString(index)).getAsJsonObject();
      for (JsonElement f : all.getAsJsonArray("functions")) {
        JsonObject env = new JsonObject();
        env.addProperty("MODE", f.getAsJsonObject().get("name").getAsString());
        f.getAsJsonObject().add("env", env);
      }
      Files.writeString(index, all.toString());
    }
    try (RuntimeProcess runtime = RuntimeProcess.start(tmp.resolve("data"), Map.of(), "--shared")) {
      HttpResponse<String> refused = runtime.deploy("clash", bundle);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(json(refused).get("error").getAsString())
          .isEqualTo(
              "App 'clash' cannot run in shared mode: functions 'first' and 'second' set the"
                  + " environment variable MODE to different values, and shared functions run in"
                  + " one process. Fix: give the variable one value, use two names, or run the"
                  + " runtime without --shared");
    }
  }

  private static JsonObject call(RuntimeProcess runtime, String path) throws Exception {
    HttpResponse<String> answer = runtime.send(runtime.request(path).GET().build());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json(answer);
  }

  private static JsonObject json(HttpResponse<String> answer) {
    return JsonParser.parseString(answer.body()).getAsJsonObject();
  }
}
