package io.skyhop.tooling.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the lab started: its start time (taken just before the process is created), its pid, its
 * output in a log file, and its peak resident memory from {@code /proc/<pid>/status}.
 */
public final class JvmProcess implements AutoCloseable {
  /** Variables passed from the lab's environment to every instance; nothing else leaks in. */
  private static final List<String> PASSED_ENV = List.of("PATH", "LANG", "HOME", "JAVA_HOME");

  private final Process process;
  private final long startNanos;
  private final Path log;

  private JvmProcess(Process process, long startNanos, Path log) {
    this.process = process;
    this.startNanos = startNanos;
    this.log = log;
  }

  /**
   * Starts a process with a clean environment ({@code PATH}, {@code LANG}, {@code HOME} and {@code
   * env}) and its standard output and error appended to {@code log}.
   */
  public static JvmProcess start(List<String> command, Map<String, String> env, Path dir, Path log)
      throws IOException {
    Files.createDirectories(log.getParent());
    Files.writeString(
        log, String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> processEnv = builder.environment();
    Map<String, String> inherited = Map.copyOf(processEnv);
    processEnv.clear();
    for (String name : PASSED_ENV) {
      if (inherited.containsKey(name)) {
        processEnv.put(name, inherited.get(name));
      }
    }
    processEnv.putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    long start = System.nanoTime();
    Process process = builder.start();
    return new JvmProcess(process, start, log);
  }

  /** {@link System#nanoTime()} just before the process was created. */
  public long startNanos() {
    return startNanos;
  }

  /** Milliseconds from the process start to {@code nanos}. */
  public double millisSinceStart(long nanos) {
    return (nanos - startNanos) / 1e6;
  }

  /** The process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the process still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The log file holding the command line and the process's output. */
  public Path log() {
    return log;
  }

  /** The last lines of the log, for error messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(
          System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** The peak resident set size ({@code VmHWM}) in kB, empty when unknown. */
  public OptionalLong peakMemoryKb() {
    return ProcStatus.peakKb(process.pid());
  }

  /** Kills the process (and anything it started) and waits for it to end. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
