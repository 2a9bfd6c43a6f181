package io.skyhop.test;

import com.google.gson.JsonObject;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.StorageEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the Azure Functions host hands the Java worker for one invocation, as a JSON document:
 * {@code data} (the trigger's input: the queue message's text, the blob's content, the timer
 * information) and {@code metadata} (the trigger metadata, which {@code @BindingName} parameters
 * read: a queue message's {@code Id} and {@code DequeueCount}, a blob's {@code BlobTrigger}, {@code
 * name} and {@code Properties}…).
 */
final class AzureBindingData {
  private AzureBindingData() {}

  /** A Storage queue message: text, id, dequeue count; Storage queues carry no attributes. */
  static String queue(QueueMessage message) {
    JsonObject doc = EventJson.parse("azure-queue");
    doc.addProperty("data", message.bodyAsString());
    JsonObject metadata = doc.getAsJsonObject("metadata");
    metadata.addProperty("QueueTrigger", message.bodyAsString());
    metadata.addProperty("Id", message.id());
    metadata.addProperty("DequeueCount", Integer.toString(message.deliveryCount()));
    return EventJson.write(doc);
  }

  /** A new or overwritten blob: its path, name below the container and properties. */
  static String blob(StorageEvent event) {
    JsonObject doc = EventJson.parse("azure-blob");
    JsonObject metadata = doc.getAsJsonObject("metadata");
    metadata.addProperty("BlobTrigger", event.bucket() + "/" + event.key());
    metadata.addProperty("name", event.key());
    metadata.addProperty(
        "Uri",
        "https://app.blob.core.windows.net/"
            + event.bucket()
            + "/"
            + URLEncoder.encode(event.key(), StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%2F", "/"));
    JsonObject properties = metadata.getAsJsonObject("Properties");
    properties.addProperty("ContentLength", event.size());
    properties.addProperty("Length", event.size());
    event
        .eTag()
        .ifPresentOrElse(
            e -> properties.addProperty("ETag", "\"" + e + "\""), () -> properties.remove("ETag"));
    return EventJson.write(doc);
  }

  /** A timer run due at {@code due}: {@code ScheduleStatus.Next} is the occurrence now running. */
  static String timer(Instant due) {
    JsonObject doc = EventJson.parse("azure-timer");
    JsonObject status = doc.getAsJsonObject("data").getAsJsonObject("ScheduleStatus");
    String next = due.truncatedTo(ChronoUnit.SECONDS).toString();
    status.addProperty("Next", next);
    status.remove("Last");
    status.remove("LastUpdated");
    return EventJson.write(doc);
  }
}
