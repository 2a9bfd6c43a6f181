package io.skyhop.it.azure;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import io.skyhop.it.azure.worker.JavaWorker;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * A packaged Azure app folder loaded as the Functions host and Java worker load it: the {@code
 * function.json} of every function folder; a worker class loader holding only
 * azure-functions-java-library and the worker's own classes ({@link JavaWorker}); and, below it,
 * the app's class loader holding the {@code scriptFile} jar and the jars of the {@code lib} folder
 * beside it. HTTP requests are routed like the host: {@code /api/<route>}, the function's methods.
 */
final class AzureApp implements AutoCloseable {
  private static final String WORKER_PACKAGE = JavaWorker.class.getPackageName();

  private final Map<String, Map<String, Object>> functions;
  private final URLClassLoader workerLoader;
  private final URLClassLoader appLoader;
  private final BiFunction<Map<String, Object>, Map<String, Object>, Map<String, Object>> worker;
  private int invocations;

  private AzureApp(
      Map<String, Map<String, Object>> functions,
      URLClassLoader workerLoader,
      URLClassLoader appLoader,
      BiFunction<Map<String, Object>, Map<String, Object>, Map<String, Object>> worker) {
    this.functions = functions;
    this.workerLoader = workerLoader;
    this.appLoader = appLoader;
    this.worker = worker;
  }

  /**
   * Loads the app folder {@code app}.
   *
   * @param scratch where the worker's classes are copied to
   */
  @SuppressWarnings("unchecked")
  static AzureApp load(Path app, Path scratch) throws Exception {
    Map<String, Map<String, Object>> functions = new TreeMap<>();
    Path jar = null;
    try (Stream<Path> dirs = Files.list(app)) {
      for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("function.json"))).toList()) {
        Map<String, Object> json =
            new Gson()
                .fromJson(
                    Files.readString(dir.resolve("function.json")),
                    new TypeToken<Map<String, Object>>() {}.getType());
        Path script = dir.resolve((String) json.get("scriptFile")).normalize();
        if (jar != null && !jar.equals(script)) {
          throw new IllegalStateException("Functions name different jars: " + jar + ", " + script);
        }
        jar = script;
        functions.put(dir.getFileName().toString(), json);
      }
    }
    if (jar == null) {
      throw new IllegalStateException("No function folder in " + app);
    }
    URLClassLoader workerLoader =
        new URLClassLoader(
            "azure-worker",
            new URL[] {
              workerClasses(scratch).toUri().toURL(),
              location(ExecutionContext.class),
              location(HttpTrigger.class)
            },
            ClassLoader.getPlatformClassLoader());
    List<URL> urls = new ArrayList<>();
    urls.add(jar.toUri().toURL());
    try (Stream<Path> libs = Files.list(jar.resolveSibling("lib"))) {
      for (Path lib : libs.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
        urls.add(lib.toUri().toURL());
      }
    }
    URLClassLoader appLoader =
        new URLClassLoader("azure-app", urls.toArray(URL[]::new), workerLoader);
    Object worker =
        workerLoader
            .loadClass(JavaWorker.class.getName())
            .getConstructor(ClassLoader.class)
            .newInstance(appLoader);
    return new AzureApp(
        functions,
        workerLoader,
        appLoader,
        (BiFunction<Map<String, Object>, Map<String, Object>, Map<String, Object>>) worker);
  }

  /** Copies the classes of the worker package out of the test classes, and only those. */
  private static Path workerClasses(Path scratch) throws IOException, URISyntaxException {
    String dir = WORKER_PACKAGE.replace('.', '/');
    Path source = Path.of(JavaWorker.class.getResource("JavaWorker.class").toURI()).getParent();
    Path target = Files.createDirectories(scratch.resolve("worker-classes").resolve(dir));
    try (Stream<Path> files = Files.list(source)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          Files.copy(in, target.resolve(f.getFileName().toString()));
        }
      }
    }
    return scratch.resolve("worker-classes");
  }

  private static URL location(Class<?> type) throws URISyntaxException, IOException {
    URI uri = type.getProtectionDomain().getCodeSource().getLocation().toURI();
    return uri.toURL();
  }

  /** The function names (folder names). */
  Set<String> functionNames() {
    return functions.keySet();
  }

  /** The app's class loader. */
  ClassLoader appLoader() {
    return appLoader;
  }

  /** The worker's class loader, parent of the app's. */
  ClassLoader workerLoader() {
    return workerLoader;
  }

  /**
   * Invokes a function with its trigger data and metadata.
   *
   * @return the worker's output: {@code logs}, then {@code threw}, or {@code status}, {@code
   *     headers} and {@code body}
   */
  Map<String, Object> invoke(String function, Object trigger, Map<String, String> metadata) {
    Map<String, Object> functionJson = functions.get(function);
    if (functionJson == null) {
      throw new IllegalArgumentException("No function " + function + " in " + functions.keySet());
    }
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("functionName", function);
    input.put("invocationId", "inv-" + (++invocations));
    input.put("trigger", trigger);
    input.put("metadata", metadata);
    return worker.apply(functionJson, input);
  }

  /**
   * An HTTP request routed as the host routes it: the function whose {@code /api/<route>} matches
   * the path and whose methods include the method; a literal segment beats a parameter. A request
   * no function takes gets {@code status} 404 and no function runs.
   */
  Map<String, Object> http(
      String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
    String path = pathAndQuery.replaceFirst("\\?.*$", "");
    String best = null;
    int bestLiterals = -1;
    for (Map.Entry<String, Map<String, Object>> f : functions.entrySet()) {
      Map<String, Object> trigger = trigger(f.getValue());
      if (!"httpTrigger".equals(trigger.get("type"))) {
        continue;
      }
      @SuppressWarnings("unchecked")
      List<String> methods = (List<String>) trigger.get("methods");
      int literals = match("/api/" + trigger.get("route"), path);
      if (literals > bestLiterals && methods.stream().anyMatch(m -> m.equalsIgnoreCase(method))) {
        best = f.getKey();
        bestLiterals = literals;
      }
    }
    if (best == null) {
      return Map.of("status", 404);
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("method", method);
    request.put("url", "https://orders.azurewebsites.net" + pathAndQuery);
    request.put("headers", headers);
    request.put("body", body);
    Map<String, Object> out = new LinkedHashMap<>(invoke(best, request, Map.of()));
    out.put("function", best);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> trigger(Map<String, Object> functionJson) {
    return ((List<Map<String, Object>>) functionJson.get("bindings")).get(0);
  }

  /** The number of literal segments of a matching route template, or -1. */
  private static int match(String template, String path) {
    String[] t = template.substring(1).split("/");
    String[] p = path.substring(1).split("/");
    if (t.length != p.length) {
      return -1;
    }
    int literals = 0;
    for (int i = 0; i < t.length; i++) {
      if (t[i].startsWith("{") && t[i].endsWith("}")) {
        if (p[i].isEmpty()) {
          return -1;
        }
      } else if (t[i].equalsIgnoreCase(p[i])) {
        literals++;
      } else {
        return -1;
      }
    }
    return literals;
  }

  @Override
  public void close() throws IOException {
    appLoader.close();
    workerLoader.close();
  }
}
