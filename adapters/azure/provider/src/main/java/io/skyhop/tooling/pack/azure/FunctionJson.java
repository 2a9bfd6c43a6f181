package io.skyhop.tooling.pack.azure;

import io.skyhop.api.Auth;
import io.skyhop.api.StorageEvent;
import io.skyhop.api.cron.CronExpression;
import io.skyhop.api.cron.InvalidCronException;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.Trigger;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code function.json} of one function: the bindings exactly as Microsoft's
 * azure-functions-maven-plugin generates them for the equivalent hand-written method (same keys,
 * same order, same spellings), the {@code scriptFile} and the adapter's {@code entryPoint}.
 */
public final class FunctionJson {
  /** The adapter class whose methods are the entry points. */
  public static final String ENTRY_CLASS = "io.skyhop.azure.SkyhopFunctions";

  /** The app setting naming the storage account of queue and blob triggers. */
  public static final String CONNECTION = "AzureWebJobsStorage";

  /** The blob trigger's source on Flex Consumption, which runs no polling blob trigger. */
  public static final String BLOB_SOURCE = "EventGrid";

  private FunctionJson() {}

  /**
   * The app setting holding the physical name of a logical queue: {@code SKYHOP_QUEUE_<LOGICAL>}
   * ({@code function.json} names it as {@code %SKYHOP_QUEUE_<LOGICAL>%}, so one package serves
   * every stage; deploy writes the value).
   */
  public static String queueSetting(String logical) {
    return "SKYHOP_QUEUE_" + settingSuffix(logical);
  }

  /** The app setting holding the physical name of a logical bucket's blob container. */
  public static String containerSetting(String logical) {
    return "SKYHOP_CONTAINER_" + settingSuffix(logical);
  }

  /**
   * The queue and container settings of {@code functions} with their logical names as values: what
   * the Core Tools ({@code func start} against Azurite) resolve the binding expressions with.
   */
  public static Map<String, String> logicalNames(List<FunctionDef> functions) {
    Map<String, String> names = new java.util.TreeMap<>();
    for (FunctionDef f : functions) {
      if (f.trigger() instanceof Trigger.Queue q) {
        names.put(queueSetting(q.queue()), q.queue());
      } else if (f.trigger() instanceof Trigger.Storage s) {
        names.put(containerSetting(s.bucket()), s.bucket());
      }
    }
    return names;
  }

  private static String settingSuffix(String logical) {
    return logical.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /** The entry point of a function: the adapter method of its trigger kind. */
  public static String entryPoint(FunctionDef function) {
    Trigger t = function.trigger();
    String method;
    if (t instanceof Trigger.Http) {
      method = "http";
    } else if (t instanceof Trigger.Schedule) {
      method = "timer";
    } else if (t instanceof Trigger.Queue) {
      method = "queue";
    } else {
      method = "blob";
    }
    return ENTRY_CLASS + "." + method;
  }

  /**
   * The whole document.
   *
   * @param jarName the app jar's file name, next to the function folders
   * @throws ConfigurationException when Azure cannot serve the function's trigger as written
   */
  public static Map<String, Object> of(FunctionDef function, String jarName, BuildListener log) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("scriptFile", "../" + jarName);
    doc.put("entryPoint", entryPoint(function));
    doc.put("bindings", bindings(function, log));
    return doc;
  }

