package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.pack.Manifest;

/** Wires each trigger kind to its AWS resource. */
final class Triggers {
  private final FunctionUrls urls;
  private final ScheduleRules rules;
  private final QueueMappings queues;
  private final BucketNotifications buckets;

  Triggers(AwsClients clients, AwsSettings settings, PlanLog log) {
    Permissions permissions = new Permissions(clients.lambda, log);
    this.urls = new FunctionUrls(clients.lambda, permissions, log);
    this.rules = new ScheduleRules(clients.events, permissions, log, settings);
    this.queues = new QueueMappings(clients.lambda, log, settings.resources());
    this.buckets = new BucketNotifications(clients.s3, permissions, log, settings.resources());
  }

  /** Tightens the existing function's public entry point before its new version goes live. */
  void tighten(String name, Manifest.Function f) {
    urls.tighten(name, String.valueOf(f.triggerType()), f.trigger());
  }

  /** Creates or updates the function's trigger. */
  Wired wire(LiveFunction fn, Manifest.Function f) {
    return switch (String.valueOf(f.triggerType())) {
      case "http" -> urls.ensure(fn, f.trigger());
      case "schedule" -> rules.ensure(fn, f.trigger());
      case "queue" -> queues.ensure(fn, f.trigger());
      case "storage" -> buckets.ensure(fn, f.trigger());
      default ->
          throw new ConfigurationException(
              "manifest.json",
              "Function "
                  + f.name()
                  + " has the trigger type '"
                  + f.triggerType()
                  + "', unknown to this version. Fix: run 'mvn package' with this version of"
                  + " Skyhop");
    };
  }
}
