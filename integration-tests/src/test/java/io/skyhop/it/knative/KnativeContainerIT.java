package io.skyhop.it.knative;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.knative.OciArchive;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knative image runs and serves: its entry point is started with the image's filesystem (the
 * layers extracted; see {@link ImageRun} for why not a container engine), {@code PORT} set as
 * Knative sets it and {@code --bind 127.0.0.1} added as {@code podman run IMAGE --bind …} would;
 * the HTTP function answers, the keyed one only with its key from the mounted Secret (and the
 * container does not start without it), the schedule function is not deployed in the Service, and
 * the CronJob's command ({@code --invoke tick}) runs the schedule function once and exits 0. The
 * queue Service's container, started with the arguments {@code service.yaml} gives it, takes real
 * CloudEvents (binary and structured mode) at the path its Trigger's subscriber names, as a Knative
 * Broker would deliver them, and answers as the Broker's retry rules expect.
 */
class KnativeContainerIT {
  /** Where the Service mounts the Secret of the function keys. */
  private static final String KEYS = "/etc/skyhop/function-keys";

  @TempDir static Path work;
  private static OciArchive image;
  private static Path skyhop;

  @BeforeAll
  static void packageTheApp() throws Exception {
    Path release = Files.writeString(work.resolve("release"), "JAVA_VERSION=\"17\"\n");
    Path base = work.resolve("base.tar");
    Jib.fromScratch()
        .addFileEntriesLayer(
            FileEntriesLayer.builder()
                .addEntry(release, AbsoluteUnixPath.get(KnativeFixture.JAVA_HOME + "/release"))
                .build())
        .addEnvironmentVariable("JAVA_HOME", KnativeFixture.JAVA_HOME)
        .addEnvironmentVariable("PATH", KnativeFixture.JAVA_HOME + "/bin:/usr/bin:/bin")
        .containerize(
            Containerizer.to(TarImage.at(base).named("jre-stand-in:17"))
                .setBaseImageLayersCache(work.resolve("jib-base-cache"))
                .setApplicationLayersCache(work.resolve("jib-app-cache")));
    skyhop =
        KnativeFixture.packageApp(
            Files.createDirectories(work.resolve("app")),
            "Hello",
            "tar://" + base,
            BuildListener.stdout(),
            Map.of(
                "skyhop.knative.deadLetterSink", "http://dead-letters.default.svc.cluster.local"));
    image = OciArchive.unpack(skyhop.resolve("knative/greeter-image.tar"), work.resolve("image"));
  }

