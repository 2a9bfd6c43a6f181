package io.skyhop.runtime.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.local.LaunchedRuntime;
import io.skyhop.tooling.local.RuntimeLauncher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A runtime started as a real process ({@code java -jar skyhop-runtime.jar}) for a test; always
 * {@link #close() closed} (or killed) by the test.
 */
public final class RuntimeProcess implements AutoCloseable {
  private final LaunchedRuntime runtime;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RuntimeProcess(LaunchedRuntime runtime, Path log) {
    this.runtime = runtime;
    this.log = log;
  }

  /** The runtime jar built by this module. */
  public static Path jar() {
    String jar = System.getProperty("skyhop.runtime.jar");
    Path path = jar != null ? Path.of(jar) : Path.of("target/skyhop-runtime.jar");
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(path + " is missing: run the runtime module's package phase");
    }
    return path;
  }

  /**
   * Starts a runtime on a free port with {@code dataDir}, with extra options and environment
   * (through the one launcher, {@link RuntimeLauncher}). Waits until it serves.
   */
  public static RuntimeProcess start(Path dataDir, Map<String, String> env, String... options)
      throws IOException, InterruptedException {
    Path log = dataDir.resolve("console-" + System.nanoTime() + ".log");
    return new RuntimeProcess(
        RuntimeLauncher.of(jar(), dataDir)
            .env(env)
            .options(options)
            .log(log)
            .startTimeout(Duration.ofSeconds(30))
            .start(),
        log);
  }

  /**
   * A new directory that functions may write to whatever user their workers run as (mode 0777, in
   * the system's temporary directory, deleted when the test JVM exits): a test's own {@code
   * TempDir} is private to the test's user, as the runtime's data directory is to the runtime's.
   */
  public static Path workerWritableDir() throws IOException {
    Path dir =
        Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "skyhop-it-out-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                  } catch (IOException e) {
                    // best effort: it is in the temporary directory
                  }
                }));
    return dir;
  }

  /** {@code http://127.0.0.1:port}. */
  public URI baseUrl() {
    return runtime.url();
  }

  /** The port. */
  public int port() {
    return runtime.port();
  }

  /** The admin token. */
  public String token() {
    return runtime.token();
  }

  /** The data directory. */
  public Path dataDir() {
    return runtime.dataDir();
  }

  /** The runtime's process id. */
  public long pid() {
    return runtime.pid();
  }

  /** The runtime's peak resident memory so far ({@code VmHWM}), in MB. */
  public long peakResidentMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    throw new IllegalStateException("no VmHWM for " + pid());
  }

  /** What the runtime printed so far. */
  public String console() throws IOException {
    return Files.readString(log);
  }

  /** A request to {@code path} (absolute, starting with {@code /}). */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(baseUrl().resolve(path)).timeout(Duration.ofSeconds(60));
  }

  /** The same with the admin token. */
  public HttpRequest.Builder admin(String path) {
    return request(path).header("Authorization", "Bearer " + token());
  }

  /** Sends a request, returning the body as text. */
  public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** GET with the admin token, parsed as JSON. */
  public JsonObject adminJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = send(admin(path).GET().build());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  /**
   * Polls an admin GET until {@code done} holds or {@code timeout} passes; returns the last answer,
   * for the caller to assert on.
   */
  public JsonObject awaitAdmin(String path, Predicate<JsonObject> done, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonObject o = adminJson(path);
    while (!done.test(o) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      o = adminJson(path);
    }
    return o;
  }

  /**
   * The entry of function {@code name} in an app's admin JSON ({@code GET /_skyhop/apps/<app>}).
   */
  public static JsonObject function(JsonObject app, String name) {
    for (JsonElement f : app.getAsJsonArray("functions")) {
      if (f.getAsJsonObject().get("name").getAsString().equals(name)) {
        return f.getAsJsonObject();
      }
    }
    throw new AssertionError("no function " + name + " in " + app);
  }

  /** Deploys a bundle; returns the response. */
  public HttpResponse<String> deploy(String app, Path bundle)
      throws IOException, InterruptedException {
    return send(
        admin("/_skyhop/apps/" + app).PUT(HttpRequest.BodyPublishers.ofFile(bundle)).build());
  }

  /** Kills the runtime with SIGKILL and waits for it to be gone. */
  public void kill9() throws InterruptedException {
    runtime.kill();
  }

  /** Whether the process runs. */
  public boolean isAlive() {
    return runtime.isAlive();
  }

  /** Stops the runtime (SIGTERM, then SIGKILL after 10 s). */
  @Override
  public void close() {
    runtime.close();
  }
}
