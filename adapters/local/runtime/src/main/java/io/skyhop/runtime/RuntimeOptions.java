package io.skyhop.runtime;

import io.skyhop.runtime.http.FrontDoor;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runtime's settings, from the command line.
 *
 * @param port the HTTP port (0 picks a free one)
 * @param bind the address to listen on
 * @param dataDir where deployments, queues, buckets, logs and the admin token live
 * @param idleSeconds how long an idle instance lives before it is stopped (scale to zero)
 * @param maxBodyBytes the largest request body an HTTP function accepts (413 above)
 * @param queueWaitMillis how long a request waits for a free instance before a 429
 * @param defaultMaxConcurrency instances per function when the function sets none
 * @param maxAttempts deliveries of a queue message before it goes to the dead-letter queue
 * @param retryBaseMillis the first retry delay of a failed message, doubled on each attempt
 * @param cds whether workers use class-data sharing archives
 * @param queueEnv whether workers get the queue endpoint and their app's queues token ({@code
 *     SKYHOP_QUEUES_URL}, {@code SKYHOP_QUEUES_TOKEN}) to enqueue from functions
 * @param cloudEvents whether queue functions also take CloudEvents pushed to {@code POST
 *     /_skyhop/events/queues/<queue>}, without authentication (a Knative Trigger's subscriber)
 * @param target the target id functions see in {@code Context.target()}: {@code local}, or {@code
 *     knative} when the runtime serves one app inside a Knative Service
 * @param functionKeys a directory holding the key of each {@code Auth.FUNCTION} function in a file
 *     named after it (a mounted Kubernetes Secret): keys are read from there, never created, and a
 *     function whose file is missing is refused; empty: keys are created and kept in the data
 *     directory
 * @param workerUser whom workers run as: {@code auto} (a user per app when the runtime is root,
 *     else the runtime's user), {@code runtime}, or the first uid of the per-app users
 * @param workDir where workers' files live (outside the data directory); empty: a directory in the
 *     system's temporary directory named after the data directory
 * @param tls the certificate and key the front door serves HTTPS with; empty: plain HTTP
 * @param shared whether each app's functions run in one shared worker JVM (its own class loader)
 *     rather than a JVM per instance: for a single trusted app ({@value #SHARED})
 */
public record RuntimeOptions(
    int port,
    String bind,
    Path dataDir,
    int idleSeconds,
    long maxBodyBytes,
    long queueWaitMillis,
    int defaultMaxConcurrency,
    int maxAttempts,
    long retryBaseMillis,
    boolean cds,
    boolean queueEnv,
    boolean cloudEvents,
    String target,
    Optional<Path> functionKeys,
    String workerUser,
    Optional<Path> workDir,
    Optional<FrontDoor.TlsFiles> tls,
    boolean shared) {

  /** The targets this runtime serves as, for {@code --target}. */
  public static final List<String> TARGETS = List.of("local", "knative");

  /** The flag that keeps the queue endpoint and token out of workers' environment. */
  public static final String NO_QUEUE_ENV = "--no-queue-env";

  /** The option naming the directory of the function keys. */
  public static final String FUNCTION_KEYS = "--function-keys";

  /** The option choosing whom workers run as. */
  public static final String WORKER_USER = "--worker-user";

  /** The flag that runs each app's functions in one shared worker JVM. */
  public static final String SHARED = "--shared";

  /** The flag that opens the CloudEvents endpoint of queue functions. */
  public static final String CLOUDEVENTS = "--cloudevents";

  /** The usage text. */
  public static final String USAGE =
      String.join(
          System.lineSeparator(),
          "Usage: java -jar skyhop-runtime.jar [options]",
          "  --port N               HTTP port (default 8080; 0 = any free port)",
          "  --bind ADDRESS         address to listen on (default 127.0.0.1)",
          "  --data DIR             data directory (default ./skyhop-data)",
          "  --idle-seconds N       stop instances idle for N seconds (default 60)",
          "  --max-body-bytes N     largest HTTP request body (default 6291456 = 6 MB)",
          "  --queue-wait-ms N      wait for a free instance before 429 (default 5000)",
          "  --max-concurrency N    instances per function when it sets none (default 10)",
          "  --max-attempts N       deliveries before a message is dead-lettered (default 5)",
          "  --retry-base-ms N      first retry delay of a failed message (default 1000)",
          "  --target ID            what functions see as Context.target(): local (default)",
          "                         or knative",
          "  --function-keys DIR    read the key of each Auth.FUNCTION function from",
          "                         DIR/<function> (a mounted Secret), never create one; a",
          "                         missing one fails the deploy",
          "  --worker-user MODE     whom workers run as: auto (default: a user of its own per",
          "                         app, uids from 61000, when the runtime is root; else the",
          "                         runtime's user), runtime, or the first uid of the per-app",
          "                         users (needs root and setpriv)",
          "  --work-dir DIR         workers' files, outside the data directory (default",
          "                         <tmp>/skyhop-work-<hash of the data directory>)",
          "  --tls-cert FILE        serve HTTPS with this PEM certificate chain (with --tls-key)",
          "  --tls-key FILE         the certificate's PKCS#8 PEM private key",
          "  --no-cds               do not use class-data sharing archives for workers",
          "  --no-queue-env         do not give functions SKYHOP_QUEUES_URL and SKYHOP_QUEUES_TOKEN",
          "  --shared               run each app's functions in one worker JVM (a class loader of",
          "                         its own, many calls at a time), not a JVM per instance: only",
          "                         for one trusted app (e.g. on knative); see docs/runtime.md",
          "  --cloudevents          queue functions also take CloudEvents POSTed to",
          "                         /_skyhop/events/queues/<queue>, WITHOUT authentication: only",
          "                         where the port is private (a cluster-local Knative Service)");

  /**
   * Parses command-line arguments.
   *
   * @throws UsageException naming the bad option and the fix
   */
  public static RuntimeOptions parse(String... args) {
    Map<String, String> values = new HashMap<>();
    boolean cds = true;
    boolean queueEnv = true;
    boolean cloudEvents = false;
    boolean shared = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--no-cds")) {
        cds = false;
      } else if (option.equals(NO_QUEUE_ENV)) {
        queueEnv = false;
      } else if (option.equals(CLOUDEVENTS)) {
        cloudEvents = true;
      } else if (option.equals(SHARED)) {
        shared = true;
      } else if (option.equals("--help") || option.equals("-h")) {
        throw new UsageException(USAGE);
      } else if (!OPTIONS.contains(option)) {
        throw new UsageException("Unknown option " + option + "." + System.lineSeparator() + USAGE);
      } else if (i + 1 >= args.length) {
        throw new UsageException(
            "Option " + option + " needs a value." + System.lineSeparator() + USAGE);
      } else {
        values.put(option, args[++i]);
      }
    }
    return new RuntimeOptions(
        number(values, "--port", 8080, 0, 65535),
        values.getOrDefault("--bind", "127.0.0.1"),
        Path.of(values.getOrDefault("--data", "skyhop-data")),
        number(values, "--idle-seconds", 60, 1, 86_400),
        number(values, "--max-body-bytes", 6 << 20, 1, Integer.MAX_VALUE),
        number(values, "--queue-wait-ms", 5000, 0, 600_000),
        number(values, "--max-concurrency", 10, 1, 1000),
        number(values, "--max-attempts", 5, 1, 1000),
        number(values, "--retry-base-ms", 1000, 1, 3_600_000),
        cds,
        queueEnv,
        cloudEvents,
        target(values.getOrDefault("--target", "local")),
        Optional.ofNullable(values.get(FUNCTION_KEYS)).map(Path::of),
        workerUser(values.getOrDefault(WORKER_USER, "auto")),
        Optional.ofNullable(values.get("--work-dir")).map(Path::of),
        tls(values.get("--tls-cert"), values.get("--tls-key")),
        shared);
  }

  private static final List<String> OPTIONS =
      List.of(
          "--port",
          "--bind",
          "--data",
          "--idle-seconds",
          "--max-body-bytes",
          "--queue-wait-ms",
          "--max-concurrency",
          "--max-attempts",
          "--retry-base-ms",
          "--target",
          FUNCTION_KEYS,
          WORKER_USER,
          "--work-dir",
          "--tls-cert",
          "--tls-key");

  private static Optional<FrontDoor.TlsFiles> tls(String cert, String key) {
    if (cert == null && key == null) {
      return Optional.empty();
    }
    if (cert == null || key == null) {
      throw new UsageException(
          (cert == null ? "--tls-key" : "--tls-cert")
              + " is set without "
              + (cert == null ? "--tls-cert" : "--tls-key")
              + ". Fix: give both, the certificate chain and its private key (PEM files)");
    }
    return Optional.of(new FrontDoor.TlsFiles(Path.of(cert), Path.of(key)));
  }

  private static String workerUser(String value) {
    if (value.equals("auto") || value.equals("runtime")) {
      return value;
    }
    try {
      int uid = Integer.parseInt(value.trim());
      if (uid >= 1000 && uid <= 2_000_000_000) {
        return Integer.toString(uid);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        WORKER_USER
            + " = '"
            + value
            + "' is not a mode. Fix: use auto, runtime, or a first uid from 1000 to 2000000000");
  }

  private static String target(String value) {
    if (!TARGETS.contains(value)) {
      throw new UsageException(
          "--target = '"
              + value
              + "' is not a target this runtime serves as. Fix: use one of "
              + TARGETS);
    }
    return value;
  }

  private static int number(
      Map<String, String> values, String option, int fallback, int min, int max) {
    String value = values.get(option);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        option + " = '" + value + "' is not a number from " + min + " to " + max + ".");
  }

  /** A bad command line; the message says what is wrong and shows the usage. */
  public static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An error with its message. */
    public UsageException(String message) {
      super(message);
    }
  }
}
