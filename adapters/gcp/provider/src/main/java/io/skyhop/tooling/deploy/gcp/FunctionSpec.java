package io.skyhop.tooling.deploy.gcp;

import com.google.cloud.functions.v2.BuildConfig;
import com.google.cloud.functions.v2.Environment;
import com.google.cloud.functions.v2.EventFilter;
import com.google.cloud.functions.v2.EventTrigger;
import com.google.cloud.functions.v2.Function;
import com.google.cloud.functions.v2.SecretEnvVar;
import com.google.cloud.functions.v2.ServiceConfig;
import io.skyhop.api.cron.CronExpression;
import io.skyhop.core.Secrets;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.ResourceBindings;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.gcp.GcpNames;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.gcp.GcpEntry;
import io.skyhop.tooling.runtime.JavaRuntimes;
import io.skyhop.tooling.secret.SecretNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one Skyhop function should be on Cloud Functions (2nd gen): the function resource without
 * its source, whether it is public, and its Cloud Scheduler job for schedules.
 *
 * @param skyhopName the Skyhop function name
 * @param id the Cloud Functions id, {@code <app>-<function>}
 * @param function the desired resource (no {@code buildConfig.source}; labels without the code
 *     hash)
 * @param isPublic whether {@code allUsers} may invoke it ({@code Auth.ANONYMOUS} HTTP functions)
 * @param schedule the schedule, for schedule functions
 * @param httpPath the path template, for HTTP functions
 * @param trigger how the function is reached, for the plan and the record
 */
