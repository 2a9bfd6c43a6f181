package io.skyhop.gcp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.StorageEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the CloudEvents Google sends to 2nd gen functions (Eventarc) into Skyhop's neutral types:
 * {@code google.cloud.pubsub.topic.v1.messagePublished} into a {@link QueueMessage}, {@code
 * google.cloud.storage.object.v1.finalized} / {@code .deleted} into a {@link StorageEvent}.
 */
final class CloudEvents {
  static final String PUBSUB_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";
  static final String STORAGE_PREFIX = "google.cloud.storage.object.v1.";
  static final String STORAGE_FINALIZED = STORAGE_PREFIX + "finalized";
  static final String STORAGE_DELETED = STORAGE_PREFIX + "deleted";

  private CloudEvents() {}

  /**
   * The Pub/Sub message of a {@code messagePublished} event: base64 data decoded, attributes,
   * message id, and the delivery attempt when the subscription counts them (dead-letter policy).
   *
   * @throws IllegalArgumentException when the event is not a Pub/Sub message
   */
  static QueueMessage message(CloudEvent event) {
    if (!PUBSUB_PUBLISHED.equals(event.getType())) {
      throw new IllegalArgumentException(
          "Expected a Pub/Sub CloudEvent of type "
              + PUBSUB_PUBLISHED
              + " but got '"
              + event.getType()
              + "' (id "
              + event.getId()
              + "). Fix: trigger this function from a Pub/Sub topic (eventTrigger.eventType).");
    }
    JsonObject data = data(event);
    JsonObject message = object(data, "message", event);
    byte[] body = new byte[0];
    Optional<String> encoded = string(message, "data");
    if (encoded.isPresent()) {
      try {
        body = Base64.getDecoder().decode(encoded.get());
      } catch (IllegalArgumentException notBase64) {
        throw new IllegalArgumentException(
            "Pub/Sub message data of event " + event.getId() + " is not base64: " + notBase64);
      }
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    JsonElement attrs = message.get("attributes");
    if (attrs != null && attrs.isJsonObject()) {
      attrs
          .getAsJsonObject()
          .entrySet()
          .forEach(a -> attributes.put(a.getKey(), a.getValue().getAsString()));
    }
    String id =
        string(message, "messageId").or(() -> string(message, "message_id")).orElse(event.getId());
    int attempt =
        integer(data, "deliveryAttempt").or(() -> integer(message, "deliveryAttempt")).orElse(1);
    return new QueueMessage(id, body, attributes, Math.max(1, attempt));
  }

  /**
   * The type of a Cloud Storage object event, or empty for storage events Skyhop does not model
   * ({@code archived}, {@code metadataUpdated}).
   *
   * @throws IllegalArgumentException when the event is not a Cloud Storage object event
   */
  static Optional<StorageEvent.Type> storageType(CloudEvent event) {
    String type = event.getType();
    if (type == null || !type.startsWith(STORAGE_PREFIX)) {
      throw new IllegalArgumentException(
          "Expected a Cloud Storage CloudEvent ("
              + STORAGE_FINALIZED
              + " or "
              + STORAGE_DELETED
              + ") but got '"
              + type
              + "' (id "
              + event.getId()
              + "). Fix: trigger this function from a Cloud Storage bucket (eventTrigger.eventType).");
    }
    return switch (type) {
      case STORAGE_FINALIZED -> Optional.of(StorageEvent.Type.CREATED);
      case STORAGE_DELETED -> Optional.of(StorageEvent.Type.DELETED);
      default -> Optional.empty();
    };
  }

  /**
   * The storage event: bucket and object name from the data (else from the event's source and
   * subject), size (a string in Google's JSON), and etag.
   */
  static StorageEvent storage(CloudEvent event, StorageEvent.Type type) {
    JsonObject data = data(event);
    String bucket =
        string(data, "bucket")
            .or(
                () ->
                    afterMarker(
                        event.getSource() == null ? null : event.getSource().toString(),
                        "/buckets/"))
            .orElseThrow(() -> missing("bucket", event));
    String key =
        string(data, "name")
            .or(() -> afterMarker(event.getSubject(), "objects/"))
            .orElseThrow(() -> missing("name", event));
    long size = 0;
    Optional<String> sizeText = string(data, "size");
    if (sizeText.isPresent()) {
      try {
        size = Long.parseLong(sizeText.get());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Storage event "
                + event.getId()
                + " has a size that is not a number: "
                + sizeText.get());
      }
    }
    return new StorageEvent(bucket, key, size, type, string(data, "etag").orElse(null));
  }

  private static Optional<String> afterMarker(String text, String marker) {
    if (text == null) {
      return Optional.empty();
    }
    int i = text.indexOf(marker);
    return i < 0 ? Optional.empty() : Optional.of(text.substring(i + marker.length()));
  }

  private static IllegalArgumentException missing(String field, CloudEvent event) {
    return new IllegalArgumentException(
        "CloudEvent "
            + event.getId()
            + " ("
            + event.getType()
            + ") has no '"
            + field
            + "' in its data");
  }

  private static JsonObject data(CloudEvent event) {
    CloudEventData data = event.getData();
    if (data == null) {
      throw new IllegalArgumentException(
          "CloudEvent " + event.getId() + " (" + event.getType() + ") carries no data");
    }
    try {
      JsonElement json = JsonParser.parseString(new String(data.toBytes(), StandardCharsets.UTF_8));
      if (!json.isJsonObject()) {
        throw new IllegalArgumentException(
            "CloudEvent " + event.getId() + " data is not a JSON object");
      }
      return json.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(
          "CloudEvent " + event.getId() + " data is not JSON: " + e.getMessage(), e);
    }
  }

  private static JsonObject object(JsonObject parent, String name, CloudEvent event) {
    JsonElement e = parent.get(name);
    if (e == null || !e.isJsonObject()) {
      throw missing(name, event);
    }
    return e.getAsJsonObject();
  }

  private static Optional<String> string(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e == null || e.isJsonNull() || !e.isJsonPrimitive()
        ? Optional.empty()
        : Optional.of(e.getAsString());
  }

  private static Optional<Integer> integer(JsonObject o, String name) {
    try {
      return string(o, name).map(Integer::parseInt);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
