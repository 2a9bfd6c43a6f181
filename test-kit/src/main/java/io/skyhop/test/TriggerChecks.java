package io.skyhop.test;

import io.skyhop.api.StorageEvent;
import io.skyhop.core.Trigger;

/** Refuses calls that no target would make: a call of the wrong kind, an undeliverable event. */
final class TriggerChecks {
  private TriggerChecks() {}

  /** The function's trigger as {@code kind}, or a message naming the calls that fit it. */
  static <T extends Trigger> T trigger(
      String function, Trigger trigger, Class<T> kind, String call) {
    if (!kind.isInstance(trigger)) {
      throw new IllegalArgumentException(
          "Function '"
              + function
              + "' has "
              + (trigger instanceof Trigger.Http ? "an HTTP" : "a " + trigger.type())
              + " trigger, so "
              + call
              + " cannot call it. Fix: call it with "
              + callFor(trigger)
              + ".");
    }
    return kind.cast(trigger);
  }

  /** Refuses a storage event of another bucket or of a type the trigger does not listen to. */
  static void checkDeliverable(String function, Trigger.Storage storage, StorageEvent event) {
    if (!storage.bucket().equals(event.bucket()) || !storage.events().contains(event.type())) {
      throw new IllegalArgumentException(
          "Function '"
              + function
              + "' listens to "
              + storage.events()
              + " in bucket '"
              + storage.bucket()
              + "'; no target would deliver "
              + event
              + " to it. Fix: send an event of that bucket and type.");
    }
  }

  private static String callFor(Trigger trigger) {
    return switch (trigger.type()) {
      case "http" -> "http(request), get(path) or post(path, json)";
      case "schedule" -> "schedule(name)";
      case "queue" -> "queue(name, body) or queueBatch(name, messages)";
      default -> "storage(name, event)";
    };
  }
}