public record FunctionSpec(
    String skyhopName,
    String id,
    Function function,
    boolean isPublic,
    Optional<Schedule> schedule,
    Optional<String> httpPath,
    String trigger) {

  /** Label: who manages the resource. */
  public static final String LABEL_MANAGED_BY = "managed-by";

  /** Label: the Skyhop app that owns the function; {@code skyhop:remove} deletes by it. */
  public static final String LABEL_APP = "skyhop-app";

  /** Label: the Skyhop function name. */
  public static final String LABEL_FUNCTION = "skyhop-function";

  /**
   * Label: the first 60 hex digits of the SHA-256 of the uploaded zip (label values hold at most 63
   * characters), compared to skip an unchanged upload.
   */
  public static final String LABEL_CODE = "skyhop-code-sha256";

  /** Pub/Sub: a message was published to the topic. */
  public static final String PUBSUB_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";

  /** Cloud Storage: an object was created or overwritten. */
  public static final String STORAGE_FINALIZED = "google.cloud.storage.object.v1.finalized";

  /** Cloud Storage: an object was deleted. */
  public static final String STORAGE_DELETED = "google.cloud.storage.object.v1.deleted";

  /** Event functions time out after at most 540 s on Cloud Functions (HTTP: 3600 s). */
  static final int MAX_EVENT_TIMEOUT = 540;

  /**
   * A Cloud Scheduler job calling a schedule function.
   *
   * @param jobId the job id, {@code <app>-<function>}
   * @param cron the cron in Cloud Scheduler's dialect
   * @param timeZone the IANA time zone
   */
  public record Schedule(String jobId, String cron, String timeZone) {}

  /**
   * The desired state of a manifest function.
   *
   * @throws ConfigurationException when the function cannot run on Cloud Functions as configured
   */
  public static FunctionSpec of(
      GcpSettings gcp, Manifest manifest, String app, Manifest.Function fn) {
    return of(gcp, manifest, Naming.of(app), fn);
  }

  /**
   * The desired state of a manifest function of an app's stage: id {@code <app>[-<stage>]-<name>}
   * ({@link GcpNames#function}), labels {@code skyhop-app} and {@code skyhop-stage}.
   *
   * @throws ConfigurationException when the function cannot run on Cloud Functions as configured
   */
  public static FunctionSpec of(
      GcpSettings gcp, Manifest manifest, Naming naming, Manifest.Function fn) {
    return of(gcp, manifest, naming, new ResourceBindings(Map.of()), fn);
  }

  /**
   * The desired state of a manifest function of an app's stage, its Pub/Sub topic or Cloud Storage
   * bucket bound with {@code skyhop.resources.<logical>} when set ({@link GcpResources}).
   *
   * @throws ConfigurationException when the function cannot run on Cloud Functions as configured
   */
  public static FunctionSpec of(
      GcpSettings gcp,
      Manifest manifest,
      Naming naming,
      ResourceBindings bindings,
      Manifest.Function fn) {
    String id = id(naming, fn.name());
    String app = naming.app();
    Optional<String> stage = naming.stage();
    GcpEntry target = fn.target("gcp", GcpEntry.class);
    checkSignature(fn, target.signatureType(), fn.triggerType());

    BuildConfig.Builder build =
        BuildConfig.newBuilder()
            .setRuntime(runtime(target, manifest.javaRelease()))
            .setEntryPoint(
                string(target.entryPoint())
                    .orElseThrow(
                        () ->
                            new ConfigurationException(
                                "skyhop.targets",
                                "manifest.json has no targets.gcp.entryPoint for function "
                                    + fn.name()
                                    + ". Fix: run 'mvn package' again with gcp in"
                                    + " skyhop.targets")));
    ServiceConfig.Builder service =
        ServiceConfig.newBuilder()
            .setAvailableMemory(fn.memoryMb() + "M")
            .setTimeoutSeconds(fn.timeoutSeconds())
            .putAllEnvironmentVariables(env(fn));
    if (fn.maxConcurrency() > 0) {
      service.setMaxInstanceCount(fn.maxConcurrency());
    }
    // @Function(minInstances): Cloud Run keeps them started (idle ones billed at idle rates)
    service.setMinInstanceCount(fn.leversOrNone().minInstances());
    for (String name : fn.secrets()) {
      service.addSecretEnvironmentVariables(
          SecretEnvVar.newBuilder()
              .setKey(Secrets.envKey(name))
              .setProjectId(gcp.project())
              .setSecret(SecretNames.gcp(app, stage, name))
              .setVersion("latest"));
    }
    Function.Builder function =
        Function.newBuilder()
            .setName(gcp.parent() + "/functions/" + id)
            .setDescription("Skyhop function " + fn.name() + " of " + naming.prefix())
            .setEnvironment(Environment.GEN_2)
            .setBuildConfig(build)
            .setServiceConfig(service)
            .putLabels(LABEL_MANAGED_BY, "skyhop")
            .putAllLabels(GcpNames.of(naming).labels())
            .putLabels(LABEL_FUNCTION, fn.name());

    Reach reach = reach(new GcpResources(gcp, naming, bindings), id, fn);
    reach.eventTrigger().ifPresent(function::setEventTrigger);
    return new FunctionSpec(
        fn.name(),
        id,
        function.build(),
        reach.isPublic(),
        reach.schedule(),
        reach.httpPath(),
        reach.description());
  }

  /**
   * This spec running as {@code email}: {@code serviceConfig.serviceAccountEmail} and, for an event
   * function, its Eventarc trigger's {@code eventTrigger.serviceAccountEmail}.
   */
  public FunctionSpec withServiceAccount(String email) {
    Function.Builder b = function.toBuilder();
    b.getServiceConfigBuilder().setServiceAccountEmail(email);
    if (b.hasEventTrigger()) {
      b.getEventTriggerBuilder().setServiceAccountEmail(email);
    }
    return new FunctionSpec(skyhopName, id, b.build(), isPublic, schedule, httpPath, trigger);
  }

  /** How a function is reached: the trigger's part of the spec. */
  private record Reach(
      boolean isPublic,
      Optional<Schedule> schedule,
      Optional<String> httpPath,
      Optional<EventTrigger> eventTrigger,
      String description) {}

  private static Reach reach(GcpResources resources, String id, Manifest.Function fn) {
    Manifest.Trigger trigger = fn.trigger();
    switch (fn.triggerType()) {
      case "http" -> {
        boolean isPublic = !trigger.functionKey();
        return new Reach(
            isPublic,
            Optional.empty(),
            string(trigger.path()),
            Optional.empty(),
            isPublic ? "public HTTP" : "HTTP, callers need roles/run.invoker");
      }
      case "schedule" -> {
        String cron =
            CloudSchedulerCron.of(CronExpression.parse(string(trigger.cron()).orElseThrow()));
        String tz = string(trigger.timezone()).orElse("UTC");
        return new Reach(
            false,
            Optional.of(new Schedule(id, cron, tz)),
            Optional.empty(),
            Optional.empty(),
            "Cloud Scheduler job " + id + " (" + cron + " " + tz + ")");
      }
      case "queue" -> {
        checkEventTimeout(fn);
        String topic = resources.topic(string(trigger.queue()).orElseThrow());
        EventTrigger event =
            EventTrigger.newBuilder()
                .setEventType(PUBSUB_PUBLISHED)
                .setPubsubTopic(topic)
                .setRetryPolicy(EventTrigger.RetryPolicy.RETRY_POLICY_RETRY)
                .build();
        return new Reach(
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.of(event),
            "Pub/Sub topic " + topic);
      }
      case "storage" -> {
        checkEventTimeout(fn);
        String bucket = resources.bucket(string(trigger.bucket()).orElseThrow());
        String eventType = storageEventType(fn, trigger);
        EventTrigger event =
            EventTrigger.newBuilder()
                .setEventType(eventType)
                .addEventFilters(EventFilter.newBuilder().setAttribute("bucket").setValue(bucket))
                .build();
        return new Reach(
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.of(event),
            "Cloud Storage bucket " + bucket + " (" + eventType + ")");
      }
      default ->
          throw new ConfigurationException(
              "manifest.json",
              fn.triggerType(),
              "is not a trigger type the gcp deployer knows (function "
                  + fn.name()
                  + "). Fix: package and deploy with the same Skyhop version");
    }
  }

  /**
   * The Cloud Functions id of a function, {@code <app>-<function>}.
   *
   * @throws ConfigurationException when it is not a valid id (4–63 lower-case letters, digits and
   *     hyphens, starting with a letter)
   */
  static String id(Naming naming, String function) {
    if (!naming.app().matches("[a-z][a-z0-9-]*")) {
      return id(naming.app(), function); // refuses the app name with the rule
    }
    return GcpNames.of(naming).function(function);
  }

  /**
   * The Cloud Functions id of a function without a stage, {@code <app>-<function>}.
   *
   * @throws ConfigurationException when it is not a valid id (4–63 lower-case letters, digits and
   *     hyphens, starting with a letter)
   */
  public static String id(String app, String function) {
    String id = app + "-" + function;
    if (!id.matches("[a-z][a-z0-9-]{2,61}[a-z0-9]")) {
      throw new ConfigurationException(
          "skyhop.app",
          app,
          "gives the Cloud Functions id '"
              + id
              + "', but ids are 4 to 63 lower-case letters, digits and hyphens, starting with a"
              + " letter. Fix: set skyhop.app to a short lower-case name");
    }
    return id;
  }

  /** The Skyhop environment of the function: its fixed env, then what the gcp adapter needs. */
  static Map<String, String> env(Manifest.Function fn) {
    Map<String, String> env = new TreeMap<>();
    if (fn.env() != null) {
      env.putAll(fn.env());
    }
    env.putAll(fn.targetEnv("gcp"));
    return env;
  }

  private static String runtime(GcpEntry target, int javaRelease) {
    Optional<String> runtime = string(target.runtime());
    if (runtime.isPresent()) {
      return runtime.get();
    }
    return JavaRuntimes.builtIn().runtime(Target.named("gcp"), javaRelease).id();
  }

  private static void checkSignature(Manifest.Function fn, String signature, String type) {
    String expected = type.equals("queue") || type.equals("storage") ? "cloudevent" : "http";
    if (signature != null && !signature.equals(expected)) {
      throw new ConfigurationException(
          "manifest.json",
          signature,
          "is the signature type of function "
              + fn.name()
              + ", but a "
              + type
              + " trigger on Cloud Functions needs '"
              + expected
              + "'. Fix: run 'mvn package' again so that the manifest matches the code");
    }
  }

  private static void checkEventTimeout(Manifest.Function fn) {
    if (fn.timeoutSeconds() > MAX_EVENT_TIMEOUT) {
      throw new ConfigurationException(
          "@Function(timeoutSeconds)",
          String.valueOf(fn.timeoutSeconds()),
          "is the timeout of event function "
              + fn.name()
              + ", but Cloud Functions allows event functions at most "
              + MAX_EVENT_TIMEOUT
              + " s. Fix: set timeoutSeconds to "
              + MAX_EVENT_TIMEOUT
              + " or less");
    }
  }

  private static String storageEventType(Manifest.Function fn, Manifest.Trigger trigger) {
    List<String> list = trigger.events() == null ? List.of("CREATED") : trigger.events();
    if (list.size() != 1) {
      throw new ConfigurationException(
          "@StorageTrigger(events)",
          list.toString(),
          "are the events of function "
              + fn.name()
              + ", but a Cloud Function has one event trigger. Fix: split it into one function"
              + " per event type");
    }
    return "DELETED".equals(list.get(0)) ? STORAGE_DELETED : STORAGE_FINALIZED;
  }

  private static Optional<String> string(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
