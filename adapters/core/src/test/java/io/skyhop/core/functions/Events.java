package io.skyhop.core.functions;

import io.skyhop.api.Context;
import io.skyhop.api.Function;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.QueueTrigger;
import io.skyhop.api.ScheduleTrigger;
import io.skyhop.api.ScheduledEvent;
import io.skyhop.api.StorageEvent;
import io.skyhop.api.StorageTrigger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Schedule, queue and storage functions; each logs what it received. */
public class Events {
  @Function
  @ScheduleTrigger(cron = "0 3 * * *", timezone = "Europe/Berlin")
  public String nightly(Context context, ScheduledEvent event) {
    context
        .logger()
        .info("due " + event.scheduledTime() + " " + event.cron() + " " + event.timezone());
    return "ran at " + event.scheduledTime();
  }

  @Function
  @ScheduleTrigger(cron = "*/5 * * * *")
  public void tick(Context context) {
    context.logger().info("tick");
  }

  @Function
  @QueueTrigger(queue = "messages")
  public String message(QueueMessage message, Context context) {
    context
        .logger()
        .info(
            message.id()
                + " "
                + message.bodyAsString()
                + " "
                + message.attributes()
                + " "
                + message.deliveryCount());
    if (message.bodyAsString().contains("poison")) {
      throw new IllegalArgumentException("poison message " + message.id());
    }
    return message.id();
  }

  @Function
  @QueueTrigger(queue = "batches")
  public int batch(List<QueueMessage> batch, Context context) {
    for (QueueMessage m : batch) {
      context.logger().info("batch " + m.id());
      if (m.bodyAsString().contains("poison")) {
        throw new IllegalArgumentException("poison message " + m.id());
      }
    }
    return batch.size();
  }

  @Function
  @QueueTrigger(queue = "items")
  public Item item(Item item, Context context) {
    if (item.quantity() < 0) {
      throw new IllegalArgumentException("negative quantity for " + item.name());
    }
    context.logger().info("item " + item.name());
    return item;
  }

  @Function
  @QueueTrigger(queue = "texts")
  public String text(String body) {
    return body.toUpperCase();
  }

  @Function
  @QueueTrigger(queue = "blobs")
  public byte[] blob(byte[] body) {
    return new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
  }

  @Function
  @StorageTrigger(
      bucket = "uploads",
      events = {StorageEvent.Type.CREATED, StorageEvent.Type.DELETED})
  public String upload(StorageEvent event, Context context) {
    context.logger().info(event.type() + " " + event.bucket() + "/" + event.key());
    if (event.key().startsWith("fail")) {
      throw new IllegalStateException("cannot process " + event.key());
    }
    return event.key() + " " + event.size() + " " + event.eTag().orElse("-");
  }
}
