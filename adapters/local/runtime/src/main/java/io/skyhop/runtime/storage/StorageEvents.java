package io.skyhop.runtime.storage;

import io.skyhop.api.StorageEvent;
import io.skyhop.runtime.queue.Queues;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns bucket changes into storage events: one durable message per subscribed function on the
 * runtime's internal queue {@value #QUEUE}, so events get the queues' retries, dead letters and
 * crash safety. The message's attributes carry the target function and the event.
 */
public final class StorageEvents {
  /** The internal queue of storage events. */
  public static final String QUEUE = "_storage-events";

  /** Attribute: the target app. */
  public static final String APP = "skyhop.app";

  /** Attribute: the target function. */
  public static final String FUNCTION = "skyhop.function";

  private final Queues queues;
  private final Subscribers subscribers;

  /** Finds the functions subscribed to a bucket's events. */
  @FunctionalInterface
  public interface Subscribers {
    /**
     * The functions to notify.
     *
     * @return pairs of app and function names
     */
    List<Map.Entry<String, String>> of(String bucket, StorageEvent.Type type);
  }

  /** Events enqueued on {@code queues} for the functions {@code subscribers} names. */
  public StorageEvents(Queues queues, Subscribers subscribers) {
    this.queues = queues;
    this.subscribers = subscribers;
  }

  /** Fires the event of a change to every subscriber; returns how many were notified. */
  public int fire(Buckets.ObjectInfo object, StorageEvent.Type type) throws IOException {
    StorageEvent event = object.event(type);
    int n = 0;
    for (Map.Entry<String, String> target : subscribers.of(object.bucket(), type)) {
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put(APP, target.getKey());
      attributes.put(FUNCTION, target.getValue());
      attributes.put("bucket", event.bucket());
      attributes.put("key", event.key());
      attributes.put("size", Long.toString(event.size()));
      attributes.put("type", event.type().name());
      event.eTag().ifPresent(tag -> attributes.put("eTag", tag));
      queues.enqueue(QUEUE, new byte[0], attributes);
      n++;
    }
    return n;
  }

  /** The event a message of {@value #QUEUE} carries. */
  public static StorageEvent event(Map<String, String> attributes) {
    return new StorageEvent(
        attributes.get("bucket"),
        attributes.get("key"),
        Long.parseLong(attributes.getOrDefault("size", "0")),
        StorageEvent.Type.valueOf(attributes.get("type")),
        Optional.ofNullable(attributes.get("eTag")).orElse(null));
  }
}
