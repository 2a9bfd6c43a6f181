package io.skyhop.tooling.lab.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.lab.ColdStart;
import io.skyhop.tooling.lab.Harness;
import io.skyhop.tooling.lab.Instance;
import io.skyhop.tooling.lab.Invocation;
import io.skyhop.tooling.lab.LabContext;
import io.skyhop.tooling.lab.LabException;
import io.skyhop.tooling.lab.LabFunction;
import io.skyhop.tooling.lab.LoopbackHttp;
import io.skyhop.tooling.lab.Samples;
import io.skyhop.tooling.lab.Unzip;
import io.skyhop.tooling.local.LaunchedRuntime;
import io.skyhop.tooling.local.LocalRuntimeClient;
import io.skyhop.tooling.local.LocalRuntimeException;
import io.skyhop.tooling.local.RuntimeLaunchException;
import io.skyhop.tooling.local.RuntimeLauncher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Runs functions on the in-house runtime as users run it: one runtime process ({@code java -jar
 * skyhop-runtime.jar}) for the whole lab, started with a one-second idle time so that instances
 * scale to zero between samples, the app's bundle ({@code target/skyhop/local/<app>.zip}) deployed
 * once through the admin API. A cold start waits until the function has no instance, then sends the
 * first request: HTTP functions through the front door ({@code /<app><path>}), event functions
 * through the admin invoke endpoint with the trigger's neutral event (a queue message, a scheduled
 * run, a storage event). Init and duration come from the runtime's per-invocation report ({@code
 * GET /_skyhop/invocations}).
 */
public final class LocalHarness implements Harness {
  private static final long SCALE_TO_ZERO_LIMIT_MILLIS = 60_000;
  private static final long ARCHIVE_LIMIT_MILLIS = 120_000;

  private final LabContext lab;
  private final LaunchedRuntime runtime;
  private final int port;
  private final String token;
  private final LocalRuntimeClient client;

  /** A runtime per extra environment the lab asked for, serving a copy of the bundle with it. */
  private final Map<Map<String, String>, LocalHarness> variants = new HashMap<>();

  private LocalHarness(
      LabContext lab, LaunchedRuntime runtime, int port, String token, LocalRuntimeClient client) {
    this.lab = lab;
    this.runtime = runtime;
    this.port = port;
    this.token = token;
    this.client = client;
  }

  /**
   * Starts a runtime with its own data directory under the lab's work directory, deploys the app's
   * bundle and waits for its class-data sharing archive.
   *
   * @throws LabException when the bundle or the runtime jar is missing, or the runtime does not
   *     come up
   */
  public static LocalHarness open(LabContext lab) throws IOException {
    return start(lab, bundle(lab), "");
  }

