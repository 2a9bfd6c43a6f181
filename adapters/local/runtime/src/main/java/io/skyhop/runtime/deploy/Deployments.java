package io.skyhop.runtime.deploy;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.core.FunctionIndex;
import io.skyhop.runtime.exec.InstancePool;
import io.skyhop.runtime.exec.WorkerLauncher;
import io.skyhop.runtime.meter.RuntimeLog;
import io.skyhop.runtime.secret.SecretStore;
import io.skyhop.runtime.store.DurableFiles;
import io.skyhop.runtime.store.FileTrees;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The deployed apps, persisted under {@code <data>/apps/<app>/}: {@code versions/<id>/} holds an
 * unpacked bundle, {@code current} names the live version (replaced atomically, so a crash leaves
 * either the old or the new version live), {@code keys.json} the function keys. Reloaded at start.
 */
public final class Deployments {
  /** App names: lower case, digits and dashes, as function names. */
  public static final Pattern APP_NAME = Pattern.compile("^[a-z][a-z0-9-]{0,62}$");

  private final Path appsDir;
  private final WorkerLauncher launcher;
  private final RuntimeLog log;
  private final SecretStore secrets;
  private final VersionBuilder versions;
  private final Gson gson = new Gson();
  private final Map<String, AppVersion> live = new ConcurrentHashMap<>();
  private final List<Retired> retired = new CopyOnWriteArrayList<>();

  /**
   * The deployments of a data directory.
   *
   * @param background runs class-data sharing archive builds
   * @param queuesUrl the queue endpoint given to workers with their app's queues token (see {@link
   *     QueuesEnv}); empty: workers get neither
   * @param functionKeys the directory the function keys are read from, one file per function
   *     ({@code --function-keys}); empty: they are created and kept in the data directory
   */
  public Deployments(
      Path dataDir,
      WorkerLauncher launcher,
      int defaultMaxConcurrency,
      RuntimeLog log,
      Executor background,
      Optional<String> queuesUrl,
      Optional<Path> functionKeys) {
    this.appsDir = dataDir.resolve("apps");
    this.launcher = launcher;
    this.log = log;
    this.secrets = new SecretStore(dataDir.resolve("secrets"));
    this.versions =
        new VersionBuilder(
            launcher,
            defaultMaxConcurrency,
            log,
            background,
            new QueuesEnv(queuesUrl),
            new FunctionKeys(functionKeys),
            secrets);
  }

  /** The secret store, {@code <data>/secrets/}. */
  public SecretStore secrets() {
    return secrets;
  }

  /**
   * Checks an app name.
   *
   * @throws BadBundleException naming the rule
   */
  public static void checkAppName(String app) throws BadBundleException {
    if (!APP_NAME.matcher(app).matches()) {
      throw new BadBundleException(
          "App name '"
              + app
              + "' is not valid: use lower-case letters, digits and dashes, starting with a"
              + " letter, at most 63 characters (skyhop.app).");
    }
  }

  /**
   * Deploys a bundle as the app's new version; the old version finishes what it runs.
   *
   * @throws BadBundleException when the bundle is refused
   */
  public synchronized AppVersion deploy(String app, Path zip)
      throws IOException, BadBundleException {
    checkAppName(app);
    Path appDir = appsDir.resolve(app);
    String version =
        Long.toString(System.currentTimeMillis(), 36) + "-" + sha256(zip).substring(0, 10);
    Path staging = appDir.resolve("versions").resolve(".staging-" + version);
    Path dir = appDir.resolve("versions").resolve(version);
    BundleExtractor.Contents contents;
    try {
      contents = BundleExtractor.extract(zip, staging);
    } catch (BadBundleException | IOException | RuntimeException e) {
      FileTrees.delete(staging);
      throw e;
    }
    Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
    DurableFiles.syncDirectory(dir.getParent());
    List<Path> classPath = new ArrayList<>();
    contents.classPath().forEach(p -> classPath.add(dir.resolve(staging.relativize(p))));
    Instant now = Instant.now();
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("app", app);
    meta.put("version", version);
    meta.put("deployedAt", now.toString());
    meta.put("classPath", classPath.stream().map(p -> dir.relativize(p).toString()).toList());
    meta.put("bundleApp", contents.declaredApp());
    meta.put("bundleVersion", contents.declaredVersion());
    DurableFiles.write(
        dir.resolve("version.json"), gson.toJson(meta).getBytes(StandardCharsets.UTF_8));
    AppVersion next;
    try {
      next = versions.build(app, version, dir, now, contents.index(), classPath);
    } catch (MissingKeyException | SharedApp.ConflictException e) {
      FileTrees.delete(dir);
      throw new BadBundleException(e.getMessage());
    }
    DurableFiles.write(appDir.resolve("current"), version.getBytes(StandardCharsets.UTF_8));
    AppVersion previous = live.put(app, next);
    keepWarm(next);
    if (previous != null) {
      previous.retire();
      retired.add(new Retired(previous, false));
    }
    log.info(
        "Deployed " + app + " version " + version,
        "app",
        app,
        "version",
        version,
        "functions",
        next.functions().size());
    versions.buildArchiveLater(next);
    return next;
  }

