package io.skyhop.bench.lib;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starting and ending the benchmark's server processes. */
public final class Processes {
  private Processes() {}

  /** The {@code java} of the JVM running the benchmark. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Starts {@code command} in {@code dir} with a clean environment ({@code PATH}, {@code HOME},
   * {@code LANG}, {@code TZ}, {@code JAVA_HOME} when set, plus {@code env}), output to {@code log}.
   */
  public static Process start(List<String> command, Map<String, String> env, Path dir, Path log)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> e = pb.environment();
    String path = e.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    String home = e.getOrDefault("HOME", "/root");
    String javaHome = e.get("JAVA_HOME");
    e.clear();
    e.put("PATH", path);
    e.put("HOME", home);
    e.put("LANG", "C.UTF-8");
    e.put("TZ", "UTC");
    if (javaHome != null) {
      e.put("JAVA_HOME", javaHome);
    }
    e.putAll(env);
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }

  /** CPU time (user + system, all threads) the process used so far, in ms; NaN if unknown. */
  public static double cpuMillis(ProcessHandle process) {
    return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
  }

  /**
   * CPU time of the process and its live descendants so far, in ms (a descendant that ended in
   * between is not counted); NaN if unknown.
   */
  public static double cpuMillisTree(ProcessHandle process) {
    return cpuMillis(process) + process.descendants().mapToDouble(Processes::cpuMillis).sum();
  }

  /** Ends the process and its descendants (politely, then forcibly) and waits for them. */
  public static void kill(ProcessHandle process) {
    List<ProcessHandle> all =
        java.util.stream.Stream.concat(process.descendants(), java.util.stream.Stream.of(process))
            .toList();
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception stillRunning) {
        p.destroyForcibly();
        try {
          p.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
          // Reported by nothing: a process that survives SIGKILL for 10 s is beyond our reach.
        }
      }
    }
  }
}