  @Test
  void theServiceCommandServesTheHttpFunctionOnPort() throws Exception {
    List<String> args = serviceArgs();
    ImageRun run = ImageRun.extract(image, work.resolve("pod-1"));
    String key = FunctionKeyCalls.mount(run, KEYS);
    int port = freePort();
    Path log = work.resolve("pod-1.log");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    long start = System.nanoTime();
    Process pod = run.start(args, Map.of("PORT", String.valueOf(port)), log);
    try {
      awaitHealth(http, port, pod, log);
      long readyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      long call = System.nanoTime();
      HttpResponse<String> hello = get(http, port, "/greeter/hello?name=Ada");
      long firstMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - call);
      assertThat(hello.statusCode()).as(hello.body()).isEqualTo(200);
      assertThat(hello.body())
          .isEqualTo(
              "{\"message\":\"Hello, Ada!\",\"function\":\"hello\",\"timezone\":\"UTC\","
                  + "\"target\":\"knative\"}");
      assertThat(hello.headers().firstValue("x-skyhop-request-id")).isPresent();
      FunctionKeyCalls.assertEnforced(http, port, key);
      assertThat(Files.readString(log)).as("the key is never logged").doesNotContain(key);
      assertThat(get(http, port, "/greeter/tick").statusCode()).isEqualTo(404);
      assertThat(
              QueueEvents.post(http, port, "/_skyhop/events/queues/greetings", Map.of(), "Ada")
                  .statusCode())
          .as("the public Service takes no queue events")
          .isEqualTo(401);

      String token = Files.readString(run.inRoot("/tmp/skyhop/admin-token")).strip();
      HttpResponse<String> app =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/_skyhop/apps/greeter"))
                  .header("Authorization", "Bearer " + token)
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(app.statusCode()).isEqualTo(200);
      assertThat(app.body()).contains("\"hello\"").doesNotContain("\"tick\"");
      System.out.println(
          "[knative] entry point ready (health 200) after "
              + readyMs
              + " ms; first call (worker cold start) "
              + firstMs
              + " ms");
    } finally {
      stop(pod);
    }
  }

  @Test
  void withoutItsKeyInTheMountedSecretTheServiceDoesNotStart() throws Exception {
    ImageRun run = ImageRun.extract(image, work.resolve("pod-4"));
    Files.createDirectories(run.inRoot(KEYS + "/other"));
    Path log = work.resolve("pod-4.log");
    Process pod = run.start(serviceArgs(), Map.of("PORT", String.valueOf(freePort())), log);
    try {
      assertThat(pod.waitFor(60, TimeUnit.SECONDS)).as("it exits").isTrue();
      assertThat(pod.exitValue()).isEqualTo(1);
      assertThat(Files.readString(log))
          .contains(
              "function whisper needs a key (@HttpTrigger auth FUNCTION), but "
                  + run.inRoot(KEYS + "/whisper")
                  + " does not exist: the Secret greeter-function-keys mounted at "
                  + run.inRoot(KEYS)
                  + " has no key 'whisper'. Fix: deploy with skyhop:deploy"
                  + " -Dskyhop.target=knative");
    } finally {
      stop(pod);
    }
  }

  /** The HTTP Service's container arguments in service.yaml, bound to loopback. */
  private static List<String> serviceArgs() throws IOException {
    QueueEvents.Manifests yaml = QueueEvents.Manifests.read(skyhop.resolve("knative/service.yaml"));
    List<String> args = new java.util.ArrayList<>(yaml.containerArgs("greeter"));
    assertThat(args).containsExactly("--function-keys", KEYS);
    args.addAll(List.of("--bind", "127.0.0.1"));
    return args;
  }

  @Test
  void theCronJobCommandRunsTheScheduleFunctionOnceAndExitsZero() throws Exception {
    ImageRun run = ImageRun.extract(image, work.resolve("pod-2"));
    Path log = work.resolve("pod-2.log");
    Process job = run.start(List.of("--invoke", "tick"), Map.of(), log);
    try {
      assertThat(job.waitFor(90, TimeUnit.SECONDS)).as("the run ends").isTrue();
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(job.exitValue()).as(output).isZero();
      assertThat(output).contains("\"ticked by tick on */5 * * * *\"");
    } finally {
      stop(job);
    }
  }

  @Test
  void theQueueServiceTakesCloudEventsAtItsTriggersSubscriberPath() throws Exception {
    QueueEvents.Manifests yaml = QueueEvents.Manifests.read(skyhop.resolve("knative/service.yaml"));
    Map<String, Object> trigger = yaml.trigger("greeter-welcome");
    assertThat(QueueEvents.at(trigger, "spec", "subscriber", "ref", "name"))
        .isEqualTo("greeter-queues");
    assertThat(QueueEvents.at(trigger, "spec", "filter", "attributes", "type"))
        .isEqualTo("io.skyhop.queue.greetings");
    assertThat(QueueEvents.at(trigger, "spec", "delivery", "deadLetterSink", "uri"))
        .isEqualTo("http://dead-letters.default.svc.cluster.local");
    String path = (String) QueueEvents.at(trigger, "spec", "subscriber", "uri");
    List<String> args = new java.util.ArrayList<>(yaml.containerArgs("greeter-queues"));
    args.addAll(List.of("--bind", "127.0.0.1"));

    ImageRun run = ImageRun.extract(image, work.resolve("pod-3"));
    int port = freePort();
    Path log = work.resolve("pod-3.log");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Process pod = run.start(args, Map.of("PORT", String.valueOf(port)), log);
    try {
      awaitHealth(http, port, pod, log);
      QueueEvents.assertDelivered(http, port, path, log, run);
      assertThat(get(http, port, "/greeter/hello").statusCode())
          .as("the queue Service serves no HTTP function")
          .isEqualTo(404);
    } finally {
      stop(pod);
    }
  }

  private static void awaitHealth(HttpClient http, int port, Process pod, Path log)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertThat(pod.isAlive()).as(Files.readString(log)).isTrue();
      try {
        HttpResponse<String> health = get(http, port, "/_skyhop/health");
        if (health.statusCode() == 200) {
          JsonObject body = JsonParser.parseString(health.body()).getAsJsonObject();
          assertThat(body.get("apps").getAsInt())
              .as("the app is deployed before the port opens")
              .isEqualTo(1);
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(50);
    }
    throw new AssertionError("No health after 60 s: " + Files.readString(log));
  }

  static HttpResponse<String> get(HttpClient http, int port, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void stop(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
  }
}
