package io.skyhop.it.aws;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.lab.aws.LambdaRuntimeApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An {@code aws} package as {@code skyhop:package} wrote it ({@code target/skyhop}: the zip and
 * {@code manifest.json}), unzipped, with the runtime interface client that runs it: {@link
 * #start(String)} runs one function in a fresh JVM against a fresh Runtime API emulator.
 */
final class AwsPackage {
  /** Where the integration-tests build copies the runtime client and its dependencies. */
  static final Path RUNTIME_LIB = Path.of("target", "aws-ric");

  private final Path taskRoot;
  private final JsonObject manifest;
  private final List<Path> runtimeJars;
  private final Path jni;
  private final Path work;

  private AwsPackage(
      Path taskRoot, JsonObject manifest, List<Path> runtimeJars, Path jni, Path work) {
    this.taskRoot = taskRoot;
    this.manifest = manifest;
    this.runtimeJars = runtimeJars;
    this.jni = jni;
    this.work = work;
  }

  /** Unzips the package of {@code skyhopDir} ({@code target/skyhop}) into {@code work}. */
  static AwsPackage unzip(Path skyhopDir, Path work) throws IOException {
    JsonObject manifest =
        JsonParser.parseString(Files.readString(skyhopDir.resolve("manifest.json")))
            .getAsJsonObject();
    String zip =
        manifest
            .getAsJsonArray("functions")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("targets")
            .getAsJsonObject("aws")
            .get("package")
            .getAsString();
    Path taskRoot = work.resolve("task");
    extract(skyhopDir.resolve(zip), taskRoot);
    List<Path> jars = runtimeJars();
    return new AwsPackage(taskRoot, manifest, jars, LambdaProcess.extractJni(jars, work), work);
  }

  static List<Path> runtimeJars() throws IOException {
    if (!Files.isDirectory(RUNTIME_LIB)) {
      throw new IllegalStateException(
          RUNTIME_LIB.toAbsolutePath()
              + " is missing: run the tests through Maven (mvn verify -pl integration-tests), whose"
              + " pre-integration-test phase copies the AWS runtime interface client there");
    }
    try (Stream<Path> files = Files.list(RUNTIME_LIB)) {
      return files
          .filter(f -> f.toString().endsWith(".jar"))
          .sorted()
          .map(Path::toAbsolutePath)
          .toList();
    }
  }

  private static void extract(Path zip, Path to) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        Path out = to.resolve(e.getName()).normalize();
        if (!out.startsWith(to)) {
          throw new IOException("Entry outside the zip root: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(in, out);
        }
      }
    }
  }

  /** The unzipped package. */
  Path taskRoot() {
    return taskRoot;
  }

  /** The manifest. */
  JsonObject manifest() {
    return manifest;
  }

  /** A function's entry in the manifest. */
  JsonObject function(String name) {
    for (JsonElement f : manifest.getAsJsonArray("functions")) {
      if (f.getAsJsonObject().get("name").getAsString().equals(name)) {
        return f.getAsJsonObject();
      }
    }
    throw new IllegalArgumentException("No function " + name + " in the manifest");
  }

  /** Starts one function as Lambda would: handler, runtime and env from the manifest. */
  Running start(String name) throws IOException {
    return start(name, Map.of());
  }

  /**
   * Starts one function with its manifest environment changed: {@code changes} values replace or
   * add variables, null values remove them.
   */
  Running start(String name, Map<String, String> changes) throws IOException {
    JsonObject f = function(name);
    JsonObject aws = f.getAsJsonObject("targets").getAsJsonObject("aws");
    Map<String, String> env = new LinkedHashMap<>();
    aws.getAsJsonObject("env")
        .entrySet()
        .forEach(e -> env.put(e.getKey(), e.getValue().getAsString()));
    changes.forEach(
        (k, v) -> {
          if (v == null) {
            env.remove(k);
          } else {
            env.put(k, v);
          }
        });
    LambdaRuntimeApi api = LambdaRuntimeApi.start(aws.get("functionName").getAsString());
    try {
      LambdaProcess process =
          LambdaProcess.start(
              taskRoot,
              runtimeJars,
              jni,
              aws.get("handler").getAsString(),
              aws.get("runtime").getAsString(),
              env,
              api.address(),
              f.get("memoryMb").getAsInt(),
              Files.createTempFile(work, name + "-", ".log"));
      return new Running(api, process);
    } catch (IOException | RuntimeException e) {
      api.close();
      throw e;
    }
  }

  /** A function running in its own JVM, with its Runtime API. */
  static final class Running implements AutoCloseable {
    private static final Duration BUDGET = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(60);

    final LambdaRuntimeApi api;
    final LambdaProcess process;

    Running(LambdaRuntimeApi api, LambdaProcess process) {
      this.api = api;
      this.process = process;
    }

    /** Invokes with a fixture event from {@code src/test/resources/aws/events/}. */
    LambdaRuntimeApi.Outcome invokeFixture(String fixture) throws Exception {
      return invoke(event(fixture));
    }

    /** Invokes with a 30 s deadline, waiting up to 60 s (a cold JVM included). */
    LambdaRuntimeApi.Outcome invoke(String event) throws Exception {
      return invoke(event, BUDGET);
    }

    /**
     * Invokes with a deadline {@code budget} from now, waiting up to 60 s; fails at once if the
     * runtime process dies first.
     */
    LambdaRuntimeApi.Outcome invoke(String event, Duration budget) throws Exception {
      String id = api.enqueue(event, budget);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        try {
          return api.await(id, Duration.ofMillis(250));
        } catch (TimeoutException notYet) {
          if (!process.isAlive()) {
            throw new AssertionError(
                "The runtime exited (code " + process.waitFor(1) + "):\n" + process.output());
          }
        }
      }
      throw new AssertionError("No answer in " + WAIT + "; runtime output:\n" + process.output());
    }

    @Override
    public void close() throws Exception {
      try {
        process.close();
      } finally {
        api.close();
      }
    }
  }

  /** A fixture event's text. */
  static String event(String fixture) throws IOException {
    try (InputStream in = AwsPackage.class.getResourceAsStream("/aws/events/" + fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture aws/events/" + fixture);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
