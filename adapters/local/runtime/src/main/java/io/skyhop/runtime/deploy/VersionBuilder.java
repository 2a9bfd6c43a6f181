package io.skyhop.runtime.deploy;

import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionIndex;
import io.skyhop.runtime.exec.InstancePool;
import io.skyhop.runtime.exec.WorkerLauncher;
import io.skyhop.runtime.exec.WorkerSandbox;
import io.skyhop.runtime.exec.WorkerSpec;
import io.skyhop.runtime.meter.RuntimeLog;
import io.skyhop.runtime.secret.SecretStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Turns an unpacked version into a live {@link AppVersion}: its keys and queues token, its workers'
 * user and files (installed in the work directory), one instance pool per function; and builds its
 * class-data sharing archive in the background.
 */
final class VersionBuilder {
  /** A version's class-data sharing archive, in its directory. */
  static final String ARCHIVE = "app.jsa";

  private final WorkerLauncher launcher;
  private final int defaultMaxConcurrency;
  private final RuntimeLog log;
  private final Executor background;
  private final QueuesEnv queuesEnv;
  private final FunctionKeys keys;
  private final SecretStore secrets;

  VersionBuilder(
      WorkerLauncher launcher,
      int defaultMaxConcurrency,
      RuntimeLog log,
      Executor background,
      QueuesEnv queuesEnv,
      FunctionKeys keys,
      SecretStore secrets) {
    this.launcher = launcher;
    this.defaultMaxConcurrency = defaultMaxConcurrency;
    this.log = log;
    this.background = background;
    this.queuesEnv = queuesEnv;
    this.keys = keys;
    this.secrets = secrets;
  }

  AppVersion build(
      String app,
      String version,
      Path dir,
      Instant deployedAt,
      FunctionIndex index,
      List<Path> classPath)
      throws IOException {
    Path appDir = dir.getParent().getParent();
    Map<String, String> appKeys = keys.ensure(appDir, index.functions());
    String queuesToken = QueuesEnv.token(appDir);
    WorkerSandbox sandbox = launcher.sandbox();
    int uid = sandbox.users().uid(appDir);
    List<Path> installed =
        sandbox.files().install(app, version, classPath, dir.resolve(ARCHIVE), uid);
    Path archive = installed.get(0).resolveSibling(ARCHIVE);
    Optional<SharedApp> shared =
        launcher.shared() ? Optional.of(SharedApp.of(app, index.functions())) : Optional.empty();
    Map<String, AppVersion.DeployedFunction> functions = new LinkedHashMap<>();
    for (FunctionDef def : index.functions()) {
      WorkerSpec spec =
          new WorkerSpec(
              app,
              version,
              def.name(),
              shared.map(SharedApp::memoryMb).orElse(def.memoryMb()),
              def.timeoutSeconds(),
              queuesEnv.workerEnv(shared.map(SharedApp::env).orElse(def.env()), queuesToken),
              installed,
              archive,
              uid,
              secrets.grant(app, shared.map(SharedApp::secrets).orElse(def.secrets())));
      int max = def.maxConcurrency() > 0 ? def.maxConcurrency() : defaultMaxConcurrency;
      int min = index.levers(def.name()).minInstances();
      functions.put(
          def.name(),
          new AppVersion.DeployedFunction(def, new InstancePool(spec, max, min, launcher)));
    }
    return new AppVersion(app, version, dir, deployedAt, functions, appKeys, queuesToken);
  }

  void buildArchiveLater(AppVersion version) {
    if (version.functions().isEmpty()) {
      return;
    }
    WorkerSpec any = version.functions().iterator().next().pool().spec();
    background.execute(
        () -> {
          long start = System.nanoTime();
          try {
            if (launcher.buildArchive(any, version.dir().resolve(ARCHIVE))) {
              log.info(
                  "Class-data sharing archive ready",
                  "app",
                  version.app(),
                  "version",
                  version.version(),
                  "ms",
                  (System.nanoTime() - start) / 1_000_000);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }
}
