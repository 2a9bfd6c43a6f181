package io.skyhop.azure;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.skyhop.api.StorageEvent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/** Reads the Azure host's timer, queue and blob trigger data into neutral values. */
final class AzureEvents {
  private AzureEvents() {}

  /**
   * When a timer run was due. During an invocation the host's {@code ScheduleStatus.Next} is the
   * occurrence being run (the host updates the status after the run), also for a past-due run.
   * Without a schedule status (a timer with {@code useMonitor: false}), the run is due at the start
   * of the current minute: Skyhop schedules fire on whole minutes.
   *
   * @param timerInfo the timer binding as JSON, e.g. {@code
   *     {"ScheduleStatus":{"Last":"…","Next":"…","LastUpdated":"…"},"IsPastDue":false}}
   * @throws IllegalArgumentException if the JSON or its {@code Next} time is malformed
   */
  static Instant scheduledTime(String timerInfo, Instant now) {
    Optional<String> next =
        object(timerInfo, "timer information")
            .flatMap(o -> member(o, "ScheduleStatus"))
            .filter(JsonElement::isJsonObject)
            .flatMap(s -> member(s.getAsJsonObject(), "Next"))
            .filter(e -> e.isJsonPrimitive())
            .map(JsonElement::getAsString);
    return next.map(AzureEvents::instant).orElse(now.truncatedTo(ChronoUnit.MINUTES));
  }

  /** A host time: ISO-8601 with an offset, or without one (the host's clock runs in UTC). */
  private static Instant instant(String time) {
    try {
      return OffsetDateTime.parse(time).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(time).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "Timer information holds an unreadable ScheduleStatus.Next '" + time + "'", e);
      }
    }
  }

  /**
   * The delivery count of a queue message from the host's {@code DequeueCount}: 1 on the first
   * delivery; 1 when the host gives none.
   */
  static int deliveryCount(String dequeueCount) {
    if (dequeueCount == null || dequeueCount.isBlank()) {
      return 1;
    }
    String digits = dequeueCount.trim().replace("\"", "");
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Queue trigger metadata DequeueCount '" + dequeueCount + "' is not a number", e);
    }
  }

  /**
   * The storage event of a blob trigger: the blob was created or overwritten. The key is the blob
   * path below the container ({@code BlobTrigger} without {@code container/}, or the {@code {name}}
   * of the trigger path); the size and entity tag come from the blob's properties, the size else
   * from the content read for the trigger.
   */
  static StorageEvent storageEvent(
      String container, String name, String blobTrigger, String properties, byte[] content) {
    String prefix = container + "/";
    String key;
    if (blobTrigger != null && blobTrigger.startsWith(prefix)) {
      key = blobTrigger.substring(prefix.length());
    } else if (name != null) {
      key = name;
    } else {
      throw new IllegalArgumentException(
          "The blob trigger gave neither BlobTrigger nor name metadata; the function.json path"
              + " must be '"
              + prefix
              + "{name}'");
    }
    Optional<JsonObject> props = object(properties, "blob properties");
    long size =
        props
            .flatMap(p -> member(p, "ContentLength").or(() -> member(p, "Length")))
            .filter(JsonElement::isJsonPrimitive)
            .map(JsonElement::getAsLong)
            .orElse(content == null ? 0L : (long) content.length);
    String eTag =
        props
            .flatMap(p -> member(p, "ETag"))
            .filter(JsonElement::isJsonPrimitive)
            .map(e -> unquote(e.getAsString()))
            .orElse(null);
    return new StorageEvent(container, key, size, StorageEvent.Type.CREATED, eTag);
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }

  private static Optional<JsonObject> object(String json, String what) {
    if (json == null || json.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonElement e = JsonParser.parseString(json);
      return e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("The host's " + what + " is not JSON: " + json, e);
    }
  }

  /** A member by name, ignoring case (the host writes PascalCase). */
  private static Optional<JsonElement> member(JsonObject o, String name) {
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isJsonNull()) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }
}
