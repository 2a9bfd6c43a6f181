package io.skyhop.tooling.pack;

import com.google.gson.annotations.SerializedName;
import io.skyhop.tooling.ConfigurationException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code target/skyhop/manifest.json}: what {@code skyhop:package} built, as every step after it
 * (deploy, remove, lab, report, logs, invoke, dev loop) reads it. {@link ManifestFile} reads and
 * writes it; the components' order is the order of the fields in the file.
 *
 * @param app the app name
 * @param version the project version
 * @param javaRelease the Java release
 * @param functions every function
 * @param packages per target id, its package archive and digest ({@link PackageArchives}); null in
 *     a manifest written before packages were attached (read them with {@link #packageDigests()})
 */
public record Manifest(
    String app,
    String version,
    int javaRelease,
    List<Function> functions,
    Map<String, PackageArchives.Digest> packages) {
  /** Copies the lists. */
  public Manifest {
    functions = functions == null ? List.of() : List.copyOf(functions);
    // absent from a manifest without packages, so such a file writes back byte for byte
    packages =
        packages == null || packages.isEmpty()
            ? null
            : Collections.unmodifiableMap(new TreeMap<>(packages));
  }

  /**
   * Per target id, its package archive and digest; empty when none was recorded ({@link
   * #packages()} is then null: the file leaves the field out).
   */
  public Map<String, PackageArchives.Digest> packageDigests() {
    return packages == null ? Map.of() : packages;
  }

  /** A manifest without package digests. */
  public Manifest(String app, String version, int javaRelease, List<Function> functions) {
    this(app, version, javaRelease, functions, Map.of());
  }

  /**
   * One function of the manifest.
   *
   * @param name the function name
   * @param className the class declaring it ({@code class} in the file)
   * @param method the method
   * @param trigger the trigger
   * @param memoryMb memory
   * @param timeoutSeconds timeout
   * @param maxConcurrency max instances, 0 = provider default
   * @param env fixed environment
   * @param secrets names of the secrets the function declares (never values)
   * @param targets per target id, its entry point, runtime and env
   * @param levers the cold-start levers it sets, null (absent from the file) when none
   * @param smoke its {@code @Smoke} request, null (absent from the file) when it names none
   */
  public record Function(
      String name,
      @SerializedName("class") String className,
      String method,
      Trigger trigger,
      int memoryMb,
      int timeoutSeconds,
      int maxConcurrency,
      Map<String, String> env,
      List<String> secrets,
      Map<String, TargetEntry> targets,
      FunctionLevers levers,
      FunctionSmoke smoke) {

    /** A manifest written before secrets existed has none; a missing env is empty. */
    public Function {
      env = env == null ? Map.of() : env;
      secrets = secrets == null ? List.of() : List.copyOf(secrets);
      targets = targets == null ? Map.of() : targets;
      levers = levers == null || levers.equals(FunctionLevers.NONE) ? null : levers;
    }

    /** A function that names no smoke request. */
    public Function(
        String name,
        String className,
        String method,
        Trigger trigger,
        int memoryMb,
        int timeoutSeconds,
        int maxConcurrency,
        Map<String, String> env,
        List<String> secrets,
        Map<String, TargetEntry> targets,
        FunctionLevers levers) {
      this(
          name,
          className,
          method,
          trigger,
          memoryMb,
          timeoutSeconds,
          maxConcurrency,
          env,
          secrets,
          targets,
          levers,
          null);
    }

    /** Its {@code @Smoke} request, empty when it names none. */
    public java.util.Optional<FunctionSmoke> smokeRequest() {
      return java.util.Optional.ofNullable(smoke);
    }

    /** A function that sets no cold-start lever. */
    public Function(
        String name,
        String className,
        String method,
        Trigger trigger,
        int memoryMb,
        int timeoutSeconds,
        int maxConcurrency,
        Map<String, String> env,
        List<String> secrets,
        Map<String, TargetEntry> targets) {
      this(
          name,
          className,
          method,
          trigger,
          memoryMb,
          timeoutSeconds,
          maxConcurrency,
          env,
          secrets,
          targets,
          null);
    }

    /**
     * The cold-start levers, {@link FunctionLevers#NONE} when it sets none ({@link #levers()} is
     * null then, so the file holds no {@code levers} entry).
     */
    public FunctionLevers leversOrNone() {
      return levers == null ? FunctionLevers.NONE : levers;
    }

    /** A function as tests and tools build it, without class and method. */
    public Function(
        String name,
        Trigger trigger,
        int memoryMb,
        int timeoutSeconds,
        int maxConcurrency,
        Map<String, String> env,
        Map<String, TargetEntry> targets,
        List<String> secrets) {
      this(
          name,
          null,
          null,
          trigger,
          memoryMb,
          timeoutSeconds,
          maxConcurrency,
          env,
          secrets,
          targets);
    }

    /** A function without secrets. */
    public Function(
        String name,
        Trigger trigger,
        int memoryMb,
        int timeoutSeconds,
        int maxConcurrency,
        Map<String, String> env,
        Map<String, TargetEntry> targets) {
      this(name, trigger, memoryMb, timeoutSeconds, maxConcurrency, env, targets, List.of());
    }

    /** The trigger type: http, schedule, queue or storage. */
    public String triggerType() {
      return trigger.type();
    }

    /**
     * A target's entry.
     *
     * @throws ConfigurationException naming {@code skyhop.targets} when the target was not packaged
     */
    public TargetEntry target(String id) {
      TargetEntry entry = targets.get(id);
      if (entry == null) {
        throw new ConfigurationException(
            "skyhop.targets",
            "The manifest has no '"
                + id
                + "' entry for function "
                + name
                + ". Fix: package with "
                + id
                + " in skyhop.targets");
      }
      return entry;
    }

    /** A target's entry as its record, e.g. {@code target("aws", AwsEntry.class).handler()}. */
    public <T extends TargetEntry> T target(String id, Class<T> type) {
      return type.cast(target(id));
    }

    /** The environment the target needs; none when its entry lists none. */
    public Map<String, String> targetEnv(String id) {
      Map<String, String> env = target(id).env();
      return env == null ? Map.of() : env;
    }
  }

  /**
   * A function's trigger; the fields of other trigger types are null (and absent from the file).
   *
   * @param type {@code http}, {@code schedule}, {@code queue} or {@code storage}
   * @param path http: the path template
   * @param methods http: the methods
   * @param auth http: {@code ANONYMOUS} or {@code FUNCTION}
   * @param cron schedule: the cron expression
   * @param timezone schedule: the time zone
   * @param queue queue: the queue name
   * @param bucket storage: the bucket name
   * @param events storage: the event types
   */
  public record Trigger(
      String type,
      String path,
      List<String> methods,
      String auth,
      String cron,
      String timezone,
      String queue,
      String bucket,
      List<String> events) {

    /** The trigger of a compiled function. */
    public static Trigger of(io.skyhop.core.Trigger trigger) {
      if (trigger instanceof io.skyhop.core.Trigger.Http http) {
        return http(
            http.path().template(),
            http.methods().stream().map(Enum::name).toList(),
            http.auth().name());
      } else if (trigger instanceof io.skyhop.core.Trigger.Schedule s) {
        return schedule(s.cron(), s.timezone());
      } else if (trigger instanceof io.skyhop.core.Trigger.Queue q) {
        return queue(q.queue());
      } else if (trigger instanceof io.skyhop.core.Trigger.Storage s) {
        return storage(s.bucket(), s.events().stream().map(Enum::name).toList());
      }
      throw new IllegalArgumentException("Unknown trigger type " + trigger.type());
    }

    /** An HTTP trigger. */
    public static Trigger http(String path, List<String> methods, String auth) {
      return new Trigger("http", path, methods, auth, null, null, null, null, null);
    }

    /** A schedule trigger. */
    public static Trigger schedule(String cron, String timezone) {
      return new Trigger("schedule", null, null, null, cron, timezone, null, null, null);
    }

    /** A queue trigger. */
    public static Trigger queue(String queue) {
      return new Trigger("queue", null, null, null, null, null, queue, null, null);
    }

    /** A storage trigger. */
    public static Trigger storage(String bucket, List<String> events) {
      return new Trigger("storage", null, null, null, null, null, null, bucket, events);
    }

    /** Whether an HTTP trigger requires a function key. */
    public boolean functionKey() {
      return "FUNCTION".equals(auth);
    }

    /** The schedule's time zone, UTC when none is set. */
    public String timezoneOrUtc() {
      return timezone == null ? "UTC" : timezone;
    }
  }
}
