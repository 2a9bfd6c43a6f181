package io.skyhop.tooling.local;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way to start the in-house runtime ({@code java [flags] -jar skyhop-runtime.jar --port P
 * --data DIR [options]}) as a process: used by {@code skyhop:run}, {@code skyhop:invoke}, the
 * background runtime of {@code mvn deploy}, the report's lab and the runtime's own tests.
 *
 * <p>Port 0 (the default) lets the runtime bind a free port; the bound port and URL are read back
 * from the {@code runtime.json} the runtime writes, with its pid, once it serves. That file is the
 * readiness signal: a stale one from an earlier run carries another pid and is not taken. Output
 * goes to a log file (first line: the command) or to this process's own streams.
 *
 * <p>Uses only the JDK and Gson, so that the runtime module's tests can use it too. Failures are
 * {@link RuntimeLaunchException}s, which callers turn into messages naming their setting.
 */
public final class RuntimeLauncher {
  /** The file the runtime writes in its data directory once it serves (pid, port, URL). */
  public static final String STATE_FILE = "runtime.json";

  /** Passed from this process's environment when {@link #cleanEnvironment()} is asked for. */
  private static final List<String> PASSED_ENV = List.of("PATH", "LANG", "HOME", "JAVA_HOME");

  private final Path jar;
  private final Path dataDir;
  private Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
  private final List<String> jvmFlags = new ArrayList<>();
  private Path cdsArchive;
  private int port;
  private String bind;
  private final List<String> options = new ArrayList<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private boolean cleanEnvironment;
  private Path workingDir;
  private Path log;
  private boolean inheritIo;
  private Duration startTimeout = Duration.ofSeconds(60);

  private RuntimeLauncher(Path jar, Path dataDir) {
    this.jar = jar;
    this.dataDir = dataDir.toAbsolutePath();
    this.log = this.dataDir.resolve("runtime.log");
  }

  /**
   * A launcher of {@code jar} (skyhop-runtime.jar; null when unknown, which {@link #start()}
   * reports) with its data directory.
   */
  public static RuntimeLauncher of(Path jar, Path dataDir) {
    return new RuntimeLauncher(jar, dataDir);
  }

  /** The java binary (default: this JVM's). */
  public RuntimeLauncher java(Path binary) {
    this.javaBinary = binary;
    return this;
  }

  /** JVM flags placed before {@code -jar}. */
  public RuntimeLauncher jvmFlags(List<String> flags) {
    jvmFlags.addAll(flags);
    return this;
  }

  /** A class-data sharing archive of the runtime's own classes ({@code -XX:SharedArchiveFile}). */
  public RuntimeLauncher cdsArchive(Path archive) {
    this.cdsArchive = archive;
    return this;
  }

  /** The port (default 0: a free one, read back once the runtime serves). */
  public RuntimeLauncher port(int port) {
    this.port = port;
    return this;
  }

  /** The address to bind (default: the runtime's, the loopback address). */
  public RuntimeLauncher bind(String host) {
    this.bind = host;
    return this;
  }

  /** Further runtime options, e.g. {@code --idle-seconds 1}. */
  public RuntimeLauncher options(String... more) {
    options.addAll(List.of(more));
    return this;
  }

  /** Environment variables for the runtime, added to what it inherits. */
  public RuntimeLauncher env(Map<String, String> variables) {
    env.putAll(variables);
    return this;
  }

  /**
   * Inherits only {@code PATH}, {@code LANG}, {@code HOME} and {@code JAVA_HOME} from this process
   * (plus {@link #env}), as the lab measures it.
   */
  public RuntimeLauncher cleanEnvironment() {
    this.cleanEnvironment = true;
    return this;
  }

  /** The process's working directory (default: this process's). */
  public RuntimeLauncher workingDir(Path dir) {
    this.workingDir = dir;
    return this;
  }

  /** The file the runtime's output is appended to (default {@code <data>/runtime.log}). */
  public RuntimeLauncher log(Path file) {
    this.log = file.toAbsolutePath();
    this.inheritIo = false;
    return this;
  }

