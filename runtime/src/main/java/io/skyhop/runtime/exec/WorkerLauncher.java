package io.skyhop.runtime.exec;

import io.skyhop.core.Adapters;
import io.skyhop.runtime.meter.RuntimeLog;
import io.skyhop.runtime.worker.SecretsFrame;
import io.skyhop.runtime.worker.WorkerMain;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts worker processes: builds the JVM command line (fast-start flags, memory limits, the app's
 * class-data sharing archive), a clean environment, and waits for the worker to be ready.
 */
public final class WorkerLauncher {
  /** Flags of every worker JVM, chosen for start-up time and a small footprint. */
  static final List<String> FAST_START_FLAGS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-XX:-UsePerfData",
          "-XX:+ExitOnOutOfMemoryError",
          // the JVM's own messages (e.g. "Terminating due to java.lang.OutOfMemoryError") go to
          // stderr: stdout carries the protocol
          "-XX:+DisplayVMOutputToStderr",
          "-Xshare:auto",
          "-Xlog:disable",
          "-Xlog:all=warning:stderr",
          "-Dfile.encoding=UTF-8");

  /** Variables passed through from the runtime's environment; everything else is left out. */
  private static final List<String> PASSED_ENV = List.of("PATH", "LANG", "LC_ALL", "TZ");

  /** Longest wait for a worker to become ready. */
  private static final long INIT_LIMIT_MILLIS = 30_000;

  private final Path java;
  private final Path workerJar;
  private final RuntimeLog log;
  private final ScheduledExecutorService timers;
  private final boolean cds;
  private final String target;
  private final AtomicLong instanceCount = new AtomicLong();

  /**
   * A launcher.
   *
   * @param java the {@code java} executable workers run on
   * @param workerJar the jar holding {@link WorkerMain}
   * @param cds whether to use (and build) class-data sharing archives
   * @param target the target id functions see in {@code Context.target()}
   */
  public WorkerLauncher(
      Path java,
      Path workerJar,
      RuntimeLog log,
      ScheduledExecutorService timers,
      boolean cds,
      String target) {
    this.java = java;
    this.workerJar = workerJar;
    this.log = log;
    this.timers = timers;
    this.cds = cds;
    this.target = target;
  }

  /** The {@code java} of the running JVM. */
  public static Path currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * Starts an instance and waits until it is ready.
   *
   * @throws InstanceFailure of kind {@code START_FAILED} when it does not become ready
   */
  public Instance start(WorkerSpec spec) throws InstanceFailure {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(FAST_START_FLAGS);
    command.add("-Xmx" + heapMb(spec.memoryMb()) + "m");
    command.add("-XX:MaxRAM=" + spec.memoryMb() + "m");
    if (cds && Files.isRegularFile(spec.cdsArchive())) {
      command.add("-XX:SharedArchiveFile=" + spec.cdsArchive());
    }
    command.add("-cp");
    command.add(classPath(spec.classPath()));
    command.add(WorkerMain.class.getName());
    command.add(WorkerMain.TARGET_OPTION);
    command.add(target);
    ProcessBuilder builder = new ProcessBuilder(command).directory(spec.workDir().toFile());
    Map<String, String> env = builder.environment();
    env.keySet().retainAll(PASSED_ENV);
    env.putAll(spec.env());
    env.put(Adapters.FUNCTION_ENV, spec.function());
    String id = "i-" + instanceCount.incrementAndGet();
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new InstanceFailure(
          InstanceFailure.Kind.START_FAILED, "Cannot start a worker with " + java + ": " + e);
    }
    try {
      SecretsFrame.write(process.getOutputStream(), spec.secrets().values());
    } catch (IOException e) {
      process.destroyForcibly();
      throw new InstanceFailure(
          InstanceFailure.Kind.START_FAILED,
          "Cannot hand the worker its secrets: " + e.getMessage());
    }
    WorkerOutput stderr = new WorkerOutput(process.getErrorStream(), log, spec, id);
    Thread pump = new Thread(stderr, "skyhop-stderr-" + id);
    pump.setDaemon(true);
    pump.start();
    Instance instance = new Instance(id, spec, process, stderr, log, timers, started);
    instance.awaitReady(INIT_LIMIT_MILLIS);
    return instance;
  }

  /** The heap limit for a memory size: three quarters, the rest for the JVM itself. */
  static int heapMb(int memoryMb) {
    return Math.max(16, memoryMb * 3 / 4);
  }

  private String classPath(List<Path> bundle) {
    List<String> entries = new ArrayList<>();
    bundle.forEach(p -> entries.add(p.toString()));
    entries.add(workerJar.toString());
    return String.join(File.pathSeparator, entries);
  }

  /**
   * Builds an app version's class-data sharing archive: runs a worker in {@code --prepare} mode (it
   * binds every function and exits) with {@code -XX:ArchiveClassesAtExit}, then moves the archive
   * into place. Workers started afterwards map it instead of loading their classes.
   *
   * @return whether the archive exists afterwards
   */
  public boolean buildArchive(List<Path> bundleClassPath, Path archive, Path workDir)
      throws InterruptedException {
    if (!cds) {
      return false;
    }
    if (Files.isRegularFile(archive)) {
      return true;
    }
    Path tmp = archive.resolveSibling(archive.getFileName() + ".tmp");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(FAST_START_FLAGS);
    command.add("-Xmx256m");
    command.add("-XX:ArchiveClassesAtExit=" + tmp);
    command.add("-cp");
    command.add(classPath(bundleClassPath));
    command.add(WorkerMain.class.getName());
    command.add("--prepare");
    try {
      Files.deleteIfExists(tmp);
      Path output = archive.resolveSibling(archive.getFileName() + ".log");
      Process process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      if (process.exitValue() != 0 || !Files.isRegularFile(tmp)) {
        log.warn(
            "Class-data sharing archive not built: workers start without it",
            "archive",
            archive.toString(),
            "exitCode",
            process.exitValue(),
            "output",
            Files.readString(output).strip());
        Files.deleteIfExists(tmp);
        return false;
      }
      Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE);
      Files.deleteIfExists(output);
      return true;
    } catch (IOException e) {
      log.warn("Class-data sharing archive not built: " + e, "archive", archive.toString());
      return false;
    }
  }
}