  /**
   * Starts a runtime for {@code bundle}, with its data directory {@code local/data<suffix>} and its
   * log {@code logs/runtime<suffix>.log}.
   */
  private static LocalHarness start(LabContext lab, Path bundle, String suffix) throws IOException {
    Path data = lab.workDir().resolve("local").resolve("data" + suffix);
    Unzip.delete(data);
    Files.createDirectories(data);
    LaunchedRuntime runtime = launch(lab, data, suffix);
    try {
      LocalRuntimeClient client = runtime.client();
      client.deploy(lab.app(), bundle);
      awaitArchive(data, lab);
      lab.listener()
          .info(
              "report: in-house runtime up on port "
                  + runtime.port()
                  + ", "
                  + lab.app()
                  + " deployed");
      return new LocalHarness(lab, runtime, runtime.port(), runtime.token(), client);
    } catch (LocalRuntimeException e) {
      runtime.close();
      throw new LabException(
          "local: " + e.getMessage() + "; log: " + runtime.log().orElseThrow(), e);
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  /**
   * Starts the runtime with a clean environment (UTC), a one-second idle time and its log {@code
   * logs/runtime<suffix>.log}, within the lab's start deadline.
   */
  private static LaunchedRuntime launch(LabContext lab, Path data, String suffix)
      throws IOException {
    long left = Math.max(0, lab.startDeadline() - System.nanoTime());
    try {
      return RuntimeLauncher.of(lab.tools().runtime(Target.named("local")).get(0), data)
          .java(lab.tools().java())
          .cleanEnvironment()
          .env(Map.of("TZ", "UTC"))
          .workingDir(data)
          .log(lab.workDir().resolve("logs").resolve("runtime" + suffix + ".log"))
          .options("--idle-seconds", "1")
          .startTimeout(Duration.ofNanos(left))
          .start();
    } catch (RuntimeLaunchException e) {
      throw new LabException("local: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException("interrupted", e);
    }
  }

  /** The app's local bundle, and the runtime jar, checked. */
  private static Path bundle(LabContext lab) {
    Path bundle = lab.skyhopDir().resolve("local").resolve(lab.app() + ".zip");
    if (!Files.isRegularFile(bundle)) {
      throw new LabException(
          "local is not packaged: "
              + bundle
              + " is missing. Fix: run 'mvn package' with local in skyhop.targets, or leave local"
              + " out of skyhop.targets for the report");
    }
    List<Path> runtime = lab.tools().runtime(Target.named("local"));
    Path jar = runtime.isEmpty() ? null : runtime.get(0);
    if (jar == null || !Files.isRegularFile(jar)) {
      throw new LabException(
          "The in-house runtime (skyhop-runtime.jar) is not available. Fix: run skyhop:report"
              + " through the Skyhop Maven plugin, which brings io.skyhop:skyhop-runtime");
    }
    return bundle;
  }

  /** Waits for the runtime's log to say the app's class-data sharing archive is built (or not). */
  private static void awaitArchive(Path data, LabContext lab) throws IOException {
    Path log = data.resolve("logs").resolve("runtime.log");
    long deadline = System.nanoTime() + ARCHIVE_LIMIT_MILLIS * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(log)) {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        if (text.contains("Class-data sharing archive ready")
            || text.contains("Class-data sharing archive not built")) {
          return;
        }
      }
      pause(100);
    }
    lab.listener()
        .warn(
            "report: the in-house runtime did not report its class-data sharing"
                + " archive within "
                + ARCHIVE_LIMIT_MILLIS / 1000
                + " s; measuring anyway");
  }

  @Override
  public Target target() {
    return Target.named("local");
  }

  @Override
  public String label() {
    return "local (in-house runtime)";
  }

  @Override
  public Instance coldStart(LabFunction function) throws IOException {
    if (!function.extraEnv().isEmpty()) {
      return variant(function.extraEnv())
          .coldStart(new LabFunction(function.app(), function.manifest()));
    }
    awaitNoInstance(function);
    LocalInstance instance = new LocalInstance(function);
    Invocation first = instance.invoke();
    Record record = instance.lastRecord;
    if (record.initMs().isEmpty()) {
      throw new LabException(
          "local: the first invocation of "
              + function.name()
              + " after scale-to-zero was not a cold start (no Init Duration in its report)");
    }
    instance.cold = new ColdStart(first.latencyMs(), record.initMs(), first.handlerMs());
    return instance;
  }

  /**
   * The runtime whose workers get {@code env} too: the in-house runtime gives workers only the
   * environment their bundle declares, so it serves a copy of the bundle with {@code env} added
   * (started at the first cold start that asks for it, outside the measurement).
   */
  private LocalHarness variant(Map<String, String> env) throws IOException {
    LocalHarness variant = variants.get(env);
    if (variant == null) {
      String suffix = "-env" + (variants.size() + 1);
      Path dir = Files.createDirectories(lab.workDir().resolve("local"));
      Path bundle = BundleEnv.write(bundle(lab), env, dir.resolve(lab.app() + suffix + ".zip"));
      variant = start(lab, bundle, suffix);
      variants.put(Map.copyOf(env), variant);
    }
    return variant;
  }

  private void awaitNoInstance(LabFunction function) {
    long deadline = System.nanoTime() + SCALE_TO_ZERO_LIMIT_MILLIS * 1_000_000;
    while (System.nanoTime() < deadline) {
      Optional<LocalRuntimeClient.DeployedApp> app = client.app(function.app());
      int instances =
          app.flatMap(a -> a.function(function.name()))
              .map(LocalRuntimeClient.DeployedFunction::instances)
              .orElseThrow(
                  () ->
                      new LabException(
                          "local: function "
                              + function.name()
                              + " is not deployed on the lab's runtime"));
      if (instances == 0) {
        return;
      }
      pause(50);
    }
    throw new LabException(
        "local: "
            + function.name()
            + " did not scale to zero within "
            + SCALE_TO_ZERO_LIMIT_MILLIS / 1000
            + " s; log: "
            + runtime.log().orElseThrow());
  }

  private LoopbackHttp.Request request(LabFunction function) {
    Samples samples = lab.samples();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if ("http".equals(function.triggerType())) {
      return new LoopbackHttp.Request(
          samples.method(function),
          "/" + function.app() + samples.path(function),
          headers,
          samples.body(function));
    }
    headers.put("Authorization", "Bearer " + token);
    byte[] payload =
        "storage".equals(function.triggerType())
            ? storageEvent(function).getBytes(StandardCharsets.UTF_8)
            : samples.body(function);
    return new LoopbackHttp.Request(
        "POST",
        "/_skyhop/apps/" + function.app() + "/functions/" + function.name() + "/invoke",
        headers,
        payload);
  }

  private static String storageEvent(LabFunction function) {
    JsonObject event = new JsonObject();
    event.addProperty("bucket", function.bucket());
    event.addProperty("key", Samples.STORAGE_KEY);
    event.addProperty("size", Samples.STORAGE_CONTENT.length);
    event.addProperty("type", "CREATED");
    event.addProperty("eTag", "5d41402abc4b2a76b9719d911017c592");
    return event.toString();
  }

  /** One invocation's report, as {@code GET /_skyhop/invocations} lists it. */
  private record Record(
      String requestId, double durationMs, OptionalDouble initMs, long maxMemoryUsedMb) {}

  private Record record(LabFunction function, String requestId) throws IOException {
    Map<String, String> headers = Map.of("Authorization", "Bearer " + token);
    for (int attempt = 0; attempt < 50; attempt++) {
      LoopbackHttp.Response response =
          LoopbackHttp.send(
              port,
              new LoopbackHttp.Request(
                  "GET",
                  "/_skyhop/invocations?app="
                      + function.app()
                      + "&function="
                      + function.name()
                      + "&limit=20",
                  headers,
                  new byte[0]),
              10_000);
      JsonArray list =
          JsonParser.parseString(response.text()).getAsJsonObject().getAsJsonArray("invocations");
      for (JsonElement e : list) {
        JsonObject o = e.getAsJsonObject();
        if (requestId.equals(o.get("requestId").getAsString())) {
          JsonElement init = o.get("initDurationMs");
          return new Record(
              requestId,
              o.get("durationMs").getAsDouble(),
              init == null || init.isJsonNull()
                  ? OptionalDouble.empty()
                  : OptionalDouble.of(init.getAsDouble()),
              o.get("maxMemoryUsedMb").getAsLong());
        }
      }
      pause(10);
    }
    throw new LabException(
        "local: no report of invocation "
            + requestId
            + " of "
            + function.name()
            + " in GET /_skyhop/invocations");
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException("interrupted", e);
    }
  }

