package io.skyhop.it.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.runtime.testing.RuntimeProcess;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.logs.LogSettings;
import io.skyhop.tooling.logs.LogSource;
import io.skyhop.tooling.logs.LogSources;
import io.skyhop.tooling.logs.Logs;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skyhop:logs} against a real in-house runtime: the lines the fixture's functions write with
 * {@code Context.logger()} come back through the runtime's log API in the neutral shape, the same
 * lines {@code ProviderLogsTest} gets from each provider's stub for the same invocations ({@code
 * local/logs/expected.txt}, with this run's times and request ids); filtered by function and time;
 * a follow streams a new invocation's lines until stopped; an empty window says why.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LogsLocalIT {
  @TempDir Path tmp;

  final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  final List<String> said = Collections.synchronizedList(new ArrayList<>());

  @Test
  void printsTheNeutralLinesFiltersAndFollows() throws Exception {
    Path bundle = LocalFixtureApp.bundle("local/logs", "shop", tmp.resolve("build"), Map.of());
    try (RuntimeProcess runtime = RuntimeProcess.start(tmp.resolve("data"), Map.of())) {
      assertThat(runtime.deploy("shop", bundle).statusCode()).isEqualTo(201);
      Instant before = Instant.now();
      String first = call(runtime, "/shop/hello?name=ada");
      Instant between = Instant.now();
      String second = call(runtime, "/shop/bye");

      List<String> all = awaitLines(runtime, Map.of(), 3);
      List<String> expected =
          Files.readAllLines(
              Path.of(LogsLocalIT.class.getResource("/local/logs/expected.txt").toURI()));
      assertThat(mask(all, first, second)).containsExactlyElementsOf(expected);
      for (String line : all) {
        Instant time = Instant.parse(line.substring(0, line.indexOf(' ')));
        assertThat(time).isBetween(before.minusSeconds(1), Instant.now());
      }

      lines.clear();
      run(runtime, Map.of(LogSettings.FUNCTION, "bye"), () -> true);
      run(runtime, Map.of(LogSettings.SINCE, between.toString()), () -> true);
      run(runtime, Map.of(LogSettings.FILTER, "GREETING", LogSettings.FORMAT, "json"), () -> true);
      assertThat(mask(lines, first, second))
          .containsExactly(
              expected.get(2),
              expected.get(2),
              "{\"time\":\"<time>\",\"function\":\"hello\",\"requestId\":\"<request 1>\","
                  + "\"level\":\"WARN\",\"message\":\"slow greeting\"}");

      said.clear();
      lines.clear();
      run(runtime, Map.of(LogSettings.SINCE, Instant.now().plusSeconds(1).toString()), () -> true);
      assertThat(lines).isEmpty();
      assertThat(said).hasSize(1);
      assertThat(said.get(0))
          .startsWith("No log lines for hello, bye since ")
          .endsWith(": no invocations in that window");

      lines.clear();
      said.clear();
      AtomicBoolean stop = new AtomicBoolean();
      Thread follower =
          new Thread(
              () -> {
                try {
                  run(
                      runtime,
                      Map.of(LogSettings.FOLLOW, "true", LogSettings.POLL, "100"),
                      stop::get);
                } catch (Exception e) {
                  said.add("FAILED " + e);
                }
              });
      follower.start();
      awaitSize(lines, 3);
      String third = call(runtime, "/shop/hello?name=grace");
      awaitSize(lines, 4);
      Thread.sleep(400); // more polls print nothing twice
      stop.set(true);
      follower.join(10_000);
      assertThat(follower.isAlive()).isFalse();
      assertThat(lines).hasSize(4);
      assertThat(lines.get(3)).endsWith(" hello " + third + " INFO hello grace");
      assertThat(said)
          .containsExactly(
              "Following (reads "
                  + runtime.baseUrl().toString().replaceAll("/$", "")
                  + "/_skyhop/apps/shop/logs as lines are written); stop with Ctrl-C");
    }
  }

  private static String call(RuntimeProcess runtime, String path) throws Exception {
    HttpResponse<String> response = runtime.send(runtime.request(path).GET().build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.headers().firstValue("x-skyhop-request-id").orElseThrow();
  }

  private List<String> awaitLines(RuntimeProcess runtime, Map<String, String> settings, int count)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      lines.clear();
      run(runtime, settings, () -> true);
      if (lines.size() >= count || System.nanoTime() > deadline) {
        return List.copyOf(lines);
      }
      Thread.sleep(100);
    }
  }

  private static void awaitSize(List<String> list, int size) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (list.size() < size && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(list).hasSizeGreaterThanOrEqualTo(size);
  }

  private void run(
      RuntimeProcess runtime, Map<String, String> values, java.util.function.BooleanSupplier stop)
      throws Exception {
    Map<String, String> all = new HashMap<>(values);
    all.put("skyhop.local.url", runtime.baseUrl().toString());
    all.put("skyhop.local.token", runtime.token());
    DeployRequest request =
        new DeployRequest(
            Target.named("local"), "shop", tmp.resolve("skyhop"), new Settings(all), false);
    LogSettings settings = LogSettings.of(request.settings(), List.of("hello", "bye"));
    BuildListener listener = BuildListener.collecting(said);
    try (LogSource source = LogSources.open(request, settings.functions(), listener)) {
      new Logs(Clock.systemUTC(), listener, lines::add).run(source, settings, stop);
    }
  }

  /** Each line with its time and this run's request ids replaced by placeholders. */
  private static List<String> mask(List<String> lines, String first, String second) {
    return lines.stream()
        .map(
            l ->
                l.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "<time>")
                    .replace(first, "<request 1>")
                    .replace(second, "<request 2>"))
        .toList();
  }
}
