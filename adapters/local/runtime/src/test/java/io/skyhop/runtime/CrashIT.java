package io.skyhop.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyhop.runtime.testing.FixtureBundle;
import io.skyhop.runtime.testing.RuntimeProcess;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the runtime in the middle of writes: no acknowledged bucket object is lost or
 * torn, and after a redeploy cut short (or a damaged current version) the last good version serves.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrashIT {
  @TempDir Path tmp;

  @Test
  void aKillDuringBucketWritesLosesNoAcknowledgedObject() throws Exception {
    Path data = tmp.resolve("data");
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    RuntimeProcess first = RuntimeProcess.start(data, Map.of(), "--no-cds");
    ExecutorService writers = Executors.newFixedThreadPool(4);
    CountDownLatch enough = new CountDownLatch(120);
    AtomicInteger overwrites = new AtomicInteger();
    try {
      for (int t = 0; t < 4; t++) {
        int writer = t;
        writers.submit(
            () -> {
              for (int i = 0; ; i++) {
                // writer 0 keeps replacing one key; the others write new keys
                String key = writer == 0 ? "same" : "k-" + writer + "-" + i;
                String body = key + " version " + i + " " + "x".repeat(32 * 1024);
                HttpResponse<String> put = put(first, key, body);
                if (put == null || put.statusCode() != 200) {
                  return null;
                }
                acknowledged.put(key, body);
                if (writer == 0) {
                  overwrites.set(i);
                }
                enough.countDown();
              }
            });
      }
      assertThat(enough.await(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      first.kill9();
      writers.shutdownNow();
      writers.awaitTermination(10, TimeUnit.SECONDS);
    }

    try (RuntimeProcess second = RuntimeProcess.start(data, Map.of(), "--no-cds")) {
      for (Map.Entry<String, String> object : acknowledged.entrySet()) {
        HttpResponse<String> get =
            second.send(second.admin("/_skyhop/buckets/crash/" + object.getKey()).GET().build());
        assertThat(get.statusCode()).as(object.getKey()).isEqualTo(200);
        if (object.getKey().equals("same")) {
          // the acknowledged version, or the one in flight when the runtime died
          int version = Integer.parseInt(get.body().split(" ")[2]);
          assertThat(version).isBetween(overwrites.get(), overwrites.get() + 2);
          assertThat(get.body()).endsWith("x".repeat(32 * 1024));
        } else {
          assertThat(get.body()).as(object.getKey()).isEqualTo(object.getValue());
        }
      }
      JsonObject listing = second.adminJson("/_skyhop/buckets/crash");
      for (JsonElement o : listing.getAsJsonArray("objects")) {
        String key = o.getAsJsonObject().get("key").getAsString();
        HttpResponse<String> get =
            second.send(second.admin("/_skyhop/buckets/crash/" + key).GET().build());
        assertThat(get.statusCode()).as("listed " + key).isEqualTo(200);
        assertThat((long) get.body().length())
            .as("listed " + key + " whole")
            .isEqualTo(o.getAsJsonObject().get("size").getAsLong());
      }
    }
  }

  @Test
  void aKillDuringARedeployLeavesTheLastGoodVersionServing() throws Exception {
    Path data = tmp.resolve("data");
    Set<String> good = ConcurrentHashMap.newKeySet();
    try (RuntimeProcess runtime = RuntimeProcess.start(data, Map.of(), "--no-cds")) {
      assertThat(
              runtime
                  .deploy("fixture", FixtureBundle.write(tmp.resolve("v1.zip"), "v1"))
                  .statusCode())
          .isEqualTo(201);
      assertThat(version(runtime)).isEqualTo("v1");
    }
    good.add("v1");
    String serving = "v1";
    for (int round = 2; round <= 4; round++) {
      String next = "v" + round;
      Path bundle = FixtureBundle.write(tmp.resolve(next + ".zip"), next);
      RuntimeProcess runtime = RuntimeProcess.start(data, Map.of(), "--no-cds");
      ExecutorService deployer = Executors.newSingleThreadExecutor();
      Future<HttpResponse<String>> deploy =
          deployer.submit(() -> runtime.deploy("fixture", bundle));
      Thread.sleep(List.of(0L, 40L, 120L).get(round - 2));
      runtime.kill9();
      deployer.shutdownNow();
      boolean acknowledged = deploy.isDone() && ok(deploy);
      try (RuntimeProcess restarted = RuntimeProcess.start(data, Map.of(), "--no-cds")) {
        String now = version(restarted);
        assertThat(now).as("round " + round).isIn(serving, next);
        if (acknowledged) {
          assertThat(now).as("an acknowledged redeploy").isEqualTo(next);
        }
        serving = now;
      }
    }

    // a current version whose files are damaged (as a power cut during its deployment leaves it)
    Path versions = data.resolve("apps/fixture/versions");
    Path broken = Files.createDirectories(versions.resolve("zzzz-broken"));
    Files.writeString(data.resolve("apps/fixture/current"), broken.getFileName().toString());
    try (RuntimeProcess restarted = RuntimeProcess.start(data, Map.of(), "--no-cds")) {
      assertThat(version(restarted)).isEqualTo(serving);
      assertThat(restarted.console())
          .contains("Version zzzz-broken of fixture cannot be loaded: serving");
      assertThat(Files.readString(data.resolve("apps/fixture/current")))
          .isNotEqualTo("zzzz-broken");
    }
  }

  private static boolean ok(Future<HttpResponse<String>> deploy) {
    try {
      return deploy.get().statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private static String version(RuntimeProcess runtime) throws Exception {
    HttpResponse<String> r = runtime.send(runtime.request("/fixture/slow?ms=1").GET().build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private static HttpResponse<String> put(RuntimeProcess runtime, String key, String body) {
    try {
      return runtime.send(
          runtime
              .admin("/_skyhop/buckets/crash/" + key)
              .PUT(HttpRequest.BodyPublishers.ofString(body))
              .build());
    } catch (Exception runtimeKilled) {
      return null;
    }
  }
}
