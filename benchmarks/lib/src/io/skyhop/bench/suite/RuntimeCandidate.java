package io.skyhop.bench.suite;

import io.skyhop.bench.lib.Http;
import io.skyhop.bench.lib.Processes;
import io.skyhop.bench.lib.Rss;
import io.skyhop.bench.lib.Wrk;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Skyhop's in-house runtime: one front door process, started once ({@code --idle-seconds 1}), the
 * local bundle of examples/hello deployed to it through the admin API. A cold start is a worker
 * cold start with the front door already up: wait until the app has scaled to zero (admin API
 * shows no instance), then time {@code GET /hello/hello?name=Ada} from outside, request sent to
 * last byte received — worker process start, init and the first invocation, plus the front door's
 * hop. With {@code shared}, the runtime runs with {@code --shared}: the app's functions in one
 * worker JVM of its own class loader, many calls at a time.
 */
final class RuntimeCandidate implements Candidate {
  private static final Pattern INSTANCES = Pattern.compile("\"instances\":(\\d+)}\\s*$");
  private static final String PATH = "/hello/hello?name=Ada";

  private final String name;
  private final boolean shared;
  private final Path runtimeJar;
  private final Path bundle;
  private final Path work;
  private final HttpClient admin =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private Process frontDoor;
  private int port;
  private String token;

  RuntimeCandidate(String name, boolean shared, Path runtimeJar, Path bundle, Path work) {
    this.name = name;
    this.shared = shared;
    this.runtimeJar = runtimeJar;
    this.bundle = bundle;
    this.work = work;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return Candidates.DESCRIPTION.get(name());
  }

  @Override
  public boolean servesHttp() {
    return true;
  }

  @Override
  public void prepare() throws Exception {
    port = Http.freePort();
    Path data = work.resolve(name + "-data");
    deleteTree(data);
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Processes.java(),
                "-jar",
                runtimeJar.toString(),
                "--port",
                Integer.toString(port),
                "--data",
                data.toString(),
                "--idle-seconds",
                "1"));
    if (shared) {
      cmd.add("--shared");
    }
    frontDoor = Processes.start(cmd, Map.of(), work, work.resolve(name + ".log"));
    Http.awaitFirst200(port, "/_skyhop/health", "\"status\":\"ok\"", frontDoor, 180, TimeUnit.SECONDS);
    token = Files.readString(data.resolve("admin-token")).trim();
    HttpResponse<String> deployed =
        admin.send(
            request("/_skyhop/apps/hello")
                .header("Content-Type", "application/zip")
                .PUT(HttpRequest.BodyPublishers.ofFile(bundle))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (deployed.statusCode() / 100 != 2) {
      throw new IllegalStateException("deploy answered " + deployed.statusCode() + " " + deployed.body());
    }
    // The app's class-data sharing archive is built in the background after a deploy.
    Path log = data.resolve("logs/runtime.log");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)
          && Files.readString(log).matches("(?s).*Class-data sharing archive (ready|not built).*")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("no class-data sharing archive within 300 s; see " + log);
  }

  @Override
  public Sample coldStart() throws Exception {
    awaitZeroInstances();
    Set<Long> before = workers();
    long start = System.nanoTime();
    Http.Response r = Http.get(port, PATH, 120_000);
    long end = System.nanoTime();
    if (r.status() != 200 || !r.body().contains(EXPECTED)) {
      throw new IllegalStateException("the runtime answered " + r.status() + " " + r.body());
    }
    double cpu =
        frontDoor
            .toHandle()
            .descendants()
            .filter(h -> !before.contains(h.pid()))
            .mapToDouble(Processes::cpuMillis)
            .sum();
    return new Sample((end - start) / 1e6, cpu);
  }

  @Override
  public Warm warm(Settings s) throws Exception {
    return Warm.measure("http://127.0.0.1:" + port + PATH, s, frontDoor.toHandle());
  }

  @Override
  public void close() {
    if (frontDoor != null) {
      Processes.kill(frontDoor.toHandle());
    }
  }

  private Set<Long> workers() {
    return frontDoor.toHandle().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
  }

  /** Scale to zero: up to 60 s for the admin API to show no instance of the app. */
  private void awaitZeroInstances() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String last = "";
    while (System.nanoTime() < deadline) {
      last =
          admin
              .send(request("/_skyhop/apps/hello").GET().build(), HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = INSTANCES.matcher(last);
      if (m.find() && m.group(1).equals("0")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the app did not scale to zero within 60 s: " + last);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
