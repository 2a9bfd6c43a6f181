package io.skyhop.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.runtime.fixture.Snoop;
import io.skyhop.runtime.testing.FixtureBundle;
import io.skyhop.runtime.testing.RuntimeProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployed function that tries to take over the runtime finds nothing: run by root (as here and
 * in CI), the runtime starts each app's workers as a user of its own; the hostile function {@link
 * Snoop} searches for the data directory (class path, working directory, every process's command
 * line), walks and reads what it can, reads every {@code /proc/<pid>/environ}, and enqueues to
 * another app's queue and to a queue nobody declared.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HostileFunctionIT {
  @TempDir Path tmp;

  @Test
  void aHostileFunctionFindsNeitherTheRuntimesSecretsNorOtherAppsFiles() throws Exception {
    try (RuntimeProcess runtime =
        RuntimeProcess.start(tmp.resolve("data"), Map.of("SKYHOP_IT_SECRET", "must-not-leak"))) {
      Path work =
          Path.of(
              JsonParser.parseString(Files.readString(runtime.dataDir().resolve("runtime.json")))
                  .getAsJsonObject()
                  .get("workDir")
                  .getAsString());
      assertThat(
              runtime
                  .deploy("other", FixtureBundle.write(tmp.resolve("other.zip"), "v1"))
                  .statusCode())
          .isEqualTo(201);
      assertThat(
              runtime
                  .deploy("snoop", FixtureBundle.write(tmp.resolve("snoop.zip"), "v1", Snoop.class))
                  .statusCode())
          .isEqualTo(201);
      JsonObject otherWorker = json(runtime.send(runtime.request("/other/hello").GET().build()));
      HttpResponse<String> answer =
          runtime.send(
              runtime.request("/snoop/snoop?queues=snoop-inbox,jobs,brand-new").GET().build());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      JsonObject report = json(answer);

      Path data = runtime.dataDir().toAbsolutePath();
      assertThat(strings(report.getAsJsonArray("searched")))
          .as("the function found the data directory on the runtime's command line")
          .contains(data.toString());
      List<String> status = strings(report.getAsJsonArray("status"));
      int snoopUid = Integer.parseInt(status.get(0).split("\\s+")[1]);
      assertThat(snoopUid).as(status.toString()).isGreaterThanOrEqualTo(61000);
      assertThat(status.get(2).strip()).as("no supplementary groups").isEqualTo("Groups:");
      assertThat(Files.readString(data.resolve("apps/snoop/worker-uid")).strip())
          .isEqualTo(Integer.toString(snoopUid))
          .isNotEqualTo(Files.readString(data.resolve("apps/other/worker-uid")).strip());

      assertThat(strings(report.getAsJsonArray("readable")))
          .as("files the function could read")
          .isNotEmpty()
          .allSatisfy(
              path -> {
                assertThat(Path.of(path).startsWith(data)).as(path).isFalse();
                assertThat(Path.of(path).startsWith(work.resolve("apps/other"))).as(path).isFalse();
                assertThat(Path.of(path).startsWith(work.resolve("run"))).as(path).isFalse();
                assertThat(Path.of(path).getFileName().toString())
                    .isNotIn("admin-token", "keys.json", "queues-token", "worker-uid");
              });
      assertThat(strings(report.getAsJsonArray("listable")))
          .as("directories the function could list")
          .allSatisfy(
              path -> {
                assertThat(Path.of(path).startsWith(data)).as(path).isFalse();
                assertThat(Path.of(path)).isNotEqualTo(work);
                assertThat(Path.of(path).startsWith(work.resolve("apps/other"))).as(path).isFalse();
              });
      List<Long> environs = new ArrayList<>();
      report.getAsJsonArray("readableEnvirons").forEach(e -> environs.add(e.getAsLong()));
      assertThat(environs)
          .as("/proc/<pid>/environ the function could read")
          .doesNotContain(runtime.pid(), otherWorker.get("pid").getAsLong());

      Path cwd = Path.of(report.get("cwd").getAsString());
      assertThat(cwd).startsWith(work.resolve("run"));
      assertThat(cwd.startsWith(data)).isFalse();
      assertThat(report.get("tmpdir").getAsString()).isEqualTo(cwd.resolve("tmp").toString());
      JsonObject env = report.getAsJsonObject("env");
      assertThat(env.keySet())
          .doesNotContain("SKYHOP_IT_SECRET")
          .contains("HOME", "TMPDIR", "SKYHOP_FUNCTION", "SKYHOP_QUEUES_URL", "SKYHOP_QUEUES_TOKEN")
          .isSubsetOf(
              "PATH",
              "LANG",
              "LC_ALL",
              "TZ",
              "HOME",
              "TMPDIR",
              "SKYHOP_FUNCTION",
              "SKYHOP_QUEUES_URL",
              "SKYHOP_QUEUES_TOKEN");
      assertThat(env.toString()).doesNotContain(runtime.token());

      JsonObject enqueue = report.getAsJsonObject("enqueue");
      assertThat(enqueue.get("snoop-inbox").getAsInt()).isEqualTo(202);
      assertThat(enqueue.get("jobs").getAsInt()).as("another app's queue").isEqualTo(403);
      assertThat(enqueue.get("brand-new").getAsInt()).as("a new queue").isEqualTo(403);
      assertThat(names(runtime.adminJson("/_skyhop/queues").getAsJsonArray("queues")))
          .doesNotContain("brand-new");
    }
  }

  private static JsonObject json(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  private static List<String> strings(JsonArray array) {
    List<String> list = new ArrayList<>();
    array.forEach(e -> list.add(e.getAsString()));
    return list;
  }

  private static List<String> names(JsonArray queues) {
    List<String> list = new ArrayList<>();
    for (JsonElement q : queues) {
      list.add(q.getAsJsonObject().get("name").getAsString());
    }
    return list;
  }
}
