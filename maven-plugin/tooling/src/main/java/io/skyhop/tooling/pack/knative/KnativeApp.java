package io.skyhop.tooling.pack.knative;

import io.skyhop.api.Auth;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionIndex;
import io.skyhop.core.Trigger;
import io.skyhop.tooling.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An app as the {@code knative} target runs it: its HTTP functions behind one Knative Service, its
 * schedule functions as one Kubernetes CronJob each. Refused: queue functions (queues on Knative
 * need a Knative Eventing broker), storage functions (the target has no storage trigger) and HTTP
 * functions with {@code Auth.FUNCTION} (keys are per runtime instance, not shared by pods).
 *
 * @param app the app name, which names the Service
 * @param version the project version
 * @param http the HTTP functions
 * @param schedules the schedule functions
 */
public record KnativeApp(
    String app, String version, List<FunctionDef> http, List<FunctionDef> schedules) {
  /** The memory the runtime's own JVM (front door, admin API) needs next to one worker. */
  public static final int RUNTIME_OVERHEAD_MB = 256;

  /** Knative's default {@code max-revision-timeout-seconds}. */
  public static final int KNATIVE_MAX_TIMEOUT = 600;

  /** Kubernetes names: a DNS-1035 label. */
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");

  /** CronJob names are at most 52 characters (Kubernetes appends a suffix to its Jobs). */
  static final int MAX_CRONJOB_NAME = 52;

  /**
   * Sorts the functions of an index by how the target runs them.
   *
   * @throws ConfigurationException naming every function the target cannot run, or a bad app name
   */
  public static KnativeApp of(String app, String version, FunctionIndex index) {
    if (app.length() > 63 || !DNS_LABEL.matcher(app).matches()) {
      throw new ConfigurationException(
          "skyhop.app",
          app,
          "is not a valid Knative Service name: use at most 63 lower-case letters, digits and"
              + " dashes, starting with a letter and not ending with a dash. Fix: set"
              + " -Dskyhop.app=<name>");
    }
    List<FunctionDef> http = new ArrayList<>();
    List<FunctionDef> schedules = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (FunctionDef f : index.functions()) {
      if (f.trigger() instanceof Trigger.Http h && h.auth() == Auth.FUNCTION) {
        refused.add(
            f.name()
                + " (@HttpTrigger auth FUNCTION: function keys live in each runtime instance, so"
                + " the pods of a Service would not share them; use Auth.ANONYMOUS behind the"
                + " cluster's ingress authentication)");
      } else if (f.trigger() instanceof Trigger.Http) {
        http.add(f);
      } else if (f.trigger() instanceof Trigger.Schedule) {
        schedules.add(f);
        checkCronJobName(app, f);
      } else if (f.trigger() instanceof Trigger.Queue q) {
        refused.add(
            f.name()
                + " (@QueueTrigger '"
                + q.queue()
                + "': queues on Knative need a Knative Eventing broker, not supported yet)");
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
    return new KnativeApp(app, version, List.copyOf(http), List.copyOf(schedules));
  }

  private static void checkCronJobName(String app, FunctionDef f) {
    String name = cronJobName(app, f);
    if (name.length() > MAX_CRONJOB_NAME) {
      throw new ConfigurationException(
          "skyhop.app",
          app,
          "makes the CronJob name '"
              + name
              + "' of schedule function "
              + f.name()
              + " longer than Kubernetes' "
              + MAX_CRONJOB_NAME
              + " characters. Fix: shorten skyhop.app or the function's name");
    }
  }

  /** The CronJob that runs a schedule function: {@code <app>-<function>}. */
  public static String cronJobName(String app, FunctionDef f) {
    return app + "-" + f.name();
  }

  /** The Service's request timeout: the longest of its functions'. */
  public int timeoutSeconds() {
    return http.stream().mapToInt(FunctionDef::timeoutSeconds).max().orElse(30);
  }

  /** The Service's memory: the largest function's, plus the runtime's own. */
  public int serviceMemoryMb() {
    return http.stream().mapToInt(FunctionDef::memoryMb).max().orElse(0) + RUNTIME_OVERHEAD_MB;
  }

  /**
   * The Service's {@code max-scale}: with one request per pod, the sum of its functions' {@code
   * maxConcurrency}, or 0 (unlimited) when one of them keeps the provider default.
   */
  public int maxScale() {
    int sum = 0;
    for (FunctionDef f : http) {
      if (f.maxConcurrency() <= 0) {
        return 0;
      }
      sum += f.maxConcurrency();
    }
    return sum;
  }
}