  /** Removes an app; its running invocations finish. */
  public synchronized boolean remove(String app) throws IOException {
    AppVersion previous = live.remove(app);
    if (previous == null) {
      return false;
    }
    Files.deleteIfExists(appsDir.resolve(app).resolve("current"));
    Files.deleteIfExists(appsDir.resolve(app).resolve(FunctionKeys.FILE));
    Files.deleteIfExists(appsDir.resolve(app).resolve(QueuesEnv.TOKEN_FILE));
    previous.retire();
    retired.add(new Retired(previous, true));
    log.info("Removed " + app, "app", app, "version", previous.version());
    return true;
  }

  /** The live version of an app. */
  public Optional<AppVersion> find(String app) {
    return Optional.ofNullable(live.get(app));
  }

  /**
   * What {@code token} may enqueue to, when it is the queues token of a live app: that app's
   * declared queues. A removed app's token is nobody's; a redeployed app keeps its token.
   */
  public Optional<QueuesEnv.Grant> queuesGrant(String token) {
    for (AppVersion v : live.values()) {
      if (v.hasQueuesToken(token)) {
        return Optional.of(new QueuesEnv.Grant(v.app(), v.declaredQueues()));
      }
    }
    return Optional.empty();
  }

  /** Every live app version, sorted by app. */
  public List<AppVersion> all() {
    List<AppVersion> all = new ArrayList<>(live.values());
    all.sort((a, b) -> a.app().compareTo(b.app()));
    return all;
  }

  /** Live and retired versions whose instances still run. */
  public Collection<AppVersion> withInstances() {
    List<AppVersion> all = new ArrayList<>(live.values());
    retired.forEach(r -> all.add(r.version));
    return all;
  }

  /** Reloads the deployments on disk (runtime start); a broken one is logged and skipped. */
  public synchronized void reload() throws IOException {
    if (!Files.isDirectory(appsDir)) {
      return;
    }
    try (Stream<Path> apps = Files.list(appsDir)) {
      for (Path appDir : apps.sorted().toList()) {
        try {
          reload(appDir);
        } catch (IOException | RuntimeException e) {
          log.error("Cannot reload " + appDir + ": " + e, "app", appDir.getFileName().toString());
        }
      }
    }
  }

  /**
   * Reloads an app: its {@code current} version, or, when that one cannot be loaded (a crash during
   * its deployment, a damaged file), the newest older version that can, which becomes current
   * again. Other versions are deleted only once one is live.
   */
  private void reload(Path appDir) throws IOException {
    String app = appDir.getFileName().toString();
    Path current = appDir.resolve("current");
    if (!Files.isRegularFile(current)) {
      FileTrees.delete(appDir);
      return;
    }
    String wanted = Files.readString(current).strip();
    Path versionsDir = appDir.resolve("versions");
    List<Path> candidates = new ArrayList<>();
    candidates.add(versionsDir.resolve(wanted));
    try (Stream<Path> all = Files.list(versionsDir)) {
      all.filter(p -> !p.getFileName().toString().startsWith(".") && !p.endsWith(wanted))
          .sorted(Comparator.comparing(Path::toString).reversed())
          .forEach(candidates::add);
    }
    for (Path dir : candidates) {
      try {
        AppVersion v = load(app, dir);
        if (!dir.endsWith(wanted)) {
          DurableFiles.write(current, v.version().getBytes(StandardCharsets.UTF_8));
          log.warn(
              "Version " + wanted + " of " + app + " cannot be loaded: serving " + v.version(),
              "app",
              app,
              "version",
              v.version());
        }
        live.put(app, v);
        keepWarm(v);
        try (Stream<Path> all = Files.list(versionsDir)) {
          for (Path other : all.toList()) {
            if (!other.equals(dir)) {
              FileTrees.delete(other);
            }
          }
        }
        log.info("Reloaded " + app + " version " + v.version(), "app", app, "version", v.version());
        versions.buildArchiveLater(v);
        return;
      } catch (IOException | RuntimeException e) {
        log.warn("Cannot load " + dir + ": " + e, "app", app);
      }
    }
    throw new IOException("no version of " + app + " can be loaded");
  }