  /** The runtime's output goes to this process's standard output and error. */
  public RuntimeLauncher inheritIo() {
    this.inheritIo = true;
    return this;
  }

  /** How long to wait for the runtime to serve (default 60 s). */
  public RuntimeLauncher startTimeout(Duration timeout) {
    this.startTimeout = timeout;
    return this;
  }

  /** The command line {@link #start()} runs. */
  public List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(javaBinary.toString());
    command.addAll(jvmFlags);
    if (cdsArchive != null) {
      command.add("-XX:SharedArchiveFile=" + cdsArchive.toAbsolutePath());
      command.add("-Xshare:auto");
    }
    command.add("-jar");
    command.add(jar == null ? "" : jar.toAbsolutePath().toString());
    command.add("--port");
    command.add(Integer.toString(port));
    if (bind != null) {
      command.add("--bind");
      command.add(bind);
    }
    command.add("--data");
    command.add(dataDir.toString());
    command.addAll(options);
    return List.copyOf(command);
  }

  /**
   * Starts the runtime and waits until it serves.
   *
   * @throws RuntimeLaunchException when the jar is missing, or the runtime exits or does not serve
   *     in time (then it is stopped)
   */
  public LaunchedRuntime start() throws IOException, InterruptedException {
    if (jar == null || !Files.isRegularFile(jar)) {
      throw new RuntimeLaunchException(RuntimeLaunchException.Reason.JAR_MISSING, jar, null, "");
    }
    Files.createDirectories(dataDir);
    List<String> command = command();
    ProcessBuilder builder = new ProcessBuilder(command);
    if (workingDir != null) {
      builder.directory(workingDir.toFile());
    }
    if (cleanEnvironment) {
      Map<String, String> inherited = Map.copyOf(builder.environment());
      builder.environment().clear();
      PASSED_ENV.stream()
          .filter(inherited::containsKey)
          .forEach(name -> builder.environment().put(name, inherited.get(name)));
    }
    builder.environment().putAll(env);
    if (inheritIo) {
      builder.inheritIO();
    } else {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          String.join(" ", command) + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      builder
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    }
    long startNanos = System.nanoTime();
    Process process = builder.start();
    LaunchedRuntime runtime = awaitServing(process, startNanos);
    return runtime;
  }

  private LaunchedRuntime awaitServing(Process process, long startNanos)
      throws IOException, InterruptedException {
    Path logFile = inheritIo ? null : log;
    long deadline = startNanos + startTimeout.toNanos();
    while (true) {
      Optional<URI> url = servingUrl(process.pid());
      if (url.isPresent()) {
        String token = Files.readString(dataDir.resolve(LocalRuntimeClient.TOKEN_FILE)).strip();
        return new LaunchedRuntime(process, url.get(), token, dataDir, logFile, startNanos);
      }
      if (!process.isAlive()) {
        throw new RuntimeLaunchException(
            RuntimeLaunchException.Reason.EXITED, jar, logFile, "code " + process.exitValue());
      }
      if (System.nanoTime() > deadline) {
        LaunchedRuntime.stop(process);
        throw new RuntimeLaunchException(
            RuntimeLaunchException.Reason.TIMEOUT, jar, logFile, startTimeout.toSeconds() + " s");
      }
      Thread.sleep(20);
    }
  }

  /** The URL in {@code runtime.json} when the runtime with {@code pid} wrote it. */
  private Optional<URI> servingUrl(long pid) throws IOException {
    try {
      JsonObject state =
          JsonParser.parseString(Files.readString(dataDir.resolve(STATE_FILE))).getAsJsonObject();
      if (state.has("pid") && state.get("pid").getAsLong() == pid && state.has("url")) {
        return Optional.of(URI.create(state.get("url").getAsString()));
      }
      return Optional.empty();
    } catch (NoSuchFileException | JsonParseException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  private static File nullDevice() {
    return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
