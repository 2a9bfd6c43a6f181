package io.skyhop.tooling.pack.knative;

import io.skyhop.core.Adapters;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionIndex;
import io.skyhop.core.Trigger;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.TargetPackager;
import io.skyhop.tooling.pack.local.LocalPackager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code knative} target: the in-house runtime in single-app mode as a container on Knative
 * Serving. Writes {@code target/skyhop/knative/<app>-image.tar}, an OCI image (built by Jib, no
 * Docker daemon) of the runtime jar and the app's {@code local} bundle on {@code
 * skyhop.knative.baseImage}, and {@code service.yaml}: a Knative Service for the HTTP functions, a
 * CronJob per schedule function, and for queue functions a cluster-local Service fed by one Knative
 * Eventing Trigger per function (see {@link KnativeQueues}). Storage functions are refused. With
 * {@code skyhop.knative.shared=true} the runtime runs the app's functions in one worker JVM ({@link
 * SharedWorker}).
 */
public final class KnativePackager implements TargetPackager {
  /** The runtime artifact that must be among the target's adapters. */
  static final String RUNTIME = "io.skyhop:skyhop-runtime";

  /** The YAML file's name. */
  public static final String SERVICE_YAML = "service.yaml";

  private static final String RUNTIME_ID = "skyhop-runtime";

  @Override
  public List<Path> pack(PackageRequest request, FunctionIndex index, BuildListener listener)
      throws IOException {
    KnativeApp app = KnativeApp.of(request.app(), request.version(), index);
    KnativeQueues queues = KnativeQueues.of(request.options());
    BaseImage base =
        BaseImage.parse(
            request
                .option(BaseImage.SETTING)
                .orElse(BaseImage.defaultFor(Math.max(17, request.javaRelease()))));
    boolean shared = SharedWorker.enabled(request.option(SharedWorker.SETTING));
    Path runtimeJar = runtimeJar(request);
    warnings(app, queues, listener);
    Path bundle =
        new LocalPackager().pack(request, index, listener).get(0); // the runtime's app format
    Path dir = Files.createDirectories(request.targetDir(Target.named("knative")));
    Path tarball = dir.resolve(ImageLayout.tarName(app.app()));
    listener.info("knative: building the image on " + base.reference());
    ContainerImage.Built image =
        ContainerImage.build(
            app,
            base,
            shared,
            runtimeJar,
            bundle,
            tarball,
            request.outputDir().toAbsolutePath().getParent().resolve("jib-cache"),
            listener);
    listener.info("knative: image " + image.reference() + " " + image.digest());
    Path yaml = dir.resolve(SERVICE_YAML);
    Files.writeString(
        yaml,
        KnativeYaml.write(
            app,
            queues,
            KnativeYaml.image(app.app(), image.digest()),
            tarball.getFileName().toString()),
        StandardCharsets.UTF_8);
    return List.of(tarball, yaml);
  }

  @Override
  public KnativeEntry manifestEntry(PackageRequest request, FunctionDef function) {
    String entryPoint = ImageLayout.MAIN;
    String image = Target.named("knative").id() + "/" + ImageLayout.tarName(request.app());
    Map<String, String> env = new LinkedHashMap<>(function.env());
    env.put(Adapters.FUNCTION_ENV, function.name());
    String app = request.app();
    if (function.trigger() instanceof Trigger.Http http) {
      String path = "/" + app + http.path().template();
      return new KnativeEntry(
          entryPoint, RUNTIME_ID, image, app, null, null, null, null, null, path, env);
    } else if (function.trigger() instanceof Trigger.Schedule) {
      return new KnativeEntry(
          entryPoint,
          RUNTIME_ID,
          image,
          null,
          KnativeApp.cronJobName(app, function),
          List.of("--invoke", function.name()),
          null,
          null,
          null,
          null,
          env);
    } else if (function.trigger() instanceof Trigger.Queue queue) {
      return new KnativeEntry(
          entryPoint,
          RUNTIME_ID,
          image,
          KnativeApp.queuesService(app),
          null,
          null,
          KnativeApp.triggerName(app, function),
          KnativeQueues.of(request.options()).broker(),
          KnativeQueues.eventType(queue.queue()),
          KnativeQueues.path(queue.queue()),
          env);
    }
    return new KnativeEntry(
        entryPoint, RUNTIME_ID, image, null, null, null, null, null, null, null, env);
  }

  @Override
  public Class<KnativeEntry> entryType() {
    return KnativeEntry.class;
  }

  private static void warnings(KnativeApp app, KnativeQueues queues, BuildListener listener) {
    int timeout = Math.max(app.timeoutSeconds(), KnativeApp.timeoutSeconds(app.queues()));
    if (timeout > KnativeApp.KNATIVE_MAX_TIMEOUT) {
      listener.warn(
          "knative: a Service's timeoutSeconds is "
              + timeout
              + " (the longest @Function timeout); Knative refuses more than "
              + KnativeApp.KNATIVE_MAX_TIMEOUT
              + " unless the cluster raises max-revision-timeout-seconds in config-defaults");
    }
    if (!app.queues().isEmpty() && queues.deadLetterSink().isEmpty()) {
      listener.warn(
          "knative: queue messages that fail "
              + (KnativeQueues.RETRIES + 1)
              + " deliveries are dropped (the Triggers' delivery replaces the Broker's, dead-letter"
              + " sink included). Fix: set "
              + KnativeQueues.DEAD_LETTER_SINK
              + "=<URL of an event sink> to keep them");
    }
  }

  /**
   * The runtime's executable jar among the target's adapters.
   *
   * @throws ConfigurationException when the plugin provides none
   */
  static Path runtimeJar(PackageRequest request) {
    for (Library lib : request.adapters(Target.named("knative"))) {
      if (lib.key().equals(RUNTIME) && Files.isRegularFile(lib.file())) {
        return lib.file();
      }
    }
    throw new ConfigurationException(
        "skyhop.targets",
        "knative",
        "cannot be packaged: "
            + RUNTIME
            + " (the runtime's executable jar) is not among the plugin's artifacts. Fix: use a"
            + " skyhop-maven-plugin whose dependencies include it (any released version does), or"
            + " remove knative from skyhop.targets");
  }
}
