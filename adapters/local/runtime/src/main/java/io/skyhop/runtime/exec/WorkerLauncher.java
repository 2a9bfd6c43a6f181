package io.skyhop.runtime.exec;

import io.skyhop.runtime.meter.RuntimeLog;
import io.skyhop.runtime.store.DurableFiles;
import io.skyhop.runtime.store.FileTrees;
import io.skyhop.runtime.worker.SecretsFrame;
import io.skyhop.runtime.worker.WorkerMain;
import io.skyhop.runtime.worker.boot.SharedBoot;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts worker processes: builds the JVM command line (fast-start flags, memory limits, the app's
 * class-data sharing archive), a clean environment, and waits for the worker to be ready.
 */
public final class WorkerLauncher {
  /** The flag that keeps a worker JVM on the quick compiler (start-up over peak speed). */
  static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  /** Flags of every worker JVM, chosen for start-up time and a small footprint. */
  static final List<String> FAST_START_FLAGS =
      List.of(
          WorkerLauncher.C1_ONLY,
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

  /** Longest wait for a worker to become ready. */
  private static final long INIT_LIMIT_MILLIS = 30_000;

  private final Path java;
  private final Path workerJar;
  private final RuntimeLog log;
  private final ScheduledExecutorService timers;
  private final boolean cds;
  private final String target;
  private final WorkerSandbox sandbox;
  private final AtomicLong instanceCount = new AtomicLong();
  private final Optional<SharedWorkers> shared;
  private final ExecutorService starts =
      Executors.newCachedThreadPool(
          task -> {
            Thread t = new Thread(task, "skyhop-start");
            t.setDaemon(true);
            return t;
          });

  /**
   * A launcher.
   *
   * @param java the {@code java} executable workers run on
   * @param workerJar the jar holding {@link WorkerMain}
   * @param cds whether to use (and build) class-data sharing archives
   * @param target the target id functions see in {@code Context.target()}
   * @param sandbox the users, files and environment workers get
   */
  public WorkerLauncher(
      Path java,
      Path workerJar,
      RuntimeLog log,
      ScheduledExecutorService timers,
      boolean cds,
      String target,
      WorkerSandbox sandbox) {
    this(java, workerJar, log, timers, cds, target, sandbox, Optional.empty());
  }

  /**
   * A launcher; with {@code sharedBootJar} (the {@code --shared} mode, {@link
   * WorkerJar#extractBoot}), every function of an app version runs in one shared worker.
   */
  public WorkerLauncher(
      Path java,
      Path workerJar,
      RuntimeLog log,
      ScheduledExecutorService timers,
      boolean cds,
      String target,
      WorkerSandbox sandbox,
      Optional<Path> sharedBootJar) {
    this.shared = sharedBootJar.map(SharedWorkers::new);
    this.java = java;
    this.workerJar = workerJar;
    this.log = log;
    this.timers = timers;
    this.cds = cds;
    this.target = target;
    this.sandbox = sandbox;
  }

  /** Whether every function of an app version runs in one shared worker ({@code --shared}). */
  public boolean shared() {
    return shared.isPresent();
  }

  /** The users, files and environment workers get. */
  public WorkerSandbox sandbox() {
    return sandbox;
  }

  /**
   * The threads new instances start on: a start waits for a JVM for up to {@value
   * #INIT_LIMIT_MILLIS} ms, which no caller's thread should.
   */
  Executor starts() {
    return starts;
  }

  /** The {@code java} of the running JVM. */
  public static Path currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * Starts an instance and waits until it is ready: a worker process of its own, or in shared mode
   * a lane of its app version's shared worker (started with its first lane).
   *
   * @throws InstanceFailure of kind {@code START_FAILED} when it does not become ready
   */
  public Instance start(WorkerSpec spec) throws InstanceFailure {
    String id = "i-" + instanceCount.incrementAndGet();
    long started = System.nanoTime();
    Process process;
    WorkerOutput stderr;
    Link link;
    boolean fresh = true;
    if (shared.isPresent()) {
      SharedWorkers.Lane lane = shared.get().lane(spec, id, this::startShared);
      process = lane.process().process();
      stderr = lane.process().stderr();
      link = lane.link();
      fresh = lane.fresh();
    } else {
      List<String> main = new ArrayList<>();
      if (cds && Files.isRegularFile(spec.cdsArchive())) {
        main.add("-XX:SharedArchiveFile=" + spec.cdsArchive());
      }
      main.addAll(
          List.of(
              "-cp",
              classPath(spec.classPath()),
              WorkerMain.class.getName(),
              WorkerMain.TARGET_OPTION,
              target));
      Started own = launch(spec, spec.app() + "-" + id, main, spec.function(), id);
      process = own.process();
      stderr = own.stderr();
      link = new PipeLink(process, stderr, spec.app() + "-" + id);
    }
    Instance instance =
        new Instance(id, spec, process, stderr, log, timers, starts, started, link, fresh);
    instance.awaitReady(INIT_LIMIT_MILLIS);
    return instance;
  }

  /**
   * Starts a shared worker for {@code spec}'s app version: {@link SharedBoot} alone on the class
   * path, the bundle and the worker jar in the app's own class loader; no class-data sharing
   * archive (it holds classes of the built-in loaders only).
   */
  private SharedProcess startShared(WorkerSpec spec, String id) throws InstanceFailure {
    List<String> main =
        List.of(
            "-cp",
            shared.get().bootJar().toString(),
            SharedBoot.class.getName(),
            classPath(spec.classPath()),
            WorkerMain.TARGET_OPTION,
            target);
    // its stderr and JVM messages belong to the app, not to the function of its first lane
    WorkerSpec app =
        new WorkerSpec(
            spec.app(),
            spec.version(),
            null,
            spec.memoryMb(),
            spec.timeoutSeconds(),
            spec.env(),
            spec.classPath(),
            spec.cdsArchive(),
            spec.uid(),
            spec.secrets());
    Started process = launch(app, spec.app() + "-shared-" + id, main, null, id);
    return new SharedProcess(process.process(), process.stderr(), spec.app() + "-" + id);
  }

  /**
   * Starts a worker JVM as the app's user in a private directory, hands it its secrets and pumps
   * its stderr into the log.
   *
   * @param main what follows the common flags: class path, main class and its arguments
   * @param function the function named in its environment, or null for a shared worker
   */
  private Started launch(
      WorkerSpec spec, String dirName, List<String> main, String function, String id)
      throws InstanceFailure {
    Path dir;
    try {
      dir = sandbox.files().privateDir(dirName, spec.uid());
    } catch (IOException e) {
      throw new InstanceFailure(
          InstanceFailure.Kind.START_FAILED, "Cannot create the instance's directory: " + e);
    }
    List<String> command = javaCommand(spec.uid(), dir);
    if (function == null) {
      // a shared worker lives long and serves every call of its app: it gets the optimizing
      // compiler too, which a start-up-bound instance of one function goes without
      command.remove(C1_ONLY);
    }
    command.add("-Xmx" + heapMb(spec.memoryMb()) + "m");
    command.add("-XX:MaxRAM=" + spec.memoryMb() + "m");
    command.addAll(main);
    Process process;
    try {
      process = builder(command, dir, spec.env(), function).start();
    } catch (IOException e) {
      deleteQuietly(dir);
      throw new InstanceFailure(
          InstanceFailure.Kind.START_FAILED, "Cannot start a worker with " + java + ": " + e);
    }
    process.onExit().thenRun(() -> deleteQuietly(dir));
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
    return new Started(process, stderr);
  }

  /** A worker process just started, its stderr pumped. */
  private record Started(Process process, WorkerOutput stderr) {}

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

  /** The start of every worker command: the user switch, {@code java}, flags, private dirs. */
  private List<String> javaCommand(int uid, Path privateDir) {
    List<String> command = new ArrayList<>(sandbox.users().commandPrefix(uid));
    command.add(java.toString());
    command.addAll(FAST_START_FLAGS);
    command.add("-Djava.io.tmpdir=" + WorkerEnvironment.tmpDir(privateDir));
    command.add("-Duser.home=" + privateDir);
    return command;
  }

  private ProcessBuilder builder(
      List<String> command, Path privateDir, Map<String, String> declared, String function) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(privateDir.toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.putAll(WorkerEnvironment.of(sandbox.runtimeEnv(), declared, function, privateDir));
    return builder;
  }

  private void deleteQuietly(Path dir) {
    try {
      FileTrees.delete(dir);
    } catch (IOException | RuntimeException e) {
      log.warn("Cannot delete a worker's directory: " + e, "dir", dir.toString());
    }
  }

  /**
   * Builds an app version's class-data sharing archive: runs a worker in {@code --prepare} mode (it
   * binds every function and exits) with {@code -XX:ArchiveClassesAtExit}, as the app's user, in a
   * private directory, with the same scrubbed environment as its instances; then copies the archive
   * to {@code durable} (kept in the data directory for restarts) and to {@code spec.cdsArchive()},
   * where workers started afterwards map it instead of loading their classes.
   *
   * @param spec any function of the version (they share class path, archive and user)
   * @return whether the archive exists afterwards
   */
  public boolean buildArchive(WorkerSpec spec, Path durable) throws InterruptedException {
    if (!cds) {
      return false;
    }
    if (shared.isPresent()) {
      log.info(
          "Class-data sharing archive not built: shared workers load the app in a class loader of"
              + " their own, which the archive does not cover",
          "app",
          spec.app());
      return false;
    }
    if (Files.isRegularFile(spec.cdsArchive())) {
      return true;
    }
    Path dir = null;
    try {
      dir =
          sandbox
              .files()
              .privateDir(spec.app() + "-prepare-" + instanceCount.incrementAndGet(), spec.uid());
      Path built = dir.resolve("app.jsa");
      List<String> command = javaCommand(spec.uid(), dir);
      command.add("-Xmx256m");
      command.add("-XX:ArchiveClassesAtExit=" + built);
      command.add("-cp");
      command.add(classPath(spec.classPath()));
      command.add(WorkerMain.class.getName());
      command.add("--prepare");
      Path output = dir.resolve("prepare.log");
      Process process =
          builder(command, dir, Map.of(), null)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        WorkerProcesses.killTree(process);
        return false;
      }
      if (process.exitValue() != 0 || !Files.isRegularFile(built)) {
        log.warn(
            "Class-data sharing archive not built: workers start without it",
            "app",
            spec.app(),
            "exitCode",
            process.exitValue(),
            "output",
            WorkerProcesses.head(output, 4096));
        return false;
      }
      DurableFiles.copy(built, durable);
      sandbox.files().placeArchive(built, spec.cdsArchive());
      return true;
    } catch (IOException e) {
      log.warn("Class-data sharing archive not built: " + e, "app", spec.app());
      return false;
    } finally {
      if (dir != null) {
        deleteQuietly(dir);
      }
    }
  }
}
