package io.skyhop.tooling.lab.azure;

import io.skyhop.tooling.Target;
import io.skyhop.tooling.lab.Harness;
import io.skyhop.tooling.lab.HttpInstance;
import io.skyhop.tooling.lab.Instance;
import io.skyhop.tooling.lab.JvmProcess;
import io.skyhop.tooling.lab.LabContext;
import io.skyhop.tooling.lab.LabException;
import io.skyhop.tooling.lab.LabFunction;
import io.skyhop.tooling.lab.LabTools;
import io.skyhop.tooling.lab.LoopbackHttp;
import io.skyhop.tooling.lab.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs functions of the Azure app folder ({@code target/skyhop/azure/<app>/}) in {@link
 * AzureHostMain}, the lab's stand-in for the Azure host and Java worker, one JVM per instance with
 * the Azure Functions Java library on its class path. The Azure Java worker is not published where
 * this build can get it, so these figures are labelled {@code azure (local harness)}: they show the
 * app's own start-up and execution under a worker-like loader, not the Azure host's.
 */
public final class AzureHarness implements Harness {
  private final LabContext lab;
  private final Path appDir;

  private AzureHarness(LabContext lab, Path appDir) {
    this.lab = lab;
    this.appDir = appDir;
  }

  /**
   * Checks the app folder and the Azure library.
   *
   * @throws LabException when either is missing
   */
  public static AzureHarness open(LabContext lab) {
    Path appDir = lab.skyhopDir().resolve("azure").resolve(lab.app());
    if (!Files.isRegularFile(appDir.resolve("host.json"))) {
      throw new LabException(
          "azure is not packaged: "
              + appDir
              + " is missing. Fix: run 'mvn package' with azure in skyhop.targets, or leave azure"
              + " out of skyhop.targets for the report");
    }
    if (lab.tools().runtime(Target.named("azure")).isEmpty()) {
      throw new LabException(
          "The Azure Functions Java library is not available. Fix: run skyhop:report through the"
              + " Skyhop Maven plugin, which brings azure-functions-java-library");
    }
    return new AzureHarness(lab, appDir);
  }

  @Override
  public Target target() {
    return Target.named("azure");
  }

  @Override
  public String label() {
    return "azure (local harness)";
  }

  @Override
  public Instance coldStart(LabFunction function) throws IOException {
    int port = HttpInstance.freePort();
    List<Path> classpath = new ArrayList<>(lab.tools().labClasspath());
    // AzureHostMain is in this provider's jar, which the goal resolved apart from the engine's
    Path own = ownJar();
    if (!classpath.contains(own)) {
      classpath.add(own);
    }
    classpath.addAll(lab.tools().runtime(Target.named("azure")));
    List<String> command = new ArrayList<>();
    command.add(lab.tools().java().toString());
    command.add("-XX:MaxRAM=" + function.memoryMb() + "m");
    command.add("-cp");
    command.add(LabTools.classpath(classpath));
    command.add(AzureHostMain.class.getName());
    command.add(appDir.toString());
    command.add(function.name());
    command.add(Integer.toString(port));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FUNCTIONS_WORKER_RUNTIME", "java");
    env.put("FUNCTIONS_EXTENSION_VERSION", "~4");
    env.put("WEBSITE_SITE_NAME", function.app());
    env.put("AzureWebJobsScriptRoot", appDir.toString());
    env.put("TZ", "UTC");
    env.putAll(function.env("azure"));
    JvmProcess process =
        JvmProcess.start(command, env, appDir, lab.instanceLog("azure", function.name()));
    boolean event = !"http".equals(function.triggerType());
    return HttpInstance.start(
        "azure",
        process,
        port,
        () -> request(function),
        event,
        lab.startDeadline(),
        function.manifest().timeoutSeconds() * 1000 + 5000);
  }

  private LoopbackHttp.Request request(LabFunction function) {
    Samples samples = lab.samples();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if ("http".equals(function.triggerType())) {
      return new LoopbackHttp.Request(
          samples.method(function),
          "/api" + samples.path(function),
          headers,
          samples.body(function));
    }
    String input =
        switch (function.triggerType()) {
          case "queue" -> new String(samples.body(function), StandardCharsets.UTF_8);
          case "storage" -> function.bucket() + "/" + Samples.STORAGE_KEY;
          default -> "";
        };
    String body = new com.google.gson.Gson().toJson(Map.of("input", input));
    return new LoopbackHttp.Request(
        "POST",
        "/admin/functions/" + function.name(),
        headers,
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static Path ownJar() {
    try {
      return Path.of(
          AzureHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
