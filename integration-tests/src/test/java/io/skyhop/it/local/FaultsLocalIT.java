package io.skyhop.it.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.runtime.testing.RuntimeProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults hit one instance only: a function past its timeout gets 504 and its instance is killed; a
 * function past its memory gets an error and the runtime serves on; a worker killed with {@code
 * kill -9} under load fails at most the invocation running on it; a runtime killed with {@code kill
 * -9} while 1,000 messages wait delivers every one of them after a restart.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FaultsLocalIT {
  @TempDir Path tmp;

  @Test
  void timeoutsMemoryAndKilledWorkersFailOnlyTheirOwnInvocations() throws Exception {
    Path bundle =
        LocalFixtureApp.bundle(
            "local/faults",
            "faults",
            tmp.resolve("build"),
            Map.of("@@OUT_DIR@@", RuntimeProcess.workerWritableDir().toString()));
    try (RuntimeProcess runtime = RuntimeProcess.start(tmp.resolve("data"), Map.of())) {
      assertThat(runtime.deploy("faults", bundle).statusCode()).isEqualTo(201);

      long start = System.nanoTime();
      HttpResponse<String> slow = get(runtime, "/faults/sleepy");
      long took = (System.nanoTime() - start) / 1_000_000;
      assertThat(slow.statusCode()).isEqualTo(504);
      assertThat(JsonParser.parseString(slow.body()).getAsJsonObject().get("error").getAsString())
          .isEqualTo("Task timed out after 2 seconds: instance killed");
      assertThat(took).isBetween(1900L, 15_000L);
      awaitInstances(runtime, "sleepy", 0);
      assertThat(last(runtime, "sleepy").get("status").getAsString()).isEqualTo("TIMEOUT");

      HttpResponse<String> hog = get(runtime, "/faults/hog");
      assertThat(hog.statusCode()).isEqualTo(502);
      assertThat(hog.body()).containsAnyOf("ran out of heap", "more than its memory size");
      awaitInstances(runtime, "hog", 0);
      assertThat(last(runtime, "hog").get("status").getAsString()).isEqualTo("OUT_OF_MEMORY");
      assertThat(get(runtime, "/_skyhop/health").statusCode()).isEqualTo(200);
      assertThat(get(runtime, "/faults/work").statusCode()).isEqualTo(200);

      killAWorkerUnderLoad(runtime);
    }
  }

  private void killAWorkerUnderLoad(RuntimeProcess runtime) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong ok = new AtomicLong();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      running.add(
          clients.submit(
              () -> {
                HttpClient http = HttpClient.newHttpClient();
                HttpRequest request =
                    HttpRequest.newBuilder(runtime.baseUrl().resolve("/faults/work"))
                        .timeout(Duration.ofSeconds(30))
                        .build();
                while (!stop.get()) {
                  try {
                    HttpResponse<String> r =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                      ok.incrementAndGet();
                    } else {
                      failures.add(r.statusCode() + " " + r.body());
                    }
                  } catch (Exception e) {
                    failures.add(e.toString());
                  }
                }
                return null;
              }));
    }
    try {
      long victim = -1;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (victim < 0 && System.nanoTime() < deadline) {
        Thread.sleep(200);
        for (JsonElement i :
            RuntimeProcess.function(runtime.adminJson("/_skyhop/apps/faults"), "work")
                .getAsJsonArray("running")) {
          if (i.getAsJsonObject().get("busy").getAsBoolean() && ok.get() > 20) {
            victim = i.getAsJsonObject().get("pid").getAsLong();
          }
        }
      }
      assertThat(victim).as("a busy instance of work").isPositive();
      assertThat(ProcessHandle.of(victim).orElseThrow().destroyForcibly()).isTrue();
      Thread.sleep(2000);
    } finally {
      stop.set(true);
      for (Future<?> f : running) {
        f.get(30, TimeUnit.SECONDS);
      }
      clients.shutdownNow();
    }
    System.out.println(
        "kill -9 of one of the work instances under load: " + ok.get() + " ok, failed " + failures);
    assertThat(ok.get()).isGreaterThan(50);
    assertThat(failures).hasSizeLessThanOrEqualTo(1);
    failures.forEach(f -> assertThat(f).startsWith("502 "));
  }

  @Test
  void aRuntimeKilledWithAThousandQueuedMessagesDeliversThemAllAfterARestart() throws Exception {
    Path out = RuntimeProcess.workerWritableDir();
    Path bundle =
        LocalFixtureApp.bundle(
            "local/faults", "faults", tmp.resolve("build"), Map.of("@@OUT_DIR@@", out.toString()));
    Path data = tmp.resolve("data");
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    RuntimeProcess first = RuntimeProcess.start(data, Map.of());
    try {
      ExecutorService senders = Executors.newFixedThreadPool(8);
      List<Future<?>> sent = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        sent.add(
            senders.submit(
                () -> {
                  for (int i = thread; i < 1000; i += 8) {
                    HttpResponse<String> r =
                        first.send(
                            first
                                .admin("/_skyhop/queues/tally")
                                .POST(HttpRequest.BodyPublishers.ofString("message-" + i))
                                .build());
                    assertThat(r.statusCode()).isEqualTo(202);
                    ids.add(
                        JsonParser.parseString(r.body()).getAsJsonObject().get("id").getAsString());
                  }
                  return null;
                }));
      }
      for (Future<?> f : sent) {
        f.get(60, TimeUnit.SECONDS);
      }
      senders.shutdown();
      assertThat(ids).hasSize(1000);
      assertThat(first.adminJson("/_skyhop/queues/tally").get("ready").getAsInt()).isEqualTo(1000);

      assertThat(first.deploy("faults", bundle).statusCode()).isEqualTo(201);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (count(out) < 50 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } finally {
      first.kill9();
    }
    int beforeRestart = count(out);
    System.out.println(
        "kill -9 of the runtime after " + beforeRestart + " of 1000 messages were processed");
    assertThat(beforeRestart).isBetween(1, 999);

    try (RuntimeProcess second = RuntimeProcess.start(data, Map.of())) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (count(out) < 1000 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      Set<String> processed = new HashSet<>();
      long deliveries = 0;
      try (Stream<Path> files = Files.list(out)) {
        for (Path f : files.toList()) {
          processed.add(f.getFileName().toString());
          deliveries += Files.readAllLines(f).size();
        }
      }
      System.out.println(
          "after the restart: "
              + processed.size()
              + " of 1000 messages processed, "
              + deliveries
              + " deliveries");
      assertThat(processed).containsExactlyInAnyOrderElementsOf(ids);
      JsonObject queue = second.adminJson("/_skyhop/queues/tally");
      assertThat(queue.get("dead").getAsInt()).isZero();
    }
  }

  private static int count(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return (int) files.count();
    }
  }

  private static HttpResponse<String> get(RuntimeProcess runtime, String path) throws Exception {
    return runtime.send(runtime.request(path).GET().build());
  }

  private static void awaitInstances(RuntimeProcess runtime, String function, int n)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    int now;
    do {
      now =
          RuntimeProcess.function(runtime.adminJson("/_skyhop/apps/faults"), function)
              .get("instances")
              .getAsInt();
      if (now == n) {
        return;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    assertThat(now).as("instances of " + function).isEqualTo(n);
  }

  private static JsonObject last(RuntimeProcess runtime, String function) throws Exception {
    JsonArray runs =
        runtime
            .adminJson("/_skyhop/invocations?app=faults&function=" + function)
            .getAsJsonArray("invocations");
    return runs.get(runs.size() - 1).getAsJsonObject();
  }
}
