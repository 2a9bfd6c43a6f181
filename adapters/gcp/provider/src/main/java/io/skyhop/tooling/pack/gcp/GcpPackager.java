package io.skyhop.tooling.pack.gcp;

import io.skyhop.core.Adapters;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionIndex;
import io.skyhop.core.Trigger;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.SkyhopJars;
import io.skyhop.tooling.pack.TargetPackager;
import io.skyhop.tooling.pack.ZipWriter;
import io.skyhop.tooling.runtime.JavaRuntimes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code gcp} target: {@code target/skyhop/gcp/<app>.zip}, a Cloud Functions 2nd gen source zip
 * holding one jar with every class the functions need (project classes, dependencies and the Skyhop
 * GCP adapter, merged), so Google deploys it without building from a pom. Each function's manifest
 * entry gives its {@code entryPoint}, {@code runtime}, {@code env} and {@code signatureType}.
 */
public final class GcpPackager implements TargetPackager {
  /** Entry point of HTTP functions and schedules (Cloud Scheduler calls over HTTP). */
  public static final String HTTP_ENTRY = "io.skyhop.gcp.SkyhopHttpFunction";

  /** Entry point of Pub/Sub (queue) and Cloud Storage (storage) functions. */
  public static final String EVENT_ENTRY = "io.skyhop.gcp.SkyhopEventFunction";

  /** The adapter artifact that must be among the target's adapters. */
  static final String ADAPTER = "io.skyhop:skyhop-gcp-functions";

  /** Jars Google's function invoker provides to user code; shipping them is useless. */
  static final Set<String> PROVIDED =
      Set.of(
          "com.google.cloud.functions:functions-framework-api", "io.cloudevents:cloudevents-api");

  /** Classes the jar must hold, and where they come from. */
  private static final Map<String, String> REQUIRED =
      Map.of(
          "io/skyhop/gcp/SkyhopHttpFunction.class", ADAPTER,
          "io/skyhop/core/FunctionRuntime.class", "io.skyhop:skyhop-adapter-core",
          "io/skyhop/api/HttpRequest.class", "io.skyhop:skyhop-sdk-api",
          "com/google/gson/Gson.class", "com.google.code.gson:gson");

  @Override
  public List<Path> pack(PackageRequest request, FunctionIndex index, BuildListener listener)
      throws IOException {
    JavaRuntimes.builtIn().runtime(Target.named("gcp"), request.javaRelease());
    List<Library> libraries = libraries(request, listener);
    UberJar jar = new UberJar(SkyhopJars.COMPILE_TIME_ONLY).addDirectory(request.classesDir());
    for (Library lib : libraries) {
      if (Files.isDirectory(lib.file())) {
        jar.addDirectory(lib.file()); // a reactor module not yet packaged as a jar
      } else {
        jar.addJar(lib.file());
      }
    }
    for (Map.Entry<String, String> required : REQUIRED.entrySet()) {
      if (!jar.contains(required.getKey())) {
        throw new IllegalStateException(
            "The gcp package would lack "
                + required.getKey()
                + " (from "
                + required.getValue()
                + "): the build passed "
                + libraries.stream().map(Library::key).toList()
                + ". Fix: package with the skyhop-maven-plugin, which adds the adapter and its"
                + " dependencies.");
      }
    }
    if (!jar.conflicts().isEmpty()) {
      listener.warn(
          "gcp: "
              + jar.conflicts().size()
              + " classes exist in more than one jar with different content; the first copy was"
              + " packaged: "
              + jar.conflicts().subList(0, Math.min(5, jar.conflicts().size())));
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("Created-By", "Skyhop");
    attributes.put("Implementation-Title", request.app());
    attributes.put("Implementation-Version", request.version());
    byte[] bytes = jar.toBytes(attributes);
    Path dir = request.targetDir(Target.named("gcp"));
    Files.createDirectories(dir);
    Path zip = dir.resolve(request.app() + ".zip");
    try (ZipWriter out = ZipWriter.create(zip)) {
      out.add(request.app() + ".jar", bytes);
    }
    return List.of(zip);
  }

  /**
   * The project's runtime dependencies, then the adapter's, each {@code groupId:artifactId} once
   * (the project's version wins), without the jars the Google runtime provides.
   */
  static List<Library> libraries(PackageRequest request, BuildListener listener) {
    List<Library> adapters = request.adapters(Target.named("gcp"));
    if (adapters.stream().noneMatch(l -> l.key().equals(ADAPTER))) {
      throw new ConfigurationException(
          "skyhop.targets",
          Target.named("gcp").id(),
          "cannot be packaged: the GCP adapter "
              + ADAPTER
              + " is not among the plugin's artifacts. Fix: use a skyhop-maven-plugin whose"
              + " version matches skyhop-sdk-api, or remove gcp from skyhop.targets");
    }
    Map<String, Library> byKey = new LinkedHashMap<>();
    for (Library lib : request.dependencies()) {
      if (PROVIDED.contains(lib.key())) {
        listener.info(
            "gcp: " + lib.key() + " is provided by Google's function runtime, not packaged");
      } else {
        byKey.putIfAbsent(lib.key(), lib);
      }
    }
    for (Library lib : adapters) {
      Library mine = byKey.putIfAbsent(lib.key(), lib);
      if (mine != null && !mine.version().equals(lib.version()) && !PROVIDED.contains(lib.key())) {
        listener.warn(
            "gcp: the project uses "
                + lib.key()
                + " "
                + mine.version()
                + ", the Skyhop GCP adapter "
                + lib.version()
                + "; packaged "
                + mine.version());
      }
    }
    PROVIDED.forEach(byKey::remove);
    return new ArrayList<>(byKey.values());
  }

  @Override
  public GcpEntry manifestEntry(PackageRequest request, FunctionDef function) {
    boolean http =
        function.trigger() instanceof Trigger.Http
            || function.trigger() instanceof Trigger.Schedule;
    Map<String, String> env = new LinkedHashMap<>();
    env.put(Adapters.FUNCTION_ENV, function.name());
    function.env().forEach(env::putIfAbsent);
    return new GcpEntry(
        http ? HTTP_ENTRY : EVENT_ENTRY,
        JavaRuntimes.builtIn().runtime(Target.named("gcp"), request.javaRelease()).id(),
        env,
        http ? "http" : "cloudevent");
  }

  @Override
  public Class<GcpEntry> entryType() {
    return GcpEntry.class;
  }
}
