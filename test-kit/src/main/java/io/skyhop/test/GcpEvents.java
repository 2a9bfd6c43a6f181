package io.skyhop.test;

import com.google.gson.JsonObject;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.StorageEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Google Cloud Functions (2nd gen) CloudEvents, structured mode, filled in from neutral values. */
final class GcpEvents {
  private GcpEvents() {}

  /** A {@code google.cloud.pubsub.topic.v1.messagePublished} CloudEvent for one message. */
  static String pubSub(QueueMessage message) {
    JsonObject event = EventJson.parse("gcp-pubsub");
    event.addProperty("id", message.id());
    JsonObject data = event.getAsJsonObject("data");
    JsonObject pubsub = data.getAsJsonObject("message");
    pubsub.addProperty("data", Base64.getEncoder().encodeToString(message.body()));
    pubsub.add("attributes", EventJson.object(message.attributes()));
    pubsub.addProperty("messageId", message.id());
    pubsub.addProperty("message_id", message.id());
    if (message.deliveryCount() > 1) {
      data.addProperty("deliveryAttempt", message.deliveryCount());
    }
    return EventJson.write(event);
  }

  /**
   * A {@code google.cloud.storage.object.v1.finalized} (created) or {@code ...deleted} CloudEvent
   * whose data is the object's metadata (size as a decimal string, as the JSON API writes it).
   */
  static String storage(StorageEvent storage) {
    JsonObject event = EventJson.parse("gcp-storage");
    String type = storage.type() == StorageEvent.Type.CREATED ? "finalized" : "deleted";
    event.addProperty("type", "google.cloud.storage.object.v1." + type);
    event.addProperty("source", "//storage.googleapis.com/projects/_/buckets/" + storage.bucket());
    event.addProperty("subject", "objects/" + storage.key());
    JsonObject data = event.getAsJsonObject("data");
    String generation = data.get("generation").getAsString();
    String encoded = URLEncoder.encode(storage.key(), StandardCharsets.UTF_8).replace("+", "%20");
    data.addProperty("id", storage.bucket() + "/" + storage.key() + "/" + generation);
    data.addProperty("name", storage.key());
    data.addProperty("bucket", storage.bucket());
    data.addProperty("size", Long.toString(storage.size()));
    data.addProperty(
        "selfLink",
        "https://www.googleapis.com/storage/v1/b/" + storage.bucket() + "/o/" + encoded);
    data.addProperty(
        "mediaLink",
        "https://storage.googleapis.com/download/storage/v1/b/"
            + storage.bucket()
            + "/o/"
            + encoded
            + "?generation="
            + generation
            + "&alt=media");
    storage.eTag().ifPresentOrElse(e -> data.addProperty("etag", e), () -> data.remove("etag"));
    return EventJson.write(event);
  }
}
