package io.skyhop.runtime;

import io.skyhop.api.QueueMessage;
import io.skyhop.api.StorageEvent;
import io.skyhop.core.Trigger;
import io.skyhop.runtime.deploy.AppVersion;
import io.skyhop.runtime.deploy.Deployments;
import io.skyhop.runtime.exec.Payload;
import io.skyhop.runtime.queue.Consumers;
import io.skyhop.runtime.schedule.Scheduler;
import io.skyhop.runtime.storage.StorageEvents;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds, in the live deployments, the functions behind the event triggers: queue consumers, storage
 * subscribers and schedules. Looked up at each event, so a redeploy applies at once.
 */
final class Triggers implements Consumers, StorageEvents.Subscribers {
  private final Deployments deployments;

  Triggers(Deployments deployments) {
    this.deployments = deployments;
  }

  @Override
  public Optional<Consumer> find(String queue, Map<String, String> attributes) {
    if (queue.equals(StorageEvents.QUEUE)) {
      return target(attributes)
          .map(
              f ->
                  new Consumer(
                      f.pool(),
                      (m, body) -> new Payload.Storage(StorageEvents.event(m.attributes()))));
    }
    for (AppVersion v : deployments.all()) {
      for (AppVersion.DeployedFunction f : v.functions()) {
        if (f.def().trigger() instanceof Trigger.Queue q && q.queue().equals(queue)) {
          return Optional.of(
              new Consumer(
                  f.pool(),
                  (m, body) ->
                      new Payload.Queue(
                          new QueueMessage(m.id(), body, m.attributes(), m.attempts() + 1))));
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean orphaned(String queue, Map<String, String> attributes) {
    return queue.equals(StorageEvents.QUEUE) && target(attributes).isEmpty();
  }

  private Optional<AppVersion.DeployedFunction> target(Map<String, String> attributes) {
    String app = attributes.get(StorageEvents.APP);
    String function = attributes.get(StorageEvents.FUNCTION);
    if (app == null || function == null) {
      return Optional.empty();
    }
    return deployments.find(app).flatMap(v -> v.function(function));
  }

  @Override
  public List<Map.Entry<String, String>> of(String bucket, StorageEvent.Type type) {
    List<Map.Entry<String, String>> targets = new ArrayList<>();
    for (AppVersion v : deployments.all()) {
      for (AppVersion.DeployedFunction f : v.functions()) {
        if (f.def().trigger() instanceof Trigger.Storage s
            && s.bucket().equals(bucket)
            && s.events().contains(type)) {
          targets.add(new AbstractMap.SimpleEntry<>(v.app(), f.name()));
        }
      }
    }
    return targets;
  }

  /** The schedules deployed now. */
  List<Scheduler.Schedule> schedules() {
    List<Scheduler.Schedule> schedules = new ArrayList<>();
    for (AppVersion v : deployments.all()) {
      for (AppVersion.DeployedFunction f : v.functions()) {
        if (f.def().trigger() instanceof Trigger.Schedule s) {
          schedules.add(new Scheduler.Schedule(v.app(), f.name(), s.cron(), s.timezone()));
        }
      }
    }
    return schedules;
  }
}