  /** The bindings: the trigger, and for HTTP the {@code $return} response. */
  public static List<Map<String, Object>> bindings(FunctionDef function, BuildListener log) {
    List<Map<String, Object>> bindings = new ArrayList<>();
    Trigger t = function.trigger();
    if (t instanceof Trigger.Http http) {
      Map<String, Object> in = binding("httpTrigger", "in", "req");
      in.put("route", route(function, http));
      in.put("methods", http.methods().stream().map(Enum::name).toList());
      in.put("dataType", "binary");
      in.put("authLevel", http.auth() == Auth.FUNCTION ? "FUNCTION" : "ANONYMOUS");
      bindings.add(in);
      bindings.add(binding("http", "out", "$return"));
    } else if (t instanceof Trigger.Schedule schedule) {
      Map<String, Object> in = binding("timerTrigger", "in", "timer");
      in.put("schedule", schedule(function.name(), schedule));
      bindings.add(in);
    } else if (t instanceof Trigger.Queue queue) {
      Map<String, Object> in = binding("queueTrigger", "in", "message");
      in.put("queueName", "%" + queueSetting(queue.queue()) + "%");
      in.put("dataType", "binary");
      in.put("connection", CONNECTION);
      bindings.add(in);
    } else if (t instanceof Trigger.Storage storage) {
      checkEvents(function.name(), storage, log);
      Map<String, Object> in = binding("blobTrigger", "in", "content");
      in.put("path", "%" + containerSetting(storage.bucket()) + "%/{name}");
      in.put("dataType", "binary");
      in.put("connection", CONNECTION);
      in.put("source", BLOB_SOURCE);
      bindings.add(in);
    }
    return bindings;
  }

  private static Map<String, Object> binding(String type, String direction, String name) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("type", type);
    b.put("direction", direction);
    b.put("name", name);
    return b;
  }

  /**
   * The route: the Skyhop path without its leading '/' ({@code {id}} parameters keep their syntax).
   * Azure serves it below {@code /api}.
   */
  static String route(FunctionDef function, Trigger.Http http) {
    String path = http.path().template();
    if (path.equals("/")) {
      throw new ConfigurationException(
          "@HttpTrigger(path)",
          path,
          "of function '"
              + function.name()
              + "' cannot be served by Azure Functions: an empty route means the function name"
              + " there. Fix: give the function a path with at least one segment, e.g. \"/"
              + function.name()
              + "\", or remove azure from skyhop.targets");
    }
    return path.substring(1);
  }

  /**
   * The 6-field NCRONTAB schedule of a 5-field cron: seconds {@code 0}, then the five fields. Azure
   * timers run in UTC, so the schedule's time zone must be UTC.
   *
   * @throws ConfigurationException for a zone other than UTC or an invalid expression
   */
  public static String schedule(String functionName, Trigger.Schedule schedule) {
    if (!isUtc(schedule.timezone())) {
      throw new ConfigurationException(
          "@ScheduleTrigger(timezone)",
          schedule.timezone(),
          "of function '"
              + functionName
              + "' cannot be represented on Azure Functions: timer triggers run in UTC"
              + " (WEBSITE_TIME_ZONE is one setting for the whole app and is not available on"
              + " Linux Consumption plans). Fix: write the cron in UTC and leave timezone at its"
              + " default, or remove azure from skyhop.targets");
    }
    try {
      return Ncrontab.of(CronExpression.parse(schedule.cron()));
    } catch (InvalidCronException e) {
      throw new ConfigurationException(
          "@ScheduleTrigger(cron)",
          schedule.cron(),
          "of function '" + functionName + "' is invalid: " + e.getMessage());
    }
  }

  private static boolean isUtc(String zone) {
    try {
      ZoneId id = ZoneId.of(zone);
      return id.getRules().isFixedOffset()
          && id.getRules().getOffset(Instant.EPOCH).equals(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static void checkEvents(String name, Trigger.Storage storage, BuildListener log) {
    if (!storage.events().contains(StorageEvent.Type.CREATED)) {
      throw new ConfigurationException(
          "@StorageTrigger(events)",
          storage.events().toString(),
          "of function '"
              + name
              + "' cannot be served by Azure Functions: a blob trigger fires only when a blob is"
              + " created or overwritten. Fix: listen to CREATED, or remove azure from"
              + " skyhop.targets");
    }
    if (storage.events().contains(StorageEvent.Type.DELETED)) {
      log.warn(
          "azure: function '"
              + name
              + "' listens to DELETED too, but an Azure blob trigger fires only for created or"
              + " overwritten blobs; deletions of '"
              + storage.bucket()
              + "' will not reach it on Azure.");
    }
  }
}
