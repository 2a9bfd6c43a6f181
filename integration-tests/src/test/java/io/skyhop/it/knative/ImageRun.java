package io.skyhop.it.knative;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.deploy.knative.OciArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an image's entry point without a container engine (none runs on this machine: no Docker
 * daemon, and podman cannot create containers here): the layers are extracted, in order, into a
 * root directory; the entry point and arguments run with the image's environment and working
 * directory, every absolute path argument resolved inside that root. Only {@code java} comes from
 * the host (the JDK running the test) when the image's own is not executable here — the test base
 * image stands in for a JRE image without holding one.
 */
final class ImageRun {
  private final Path root;
  private final JsonObject config;

  private ImageRun(Path root, JsonObject config) {
    this.root = root;
    this.config = config;
  }

  /** Extracts the image's layers into {@code root} with the system's {@code tar}. */
  static ImageRun extract(OciArchive image, Path root) throws IOException, InterruptedException {
    Files.createDirectories(root);
    for (String layer : image.layers()) {
      Process tar =
          new ProcessBuilder("tar", "-xzf", image.blob(layer).toString(), "-C", root.toString())
              .redirectErrorStream(true)
              .start();
      String out = new String(tar.getInputStream().readAllBytes());
      if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
        tar.destroyForcibly();
        throw new IOException("tar failed on layer " + layer + ": " + out);
      }
    }
    JsonObject config =
        JsonParser.parseString(Files.readString(image.blob(image.config())))
            .getAsJsonObject()
            .getAsJsonObject("config");
    return new ImageRun(root, config);
  }

  /** The root directory. */
  Path root() {
    return root;
  }

  /** The command the image runs with {@code args} (as {@code podman run IMAGE args…}). */
  List<String> command(List<String> args) {
    List<String> command = new ArrayList<>();
    strings(config.getAsJsonArray("Entrypoint")).forEach(command::add);
    if (args.isEmpty() && config.has("Cmd") && config.get("Cmd").isJsonArray()) {
      strings(config.getAsJsonArray("Cmd")).forEach(command::add);
    } else {
      command.addAll(args);
    }
    List<String> resolved = new ArrayList<>();
    resolved.add(executable(command.get(0)));
    for (String arg : command.subList(1, command.size())) {
      resolved.add(arg.startsWith("/") ? inRoot(arg).toString() : arg);
    }
    return resolved;
  }

  /** The image's environment, plus {@code extra}. */
  Map<String, String> environment(Map<String, String> extra) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String pair : strings(config.getAsJsonArray("Env"))) {
      int eq = pair.indexOf('=');
      env.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    env.putAll(extra);
    return env;
  }

  /** Starts the image's command with {@code args}, its output going to {@code log}. */
  Process start(List<String> args, Map<String, String> extraEnv, Path log) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(command(args))
            .directory(inRoot(config.get("WorkingDir").getAsString()).toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().clear();
    pb.environment().putAll(environment(extraEnv));
    return pb.start();
  }

  /** A path of the image inside the root directory; {@code /tmp} and the like are created. */
  Path inRoot(String absolute) {
    Path p = root.resolve(absolute.substring(1));
    try {
      Files.createDirectories(Files.exists(p) ? root : p.getParent());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return p;
  }

  /**
   * An executable found on the image's {@code PATH} in the root; for {@code java} missing there,
   * the JDK running this test.
   */
  private String executable(String name) {
    String path = environment(Map.of()).getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      Path candidate = root.resolve(dir.replaceFirst("^/", "")).resolve(name);
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    if (name.equals("java")) {
      return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
    throw new IllegalStateException(name + " is not on the image's PATH " + path);
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      for (JsonElement e : array) {
        out.add(e.getAsString());
      }
    }
    return out;
  }
}
