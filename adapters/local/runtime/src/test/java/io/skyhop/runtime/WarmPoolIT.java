package io.skyhop.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.runtime.fixture.Warm;
import io.skyhop.runtime.testing.FixtureBundle;
import io.skyhop.runtime.testing.RuntimeProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Function(minInstances = 2)} on the in-house runtime: two primed workers are ready before
 * any call, the first call is served warm by one of them (no cold start recorded), idle shutdown
 * keeps them, and the pool refills after a worker is killed.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class WarmPoolIT {
  private static final String APP = "/_skyhop/apps/pool";

  @TempDir Path tmp;

  @Test
  void twoPrimedInstancesWaitBeforeTheFirstCallAndThePoolRefillsAfterAKill() throws Exception {
    try (RuntimeProcess runtime =
        RuntimeProcess.start(tmp.resolve("data"), Map.of(), "--idle-seconds", "1")) {
      HttpResponse<String> deployed =
          runtime.deploy("pool", FixtureBundle.write(tmp.resolve("pool.zip"), "v1", Warm.class));
      assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);

      JsonObject before = awaitWarm(runtime, 2);
      assertThat(before.get("minInstances").getAsInt()).isEqualTo(2);
      assertThat(before.get("warm").getAsInt()).as(before.toString()).isEqualTo(2);
      assertThat(before.get("instances").getAsInt()).isEqualTo(2);
      Set<Long> ready = pids(before);
      assertThat(ready).hasSize(2);

      HttpResponse<String> first = runtime.send(runtime.request("/pool/warm").GET().build());
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      JsonObject answer = JsonParser.parseString(first.body()).getAsJsonObject();
      assertThat(answer.get("pid").getAsLong()).as("served by a ready instance").isIn(ready);
      assertThat(answer.get("primed").getAsBoolean()).isTrue();
      assertThat(answer.get("primes").getAsInt()).as("primed once, before it was ready").isOne();
      JsonArray calls =
          runtime
              .adminJson("/_skyhop/invocations?app=pool&function=warm")
              .getAsJsonArray("invocations");
      assertThat(calls).hasSize(1);
      assertThat(calls.get(0).getAsJsonObject().get("initDurationMs").isJsonNull())
          .as("no cold start recorded for the first call")
          .isTrue();
      assertThat(runtime.send(runtime.admin("/_skyhop/metrics").GET().build()).body())
          .contains("skyhop_cold_starts_total{app=\"pool\",function=\"warm\"} 0");

      Thread.sleep(2_500); // past --idle-seconds 1: idle shutdown stops nothing below minInstances
      JsonObject idle = RuntimeProcess.function(runtime.adminJson(APP), "warm");
      assertThat(pids(idle)).as("idle shutdown keeps the warm pool").isEqualTo(ready);

      long victim = ready.iterator().next();
      assertThat(ProcessHandle.of(victim).orElseThrow().destroyForcibly()).isTrue();
      JsonObject refilled =
          awaitWarm(runtime, 2, f -> !pids(f).contains(victim) && pids(f).size() == 2);
      assertThat(refilled.get("warm").getAsInt()).as(refilled.toString()).isEqualTo(2);
      Set<Long> after = pids(refilled);
      assertThat(after).doesNotContain(victim).hasSize(2);
      assertThat(after).as("the survivor stays").containsAnyElementsOf(ready);
    }
  }

  private static JsonObject awaitWarm(RuntimeProcess runtime, int warm) throws Exception {
    return awaitWarm(runtime, warm, f -> true);
  }

  private static JsonObject awaitWarm(
      RuntimeProcess runtime, int warm, java.util.function.Predicate<JsonObject> also)
      throws Exception {
    JsonObject app =
        runtime.awaitAdmin(
            APP,
            a -> {
              JsonObject f = RuntimeProcess.function(a, "warm");
              return f.get("warm").getAsInt() == warm && also.test(f);
            },
            Duration.ofSeconds(40));
    return RuntimeProcess.function(app, "warm");
  }

  private static Set<Long> pids(JsonObject function) {
    Set<Long> pids = new HashSet<>();
    for (JsonElement i : function.getAsJsonArray("running")) {
      pids.add(i.getAsJsonObject().get("pid").getAsLong());
    }
    return pids;
  }
}
