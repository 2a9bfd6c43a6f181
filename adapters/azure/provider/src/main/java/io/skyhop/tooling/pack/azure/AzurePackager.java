package io.skyhop.tooling.pack.azure;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionIndex;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.TargetPackager;
import io.skyhop.tooling.pack.ZipWriter;
import io.skyhop.tooling.runtime.JavaRuntimes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code azure} target: the Azure Functions app folder {@code target/skyhop/azure/<app>/} —
 * {@code host.json}, one {@code <function>/function.json} per function, {@code <app>.jar} (the
 * project's classes), {@code lib/} (its runtime dependencies and the Skyhop adapter, without the
 * jars the Java worker provides) and {@code local.settings.json} for the Core Tools — and {@code
 * target/skyhop/azure/<app>.zip}, the deployable zip of the folder's content (without the
 * local-only {@code local.settings.json}).
 */
public final class AzurePackager implements TargetPackager {
  /** The adapter artifact that holds the entry points. */
  public static final String ADAPTER = "skyhop-azure-functions";

  /** The extension bundle range of Functions v4 apps. */
  public static final String BUNDLE_VERSION = "[4.*, 5.0.0)";

  static final String LOCAL_SETTINGS = "local.settings.json";

  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  @Override
  public List<Path> pack(PackageRequest request, FunctionIndex index, BuildListener listener)
      throws IOException {
    JavaRuntimes.builtIn().runtime(Target.named("azure"), request.javaRelease());
    Map<String, Path> libs = AzureLibraries.select(request, listener);
    Map<String, String> appSettings = appSettings(index);
    Map<String, Map<String, Object>> functions = new LinkedHashMap<>();
    for (FunctionDef f : index.functions()) {
      functions.put(f.name(), FunctionJson.of(f, jarName(request), listener));
    }
    Path dir = appDir(request);
    deleteTree(dir);
    Files.createDirectories(dir);
    writeJson(dir.resolve("host.json"), hostJson());
    Map<String, String> local = new LinkedHashMap<>(appSettings);
    local.putAll(FunctionJson.logicalNames(index.functions()));
    writeJson(dir.resolve(LOCAL_SETTINGS), localSettings(local));
    for (Map.Entry<String, Map<String, Object>> e : functions.entrySet()) {
      Path folder = Files.createDirectories(dir.resolve(e.getKey()));
      writeJson(folder.resolve("function.json"), e.getValue());
    }
    writeAppJar(request.classesDir(), dir.resolve(jarName(request)));
    Path lib = Files.createDirectories(dir.resolve("lib"));
    for (Map.Entry<String, Path> l : libs.entrySet()) {
      Files.copy(l.getValue(), lib.resolve(l.getKey()));
    }
    Path zip = request.targetDir(Target.named("azure")).resolve(request.app() + ".zip");
    writeZip(dir, zip);
    return List.of(dir, zip);
  }

  @Override
  public AzureEntry manifestEntry(PackageRequest request, FunctionDef function) {
    return new AzureEntry(
        FunctionJson.entryPoint(function),
        "../" + jarName(request),
        function.name(),
        request.javaRuntime(),
        new LinkedHashMap<>(function.env()));
  }

  @Override
  public Class<AzureEntry> entryType() {
    return AzureEntry.class;
  }

  /** {@code target/skyhop/azure/<app>}. */
  public static Path appDir(PackageRequest request) {
    return request.targetDir(Target.named("azure")).resolve(request.app());
  }

  /** The app jar's name, {@code <app>.jar}. */
  static String jarName(PackageRequest request) {
    return request.app() + ".jar";
  }

  static Map<String, Object> hostJson() {
    Map<String, Object> bundle = new LinkedHashMap<>();
    bundle.put("id", "Microsoft.Azure.Functions.ExtensionBundle");
    bundle.put("version", BUNDLE_VERSION);
    Map<String, Object> host = new LinkedHashMap<>();
    host.put("version", "2.0");
    host.put("extensionBundle", bundle);
    return host;
  }

  static Map<String, Object> localSettings(Map<String, String> appSettings) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("FUNCTIONS_WORKER_RUNTIME", "java");
    values.put("AzureWebJobsStorage", "UseDevelopmentStorage=true");
    values.putAll(appSettings);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("IsEncrypted", false);
    settings.put("Values", values);
    return settings;
  }

  /**
   * The app settings the functions' {@code @Function(env)} pairs need. App settings are shared by
   * every function of an Azure app, so one name must have one value across functions.
   *
   * @throws ConfigurationException when two functions give one name different values
   */
  static Map<String, String> appSettings(FunctionIndex index) {
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, String> owner = new LinkedHashMap<>();
    for (FunctionDef f : index.functions()) {
      for (Map.Entry<String, String> e : f.env().entrySet()) {
        String previous = settings.putIfAbsent(e.getKey(), e.getValue());
        if (previous != null && !previous.equals(e.getValue())) {
          throw new ConfigurationException(
              "@Function(env)",
              e.getKey() + "=" + e.getValue(),
              "in function '"
                  + f.name()
                  + "' conflicts with "
                  + e.getKey()
                  + "="
                  + previous
                  + " in function '"
                  + owner.get(e.getKey())
                  + "': an Azure app has one set of app settings for all its functions. Fix:"
                  + " give both functions the same value, or use different names");
        }
        owner.putIfAbsent(e.getKey(), f.name());
      }
    }
    return settings;
  }

  private static void writeJson(Path file, Object value) throws IOException {
    Files.writeString(file, GSON.toJson(value) + "\n", StandardCharsets.UTF_8);
  }

  /** The project's classes as a jar, the manifest first. */
  private static void writeAppJar(Path classesDir, Path jar) throws IOException {
    try (ZipWriter z = ZipWriter.create(jar)) {
      z.add("META-INF/MANIFEST.MF", manifest());
      List<Path> files;
      try (Stream<Path> walk = Files.walk(classesDir)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        String name = classesDir.relativize(file).toString().replace('\\', '/');
        if (!name.equals("META-INF/MANIFEST.MF")) {
          z.addFile(file, name);
        }
      }
    }
  }

  private static byte[] manifest() {
    return "Manifest-Version: 1.0\r\nCreated-By: Skyhop\r\n\r\n".getBytes(StandardCharsets.UTF_8);
  }

  /** The deployable zip: the folder's content at the root, without the local-only settings. */
  private static void writeZip(Path dir, Path zip) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (ZipWriter z = ZipWriter.create(zip)) {
      for (Path file : files) {
        String name = dir.relativize(file).toString().replace('\\', '/');
        if (!name.equals(LOCAL_SETTINGS)) {
          z.addFile(file, name);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : paths) {
      Files.delete(p);
    }
  }
}
