package io.skyhop.tooling.deploy.knative;

import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.knative.KnativeApp;
import io.skyhop.tooling.pack.knative.KnativeEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What deploy reports per function on knative: HTTP functions with the Service's URL, schedule
 * functions with their CronJob, queue functions with their Trigger (an update of the queue Service
 * counts as an update of its functions).
 */
final class DeployedFunctions {
  private DeployedFunctions() {}

  /**
   * The report's functions.
   *
   * @param url the HTTP Service's URL, or null when unknown (dry run, not waited for)
   * @param services the action on each Service, by name
   * @param jobs the action on each CronJob, by name
   * @param triggers the action on each Trigger, by name
   */
  static List<DeployResult.Function> of(
      Manifest manifest,
      Naming naming,
      String app,
      String url,
      Map<String, DeployResult.Action> services,
      Map<String, DeployResult.Action> jobs,
      Map<String, DeployResult.Action> triggers) {
    List<DeployResult.Function> functions = new ArrayList<>();
    for (Manifest.Function f : manifest.functions()) {
      KnativeEntry entry = f.target("knative", KnativeEntry.class);
      switch (f.triggerType()) {
        case "http" -> {
          String path = entry.path();
          String endpoint = (url == null ? "<URL of Knative Service " + app + ">" : url) + path;
          Map<String, Object> details =
              f.trigger().functionKey()
                  ? Map.of("service", app, "keySecret", KnativeApp.functionKeysSecret(app))
                  : Map.of("service", app);
          functions.add(
              new DeployResult.Function(f.name(), app, services.get(app), endpoint, details));
        }
        case "schedule" -> {
          String job = StagedResources.name(naming, entry.cronJob(), StagedResources.MAX_CRONJOB);
          String endpoint =
              "CronJob " + job + " '" + f.trigger().cron() + "' " + f.trigger().timezone();
          functions.add(
              new DeployResult.Function(
                  f.name(), job, jobs.get(job), endpoint, Map.of("cronJob", job)));
        }
        case "queue" -> functions.add(queue(f, naming, entry, services, triggers));
        default -> {
          // the packager refuses other triggers
        }
      }
    }
    return functions;
  }

  private static DeployResult.Function queue(
      Manifest.Function f,
      Naming naming,
      KnativeEntry entry,
      Map<String, DeployResult.Action> services,
      Map<String, DeployResult.Action> triggers) {
    String trigger = StagedResources.name(naming, entry.trigger(), StagedResources.MAX_NAME);
    String service = StagedResources.name(naming, entry.service(), StagedResources.MAX_NAME);
    String eventType = StagedResources.eventType(naming, String.valueOf(entry.eventType()));
    DeployResult.Action action = triggers.get(trigger);
    if (action == DeployResult.Action.UNCHANGED) {
      action = services.get(service);
    }
    String endpoint =
        "Trigger " + trigger + " on Broker " + entry.broker() + " (type " + eventType + ")";
    return new DeployResult.Function(
        f.name(),
        trigger,
        action,
        endpoint,
        Map.of(
            "trigger",
            trigger,
            "service",
            service,
            "broker",
            String.valueOf(entry.broker()),
            "eventType",
            eventType));
  }
}
