package io.skyhop.tooling.pack.knative;

import io.skyhop.api.Auth;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionIndex;
import io.skyhop.core.Trigger;
import io.skyhop.tooling.ConfigurationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An app as the {@code knative} target runs it: its HTTP functions behind one Knative Service, its
 * schedule functions as one Kubernetes CronJob each, its queue functions behind a second,
 * cluster-local Service ({@code <app>-queues}) fed by one Knative Eventing Trigger each. HTTP
 * functions with {@code Auth.FUNCTION} take their keys from the Kubernetes Secret {@code
 * <app>-function-keys}, which deploy creates and the Service mounts. Refused: storage functions
 * (the target has no storage trigger).
 *
 * @param app the app name, which names the Service
 * @param version the project version
 * @param http the HTTP functions
 * @param schedules the schedule functions
 * @param queues the queue functions
 * @param minInstances each function's {@code @Function(minInstances)}, where set
 */
public record KnativeApp(
    String app,
    String version,
    List<FunctionDef> http,
    List<FunctionDef> schedules,
    List<FunctionDef> queues,
    Map<String, Integer> minInstances) {

  /** An app whose functions keep no instance ready. */
  public KnativeApp(
      String app,
      String version,
      List<FunctionDef> http,
      List<FunctionDef> schedules,
      List<FunctionDef> queues) {
    this(app, version, http, schedules, queues, Map.of());
  }

  /** The memory the runtime's own JVM (front door, admin API) needs next to one worker. */
  public static final int RUNTIME_OVERHEAD_MB = 256;

  /** Knative's default {@code max-revision-timeout-seconds}. */
  public static final int KNATIVE_MAX_TIMEOUT = 600;

  /** Kubernetes names: a DNS-1035 label. */
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");

  /** CronJob names are at most 52 characters (Kubernetes appends a suffix to its Jobs). */
  static final int MAX_CRONJOB_NAME = 52;

  /** Service and Trigger names are DNS labels: at most 63 characters. */
  static final int MAX_NAME = 63;

  /** The Secret of the function keys is named the app's, then this. */
  static final String FUNCTION_KEYS_SUFFIX = "-function-keys";

  /** The queue Service's name is the app's, then this. */
  static final String QUEUES_SUFFIX = "-queues";

  /**
   * Sorts the functions of an index by how the target runs them.
   *
   * @throws ConfigurationException naming every function the target cannot run, or a bad app name
   */
  public static KnativeApp of(String app, String version, FunctionIndex index) {
    checkAppName(app);
    List<FunctionDef> http = new ArrayList<>();
    List<FunctionDef> schedules = new ArrayList<>();
    List<FunctionDef> queues = new ArrayList<>();
    Map<String, FunctionDef> consumers = new HashMap<>();
    List<String> refused = new ArrayList<>();
    for (FunctionDef f : index.functions()) {
      if (f.trigger() instanceof Trigger.Http) {
        http.add(f);
      } else if (f.trigger() instanceof Trigger.Schedule) {
        schedules.add(f);
        checkName(app, cronJobName(app, f), "the CronJob", f, MAX_CRONJOB_NAME);
      } else if (f.trigger() instanceof Trigger.Queue q) {
        FunctionDef other = consumers.putIfAbsent(q.queue(), f);
        if (other != null) {
          refused.add(sharedQueue(f, q, other));
          continue;
        }
        queues.add(f);
        checkName(app, queuesService(app), "the queue Service", f, MAX_NAME);
        checkName(app, triggerName(app, f), "the Trigger", f, MAX_NAME);
      } else if (f.trigger() instanceof Trigger.Storage s) {
        refused.add(
            f.name()
                + " (@StorageTrigger '"
                + s.bucket()
                + "': the knative target has no storage trigger)");
      }
    }
    if (!refused.isEmpty()) {
      throw new ConfigurationException(
          "skyhop.targets",
          "knative",
          "cannot run "
              + String.join(", ", refused)
              + ". Fix: remove knative from skyhop.targets, or keep these functions in a project"
              + " deployed to another target (aws, azure, gcp, local)");
    }
    Map<String, Integer> minInstances = new HashMap<>();
    for (FunctionDef f : index.functions()) {
      if (index.levers(f.name()).minInstances() > 0) {
        minInstances.put(f.name(), index.levers(f.name()).minInstances());
      }
    }
    return new KnativeApp(
        app,
        version,
        List.copyOf(http),
        List.copyOf(schedules),
        List.copyOf(queues),
        Map.copyOf(minInstances));
  }

  private static void checkAppName(String app) {
    if (app.length() > MAX_NAME || !DNS_LABEL.matcher(app).matches()) {
      throw new ConfigurationException(
          "skyhop.app",
          app,
          "is not a valid Knative Service name: use at most 63 lower-case letters, digits and"
              + " dashes, starting with a letter and not ending with a dash. Fix: set"
              + " -Dskyhop.app=<name>");
    }
  }

  private static String sharedQueue(FunctionDef f, Trigger.Queue q, FunctionDef other) {
    return f.name()
        + " (@QueueTrigger '"
        + q.queue()
        + "': "
        + other.name()
        + " consumes that queue too, and the runtime gives each queue's events to one"
        + " function; give each function its own queue)";
  }

  private static void checkName(String app, String name, String what, FunctionDef f, int max) {
    if (name.length() > max) {
      throw new ConfigurationException(
          "skyhop.app",
          app,
          "makes the name '"
              + name
              + "' of "
              + what
              + " of function "
              + f.name()
              + " longer than Kubernetes' "
              + max
              + " characters. Fix: shorten skyhop.app or the function's name");
    }
  }

  /** The CronJob that runs a schedule function: {@code <app>-<function>}. */
  public static String cronJobName(String app, FunctionDef f) {
    return app + "-" + f.name();
  }

  /** The Knative Service of the queue functions: {@code <app>-queues}. */
  public static String queuesService(String app) {
    return app + QUEUES_SUFFIX;
  }

  /** The Trigger that feeds a queue function: {@code <app>-<function>}. */
  public static String triggerName(String app, FunctionDef f) {
    return app + "-" + f.name();
  }

  /**
   * The Secret holding one key per {@code Auth.FUNCTION} function (data key: the function's name):
   * {@code <app>-function-keys}.
   */
  public static String functionKeysSecret(String app) {
    return app + FUNCTION_KEYS_SUFFIX;
  }

  /** The HTTP functions that need a key ({@code Auth.FUNCTION}). */
  public List<FunctionDef> keyed() {
    return keyed(http);
  }

  /** The functions of {@code functions} that need a key. */
  static List<FunctionDef> keyed(List<FunctionDef> functions) {
    return functions.stream()
        .filter(f -> f.trigger() instanceof Trigger.Http h && h.auth() == Auth.FUNCTION)
        .toList();
  }

  /** The HTTP Service's request timeout: the longest of its functions'. */
  public int timeoutSeconds() {
    return timeoutSeconds(http);
  }

  /** The HTTP Service's memory: the largest function's, plus the runtime's own. */
  public int serviceMemoryMb() {
    return memoryMb(http);
  }

  /** The HTTP Service's {@code max-scale} (see {@link #maxScale(List)}). */
  public int maxScale() {
    return maxScale(http);
  }

  /** A Service's request timeout: the longest of its functions'. */
  static int timeoutSeconds(List<FunctionDef> functions) {
    return functions.stream().mapToInt(FunctionDef::timeoutSeconds).max().orElse(30);
  }

  /** A Service's memory: the largest of its functions', plus the runtime's own. */
  static int memoryMb(List<FunctionDef> functions) {
    return functions.stream().mapToInt(FunctionDef::memoryMb).max().orElse(0) + RUNTIME_OVERHEAD_MB;
  }

  /**
   * A Service's {@code min-scale}: one pod serves all its functions, so the largest of their {@code
   * minInstances} (0: scale to zero).
   */
  int minScale(List<FunctionDef> functions) {
    int min = 0;
    for (FunctionDef f : functions) {
      min = Math.max(min, minInstances.getOrDefault(f.name(), 0));
    }
    return min;
  }

  /**
   * A Service's {@code max-scale}: with one request per pod, the sum of its functions' {@code
   * maxConcurrency}, or 0 (unlimited) when one of them keeps the provider default.
   */
  static int maxScale(List<FunctionDef> functions) {
    int sum = 0;
    for (FunctionDef f : functions) {
      if (f.maxConcurrency() <= 0) {
        return 0;
      }
      sum += f.maxConcurrency();
    }
    return sum;
  }
}
