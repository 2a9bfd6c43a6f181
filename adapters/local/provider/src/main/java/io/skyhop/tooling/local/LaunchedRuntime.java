package io.skyhop.tooling.local;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An in-house runtime {@link RuntimeLauncher} started and found serving: its URL, admin token, pid
 * and log. {@link #close()} stops it (SIGTERM, which stops its workers; after 10 s SIGKILL to it
 * and everything it started); a runtime left unclosed outlives this process (the background runtime
 * of {@code mvn deploy}).
 */
public final class LaunchedRuntime implements AutoCloseable {
  private static final int TAIL_LINES = 15;

  private final Process process;
  private final URI url;
  private final String token;
  private final Path dataDir;
  private final Path log;
  private final long startNanos;

  LaunchedRuntime(Process process, URI url, String token, Path dataDir, Path log, long startNanos) {
    this.process = process;
    this.url = url;
    this.token = token;
    this.dataDir = dataDir;
    this.log = log;
    this.startNanos = startNanos;
  }

  /** The URL it serves, e.g. {@code http://127.0.0.1:41234}. */
  public URI url() {
    return url;
  }

  /** The port it bound. */
  public int port() {
    return url.getPort();
  }

  /** The admin token (from {@code <data>/admin-token}). */
  public String token() {
    return token;
  }

  /** A client of its admin API with the admin token. */
  public LocalRuntimeClient client() {
    return new LocalRuntimeClient(url, token);
  }

  /** Its data directory. */
  public Path dataDir() {
    return dataDir;
  }

  /** The file holding the command line and its output; empty when it writes to ours. */
  public Optional<Path> log() {
    return Optional.ofNullable(log);
  }

  /** The last lines of its log, for error messages (empty without a log file). */
  public String logTail() {
    return lastLines(log);
  }

  /** {@link System#nanoTime()} just before the process was created. */
  public long startNanos() {
    return startNanos;
  }

  /** Its process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether it still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until it exits and returns its exit code. */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  /**
   * SIGKILL to the runtime alone (its workers are left, as after a crash); waits until it is gone.
   */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Stops it: SIGTERM, then after 10 s SIGKILL to it and everything it started. */
  @Override
  public void close() {
    stop(process);
  }

  static void stop(Process process) {
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** The last lines of a log, or empty. */
  static String lastLines(Path log) {
    if (log == null) {
      return "";
    }
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(
          System.lineSeparator(),
          lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(log unreadable: " + e + ")";
    }
  }
}