  private AppVersion load(String app, Path dir) throws IOException {
    String version = dir.getFileName().toString();
    JsonObject meta =
        JsonParser.parseString(Files.readString(dir.resolve("version.json"))).getAsJsonObject();
    List<Path> classPath = new ArrayList<>();
    meta.getAsJsonArray("classPath").forEach(e -> classPath.add(dir.resolve(e.getAsString())));
    FunctionIndex index;
    try (ZipFile classes = new ZipFile(classPath.get(0).toFile());
        InputStreamReader in =
            new InputStreamReader(
                classes.getInputStream(classes.getEntry(FunctionIndex.RESOURCE)),
                StandardCharsets.UTF_8)) {
      index = FunctionIndex.parse(in);
    }
    Instant deployedAt = Instant.parse(meta.get("deployedAt").getAsString());
    return versions.build(app, version, dir, deployedAt, index, classPath);
  }

  /**
   * Housekeeping: stops idle instances, enforces memory limits, deletes retired versions once
   * drained.
   */
  public void housekeeping(long idleNanos) {
    live.values().forEach(this::keepWarm);
    for (AppVersion v : withInstances()) {
      for (AppVersion.DeployedFunction f : v.functions()) {
        f.pool().stopIdle(idleNanos);
        f.pool().enforceMemoryLimits();
      }
    }
    for (Retired r : retired) {
      if (r.version.drained()) {
        retired.remove(r);
        deleteRetired(r);
      }
    }
  }

  /** Starts the instances {@code @Function(minInstances)} keeps ready that are missing. */
  private void keepWarm(AppVersion v) {
    for (AppVersion.DeployedFunction f : v.functions()) {
      f.pool()
          .keepWarm(
              e ->
                  log.warn(
                      "A warm instance of "
                          + f.name()
                          + " (minInstances = "
                          + f.pool().minInstances()
                          + ") did not start; retrying in 10 s: "
                          + e.getMessage(),
                      "app",
                      v.app(),
                      "version",
                      v.version()));
    }
  }

  private synchronized void deleteRetired(Retired r) {
    try {
      launcher.sandbox().files().uninstall(r.version.app(), r.version.version());
      FileTrees.delete(r.version.dir());
      Path appDir = r.version.dir().getParent().getParent();
      if (r.removed && !Files.exists(appDir.resolve("current"))) {
        FileTrees.delete(appDir);
      }
    } catch (IOException e) {
      log.warn("Cannot delete " + r.version.dir() + ": " + e, "app", r.version.app());
    }
  }

  /** Kills instances whose invocation ran past its function's timeout. */
  public void enforceDeadlines() {
    for (AppVersion v : withInstances()) {
      for (AppVersion.DeployedFunction f : v.functions()) {
        f.pool().enforceDeadlines();
      }
    }
  }

  /** Kills every instance (shutdown). */
  public void killAll() {
    for (AppVersion v : withInstances()) {
      v.functions().forEach(f -> f.pool().killAll());
    }
  }

  /** Pools of all live versions, for triggers that look functions up. */
  public List<InstancePool> pools() {
    List<InstancePool> pools = new ArrayList<>();
    live.values().forEach(v -> v.functions().forEach(f -> pools.add(f.pool())));
    return pools;
  }

  private static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (var in = Files.newInputStream(file)) {
        byte[] buffer = new byte[65536];
        int n;
        while ((n = in.read(buffer)) > 0) {
          digest.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Retired(AppVersion version, boolean removed) {}
}
