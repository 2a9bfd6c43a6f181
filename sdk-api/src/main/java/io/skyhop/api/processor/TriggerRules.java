package io.skyhop.api.processor;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpTrigger;
import io.skyhop.api.QueueTrigger;
import io.skyhop.api.ScheduleTrigger;
import io.skyhop.api.StorageEvent;
import io.skyhop.api.StorageTrigger;
import io.skyhop.api.cron.CronExpression;
import io.skyhop.api.cron.InvalidCronException;
import java.lang.annotation.Annotation;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules for trigger settings; returns each trigger's index model. */
final class TriggerRules {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@-]+");
  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

  /** Valid as an SQS queue, an Azure Storage queue and a Pub/Sub topic name. */
  private static final Pattern QUEUE = Pattern.compile("^[a-z][a-z0-9-]{1,61}[a-z0-9]$");

  /** Valid as an S3 bucket, an Azure blob container and a Cloud Storage bucket name. */
  private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$");

  Map<String, Object> check(Annotation trigger, List<String> errors) {
    Map<String, Object> model = new LinkedHashMap<>();
    if (trigger instanceof HttpTrigger http) {
      model.put("type", "http");
      model.put("path", http.path());
      List<String> methods = new ArrayList<>();
      for (HttpMethod m : new LinkedHashSet<>(List.of(http.methods()))) {
        methods.add(m.name());
      }
      model.put("methods", methods);
      model.put("auth", http.auth().name());
      model.put("pathParams", checkPath(http.path(), errors));
      if (methods.isEmpty()) {
        errors.add(
            "@HttpTrigger(methods = {}) accepts no method. Fix: list at least one HttpMethod");
      }
    } else if (trigger instanceof ScheduleTrigger schedule) {
      model.put("type", "schedule");
      model.put("cron", schedule.cron().trim().replaceAll("\\s+", " "));
      model.put("timezone", schedule.timezone());
      try {
        CronExpression.parse(schedule.cron());
      } catch (InvalidCronException e) {
        errors.add(
            "@ScheduleTrigger(cron = \""
                + e.expression()
                + "\") is invalid: "
                + e.reason()
                + ". Fix: "
                + asClause(e.fix()));
      }
      // An IANA region name: ZoneId.of also takes offsets ("+02:00", "UTC+1") that providers
      // reject.
      if (!ZoneId.getAvailableZoneIds().contains(schedule.timezone())) {
        errors.add(
            "timezone '"
                + schedule.timezone()
                + "' is not an IANA time zone. Fix: use a name such as \"UTC\" or"
                + " \"Europe/Berlin\" in @ScheduleTrigger(timezone = ...)");
      }
    } else if (trigger instanceof QueueTrigger queue) {
      model.put("type", "queue");
      model.put("queue", queue.queue());
      if (!QUEUE.matcher(queue.queue()).matches() || queue.queue().contains("--")) {
        errors.add(
            "queue name '"
                + queue.queue()
                + "' is not valid on every target. Fix: use 3 to 63 lower-case letters, digits"
                + " and single hyphens, starting with a letter (valid for SQS, Azure Storage"
                + " queues and Pub/Sub)");
      }
    } else if (trigger instanceof StorageTrigger storage) {
      model.put("type", "storage");
      model.put("bucket", storage.bucket());
      List<String> events = new ArrayList<>();
      for (StorageEvent.Type t : new LinkedHashSet<>(List.of(storage.events()))) {
        events.add(t.name());
      }
      model.put("events", events);
      if (!BUCKET.matcher(storage.bucket()).matches() || storage.bucket().contains("--")) {
        errors.add(
            "bucket name '"
                + storage.bucket()
                + "' is not valid on every target. Fix: use 3 to 63 lower-case letters, digits"
                + " and single hyphens (valid for S3, Azure blob containers and Cloud Storage)");
      }
      if (events.isEmpty()) {
        errors.add(
            "@StorageTrigger(events = {}) listens to nothing. Fix: list CREATED and/or DELETED");
      }
    }
    return model;
  }

  /** "Use a value." becomes "use a value", to read as the clause after "Fix: ". */
  private static String asClause(String sentence) {
    String s = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    boolean capitalisedWord =
        s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1));
    return capitalisedWord ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
  }

  private static List<String> checkPath(String path, List<String> errors) {
    List<String> params = new ArrayList<>();
    String fix =
        ". Fix: write a path such as \"/orders/{id}\": it starts with '/', its segments are"
            + " literal text or a whole {name} segment";
    if (!path.startsWith("/")) {
      errors.add("path '" + path + "' does not start with '/'" + fix);
      return params;
    }
    if (path.contains("?") || path.contains("#")) {
      errors.add("path '" + path + "' holds a query or fragment" + fix);
      return params;
    }
    if (path.equals("/")) {
      return params;
    }
    Set<String> seen = new HashSet<>();
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      Matcher m = PARAM.matcher(segment);
      if (m.matches()) {
        if (!seen.add(m.group(1))) {
          errors.add("path '" + path + "' declares {" + m.group(1) + "} twice" + fix);
        }
        params.add(m.group(1));
      } else if (segment.isEmpty() && i == segments.length - 1) {
        errors.add("path '" + path + "' ends with '/'" + fix);
      } else if (!SEGMENT.matcher(segment).matches()) {
        errors.add("path '" + path + "' has an invalid segment '" + segment + "'" + fix);
      }
    }
    return params;
  }
}
