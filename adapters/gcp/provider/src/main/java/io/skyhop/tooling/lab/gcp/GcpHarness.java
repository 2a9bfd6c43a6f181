package io.skyhop.tooling.lab.gcp;

import io.skyhop.tooling.Target;
import io.skyhop.tooling.lab.Harness;
import io.skyhop.tooling.lab.HttpInstance;
import io.skyhop.tooling.lab.Instance;
import io.skyhop.tooling.lab.JvmProcess;
import io.skyhop.tooling.lab.LabContext;
import io.skyhop.tooling.lab.LabException;
import io.skyhop.tooling.lab.LabFunction;
import io.skyhop.tooling.lab.LoopbackHttp;
import io.skyhop.tooling.lab.Samples;
import io.skyhop.tooling.lab.Unzip;
import io.skyhop.tooling.pack.gcp.GcpEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs functions as Google Cloud Functions' Java runtime does: Google's function invoker ({@code
 * java -jar java-function-invoker.jar --classpath <the app jar> --target <entryPoint> --port P}) on
 * the runnable jar of {@code target/skyhop/gcp/<app>.zip}, with the function's memory as the JVM's
 * memory limit and the environment Cloud Run gives ({@code K_SERVICE}, {@code FUNCTION_TARGET},
 * {@code FUNCTION_SIGNATURE_TYPE}). HTTP functions get their request, schedules a Cloud Scheduler
 * call, queue and storage functions a Pub/Sub or Cloud Storage CloudEvent (binary content mode).
 */
public final class GcpHarness implements Harness {
  private final LabContext lab;
  private final Path jar;

  private GcpHarness(LabContext lab, Path jar) {
    this.lab = lab;
    this.jar = jar;
  }

  /**
   * Unpacks the app's source zip and finds its runnable jar.
   *
   * @throws LabException when the zip, its jar or the invoker is missing
   */
  public static GcpHarness open(LabContext lab) throws IOException {
    Path zip = lab.skyhopDir().resolve("gcp").resolve(lab.app() + ".zip");
    if (!Files.isRegularFile(zip)) {
      throw new LabException(
          "gcp is not packaged: "
              + zip
              + " is missing. Fix: run 'mvn package' with gcp in skyhop.targets, or leave gcp out"
              + " of skyhop.targets for the report");
    }
    List<Path> invoker = lab.tools().runtime(Target.named("gcp"));
    if (invoker.isEmpty() || !Files.isRegularFile(invoker.get(0))) {
      throw new LabException(
          "Google's function invoker is not available. Fix: run skyhop:report through the Skyhop"
              + " Maven plugin, which brings java-function-invoker");
    }
    Path dir = Unzip.into(zip, lab.workDir().resolve("gcp").resolve("source"));
    List<Path> jars;
    try (Stream<Path> files = Files.walk(dir)) {
      jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
    }
    if (jars.size() != 1) {
      throw new LabException(
          zip + " should hold one runnable jar but holds " + jars.size() + ". Fix: package again");
    }
    return new GcpHarness(lab, jars.get(0));
  }

  @Override
  public Target target() {
    return Target.named("gcp");
  }

  @Override
  public String label() {
    return "gcp (function invoker)";
  }

  @Override
  public Instance coldStart(LabFunction function) throws IOException {
    int port = HttpInstance.freePort();
    GcpEntry gcp = function.target("gcp", GcpEntry.class);
    String entryPoint = function.required("gcp", "entryPoint", gcp.entryPoint());
    List<String> command = new ArrayList<>();
    command.add(lab.tools().java().toString());
    command.add("-XX:MaxRAM=" + function.memoryMb() + "m");
    command.add("-jar");
    command.add(lab.tools().runtime(Target.named("gcp")).get(0).toString());
    command.add("--classpath");
    command.add(jar.toString());
    command.add("--target");
    command.add(entryPoint);
    command.add("--port");
    command.add(Integer.toString(port));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PORT", Integer.toString(port));
    env.put("K_SERVICE", function.app() + "-" + function.name());
    env.put("K_REVISION", function.app() + "-" + function.name() + "-00001-lab");
    env.put("K_CONFIGURATION", function.app() + "-" + function.name());
    env.put("FUNCTION_TARGET", entryPoint);
    String signature = gcp.signatureType();
    if (signature != null) {
      env.put("FUNCTION_SIGNATURE_TYPE", signature);
    }
    env.put("TZ", "UTC");
    env.putAll(function.env("gcp"));
    JvmProcess process =
        JvmProcess.start(command, env, jar.getParent(), lab.instanceLog("gcp", function.name()));
    boolean event = !"http".equals(function.triggerType());
    return HttpInstance.start(
        "gcp",
        process,
        port,
        () -> request(function),
        event,
        lab.startDeadline(),
        function.manifest().timeoutSeconds() * 1000 + 5000);
  }

  private LoopbackHttp.Request request(LabFunction function) {
    Map<String, String> values = lab.samples().values(function);
    Map<String, String> headers = new LinkedHashMap<>();
    switch (function.triggerType()) {
      case "http" -> {
        headers.put("Content-Type", "application/json");
        return new LoopbackHttp.Request(
            lab.samples().method(function),
            lab.samples().path(function),
            headers,
            lab.samples().body(function));
      }
      case "schedule" -> {
        headers.put("User-Agent", "Google-Cloud-Scheduler");
        headers.put("X-CloudScheduler", "true");
        headers.put("X-CloudScheduler-JobName", function.app() + "-" + function.name());
        headers.put("X-CloudScheduler-ScheduleTime", values.get("isoTime"));
        return new LoopbackHttp.Request("POST", "/", headers, new byte[0]);
      }
      case "queue" -> {
        cloudEvent(
            headers,
            values,
            "google.cloud.pubsub.topic.v1.messagePublished",
            "//pubsub.googleapis.com/projects/lab/topics/" + function.queue());
        return new LoopbackHttp.Request(
            "POST",
            "/",
            headers,
            Samples.render("gcp-pubsub.json", values).getBytes(StandardCharsets.UTF_8));
      }
      case "storage" -> {
        cloudEvent(
            headers,
            values,
            "google.cloud.storage.object.v1.finalized",
            "//storage.googleapis.com/projects/_/buckets/" + function.bucket());
        headers.put("ce-subject", "objects/" + Samples.STORAGE_KEY);
        return new LoopbackHttp.Request(
            "POST",
            "/",
            headers,
            Samples.render("gcp-storage.json", values).getBytes(StandardCharsets.UTF_8));
      }
      default ->
          throw new LabException(
              "Function " + function.name() + " has an unknown trigger " + function.triggerType());
    }
  }

  private static void cloudEvent(
      Map<String, String> headers, Map<String, String> values, String type, String source) {
    headers.put("Content-Type", "application/json");
    headers.put("ce-specversion", "1.0");
    headers.put("ce-id", values.get("requestId"));
    headers.put("ce-type", type);
    headers.put("ce-source", source);
    headers.put("ce-time", values.get("isoTime"));
  }
}
