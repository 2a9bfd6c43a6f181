package io.skyhop.runtime;

import com.google.gson.Gson;
import io.skyhop.runtime.deploy.AppVersion;
import io.skyhop.runtime.deploy.Deployments;
import io.skyhop.runtime.exec.InstancePool;
import io.skyhop.runtime.exec.Invoker;
import io.skyhop.runtime.exec.Payload;
import io.skyhop.runtime.exec.WorkerFiles;
import io.skyhop.runtime.exec.WorkerJar;
import io.skyhop.runtime.exec.WorkerLauncher;
import io.skyhop.runtime.exec.WorkerSandbox;
import io.skyhop.runtime.exec.WorkerUsers;
import io.skyhop.runtime.http.AdminToken;
import io.skyhop.runtime.http.FrontDoor;
import io.skyhop.runtime.meter.Housekeeping;
import io.skyhop.runtime.meter.Meter;
import io.skyhop.runtime.meter.RuntimeLog;
import io.skyhop.runtime.queue.DurableQueue;
import io.skyhop.runtime.queue.Queues;
import io.skyhop.runtime.schedule.Scheduler;
import io.skyhop.runtime.storage.Buckets;
import io.skyhop.runtime.storage.StorageEvents;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-house runtime, assembled: HTTP front door, deployments, worker pools, queues, buckets,
 * scheduler, meter. {@link #start} returns once it serves; {@link #close} stops it and its workers.
 */
public final class SkyhopRuntime implements AutoCloseable {
  /** The file, in the data directory, describing the running runtime (pid, port, URL). */
  public static final String STATE_FILE = "runtime.json";

  private final RuntimeLog log;
  private final Deployments deployments;
  private final Queues queues;
  private final FrontDoor frontDoor;
  private final List<ExecutorService> executors;
  private final Path stateFile;
  private final WorkerFiles workerFiles;

  private SkyhopRuntime(
      RuntimeLog log,
      Deployments deployments,
      Queues queues,
      FrontDoor frontDoor,
      List<ExecutorService> executors,
      Path stateFile,
      WorkerFiles workerFiles) {
    this.log = log;
    this.deployments = deployments;
    this.queues = queues;
    this.frontDoor = frontDoor;
    this.executors = executors;
    this.stateFile = stateFile;
    this.workerFiles = workerFiles;
  }

  /** Starts a runtime; its log goes to {@code console} and {@code <data>/logs/runtime.log}. */
  public static SkyhopRuntime start(RuntimeOptions options, PrintStream console)
      throws IOException {
    Path data = Files.createDirectories(options.dataDir().toAbsolutePath().normalize());
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    RuntimeLog log = RuntimeLog.open(console, data.resolve("logs").resolve("runtime.log"));
    AdminToken token = AdminToken.load(data);
    ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, daemon("skyhop-timer"));
    timers.setRemoveOnCancelPolicy(true);
    ScheduledExecutorService loop =
        Executors.newScheduledThreadPool(2, daemon("skyhop-housekeeping"));
    Housekeeping housekeeping = new Housekeeping(loop, log, System::nanoTime);
    ExecutorService background = Executors.newSingleThreadExecutor(daemon("skyhop-archive"));
    ExecutorService events = Executors.newCachedThreadPool(daemon("skyhop-event"));
    FrontDoor frontDoor = new FrontDoor(options.bind(), options.port(), options.tls());
    WorkerSandbox sandbox = sandbox(options, data, log);
    Path workerJar = WorkerJar.extract(sandbox.files().runtimeDir());
    WorkerLauncher launcher =
        new WorkerLauncher(
            WorkerLauncher.currentJava(),
            workerJar,
            log,
            timers,
            options.cds(),
            options.target(),
            sandbox,
            options.shared()
                ? Optional.of(WorkerJar.extractBoot(workerJar.getParent()))
                : Optional.empty());
    Deployments deployments =
        new Deployments(
            data,
            launcher,
            options.defaultMaxConcurrency(),
            log,
            background,
            options.queueEnv()
                ? Optional.of(frontDoor.loopbackUrl() + "/_skyhop/queues")
                : Optional.empty(),
            options.functionKeys());
    deployments.reload();
    Meter meter = new Meter(log);
    Invoker invoker = new Invoker(options.queueWaitMillis(), meter);
    Triggers triggers = new Triggers(deployments);
    Queues queues =
        new Queues(
            data.resolve("queues"),
            triggers,
            invoker,
            log,
            events,
            options.maxAttempts(),
            options.retryBaseMillis());
    Buckets buckets = new Buckets(data.resolve("buckets"));
    Scheduler scheduler =
        new Scheduler(
            Clock.systemUTC(),
            triggers::schedules,
            (schedule, event) ->
                events.execute(
                    () ->
                        deployments
                            .find(schedule.app())
                            .flatMap(v -> v.function(schedule.function()))
                            .ifPresent(
                                f -> invoker.invoke(f.pool(), new Payload.Schedule(event)))));
    FrontDoor.Parts parts =
        new FrontDoor.Parts(
            token,
            deployments,
            invoker,
            queues,
            buckets,
            new StorageEvents(queues, triggers),
            meter,
            () -> gauges(deployments, queues),
            data.resolve("tmp"),
            options.maxBodyBytes(),
            log,
            triggers,
            options.cloudEvents(),
            housekeeping);
    long idleNanos = TimeUnit.SECONDS.toNanos(options.idleSeconds());
    housekeeping.every("instances", 250, 250, () -> deployments.housekeeping(idleNanos));
    housekeeping.every("schedules", 0, 500, scheduler::tick);
    housekeeping.every("deadlines", 50, 50, deployments::enforceDeadlines);
    frontDoor.start(parts);
    queues.start();
    Path stateFile = data.resolve(STATE_FILE);
    writeState(stateFile, frontDoor, data, sandbox.files().root());
    if (frontDoor.plainBeyondLoopback()) {
      log.warn(
          "Serving plain HTTP beyond this machine on "
              + frontDoor.baseUrl()
              + ": tokens, keys and bodies cross the network readable. Fix: --tls-cert and"
              + " --tls-key, a TLS-terminating proxy in front, or --bind 127.0.0.1",
          "bind",
          options.bind());
    }
    log.info(
        "Skyhop runtime listening on " + frontDoor.baseUrl(),
        "url",
        frontDoor.baseUrl(),
        "data",
        data.toString(),
        "adminToken",
        data.resolve(AdminToken.FILE).toString(),
        "apps",
        deployments.all().size());
    return new SkyhopRuntime(
        log,
        deployments,
        queues,
        frontDoor,
        List.of(timers, loop, background, events),
        stateFile,
        sandbox.files());
  }

  /** Whom workers run as and where their files go; read the environment once, here. */
  private static WorkerSandbox sandbox(RuntimeOptions options, Path data, RuntimeLog log)
      throws IOException {
    Map<String, String> env = System.getenv();
    WorkerUsers users =
        WorkerUsers.choose(
            options.workerUser(),
            WorkerUsers.currentUid(),
            WorkerUsers.findSetpriv(env.get("PATH")));
    WorkerFiles files =
        WorkerFiles.open(
            options.workDir().orElseGet(() -> WorkerFiles.defaultRoot(data)), users.separate());
    log.info(
        "Workers run as " + users.describe(),
        "workDir",
        files.root().toString(),
        "separateUsers",
        users.separate());
    return new WorkerSandbox(users, files, env);
  }

  private static void writeState(Path file, FrontDoor frontDoor, Path data, Path workDir)
      throws IOException {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("pid", ProcessHandle.current().pid());
    state.put("port", frontDoor.port());
    state.put("url", frontDoor.baseUrl());
    state.put("data", data.toString());
    state.put("workDir", workDir.toString());
    Path tmp = file.resolveSibling(STATE_FILE + ".tmp");
    Files.writeString(tmp, new Gson().toJson(state));
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static List<Meter.Gauge> gauges(Deployments deployments, Queues queues) {
    List<Meter.Gauge> gauges = new ArrayList<>();
    Map<String, Integer> instances = new LinkedHashMap<>();
    for (AppVersion v : deployments.withInstances()) {
      for (AppVersion.DeployedFunction f : v.functions()) {
        InstancePool pool = f.pool();
        instances.merge(v.app() + "\u0000" + f.name(), pool.instances(), Integer::sum);
      }
    }
    instances.forEach(
        (key, n) -> {
          String[] parts = key.split("\u0000");
          gauges.add(
              new Meter.Gauge(
                  "skyhop_instances",
                  "Function instances (worker processes) alive now.",
                  "app=\"" + parts[0] + "\",function=\"" + parts[1] + "\"",
                  n));
        });
    for (DurableQueue q : queues.all()) {
      DurableQueue.Stats s = q.stats();
      String label = "queue=\"" + q.name() + "\"";
      gauges.add(
          new Meter.Gauge(
              "skyhop_queue_messages",
              "Messages waiting in a queue (ready and delayed).",
              label,
              s.ready() + s.delayed()));
    }
    for (DurableQueue q : queues.all()) {
      gauges.add(
          new Meter.Gauge(
              "skyhop_queue_in_flight",
              "Messages being delivered.",
              "queue=\"" + q.name() + "\"",
              q.stats().inFlight()));
    }
    for (DurableQueue q : queues.all()) {
      gauges.add(
          new Meter.Gauge(
              "skyhop_queue_dead_letters",
              "Messages in the dead-letter queue.",
              "queue=\"" + q.name() + "\"",
              q.stats().dead()));
    }
    return gauges;
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The port it serves on. */
  public int port() {
    return frontDoor.port();
  }

  /** {@code http://host:port}. */
  public String baseUrl() {
    return frontDoor.baseUrl();
  }

  /** Stops serving, kills every worker, and removes the state file and the workers' files. */
  @Override
  public void close() throws IOException {
    frontDoor.close();
    queues.close();
    deployments.killAll();
    executors.forEach(ExecutorService::shutdownNow);
    Files.deleteIfExists(stateFile);
    workerFiles.delete();
    log.info("Skyhop runtime stopped");
    log.close();
  }
}