  /** Stops the runtime. */
  @Override
  public void close() {
    variants.values().forEach(LocalHarness::close);
    runtime.close();
  }

  private final class LocalInstance implements Instance {
    private final LabFunction function;
    private ColdStart cold;
    private Record lastRecord;
    private long peakMb = -1;

    LocalInstance(LabFunction function) {
      this.function = function;
    }

    @Override
    public ColdStart coldStart() {
      return cold;
    }

    @Override
    public Invocation invoke() throws IOException {
      LoopbackHttp.Request request = request(function);
      long sent = System.nanoTime();
      LoopbackHttp.Response response =
          LoopbackHttp.send(port, request, function.manifest().timeoutSeconds() * 1000 + 30_000);
      double latency = (System.nanoTime() - sent) / 1e6;
      String requestId = response.headers().get("x-skyhop-request-id");
      if (requestId == null) {
        throw new LabException(
            "local: "
                + function.name()
                + " answered "
                + response.status()
                + " without x-skyhop-request-id: "
                + response.text());
      }
      lastRecord = record(function, requestId);
      peakMb = Math.max(peakMb, lastRecord.maxMemoryUsedMb());
      String outcome =
          "http".equals(function.triggerType())
              ? Integer.toString(response.status())
              : response.status() / 100 == 2 ? "ok" : "error";
      return new Invocation(latency, OptionalDouble.of(lastRecord.durationMs()), outcome);
    }

    @Override
    public OptionalLong peakMemoryKb() {
      return peakMb < 0 ? OptionalLong.empty() : OptionalLong.of(peakMb * 1024);
    }

    @Override
    public void close() {
      // the runtime stops the instance when it has been idle for a second
    }
  }
}
