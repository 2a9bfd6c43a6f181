package io.skyhop.aws;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyhop.api.Context;
import io.skyhop.api.StorageEvent;
import io.skyhop.core.BoundFunction;
import io.skyhop.core.FunctionFailedException;
import io.skyhop.core.Json;
import io.skyhop.core.Trigger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * S3 event notifications: each record becomes a {@link StorageEvent} with the key URL-decoded
 * ({@code +} is a space), {@code ObjectCreated:*} as CREATED and {@code ObjectRemoved:*} as
 * DELETED. Records of other kinds, or of a kind the function's trigger does not name, are logged
 * and skipped. A failure fails the invocation (Lambda retries asynchronous invocations); the answer
 * is the JSON array of the function's results, one per delivered record.
 */
final class S3Mapper {
  private static final String CREATED = "ObjectCreated:";
  private static final String REMOVED = "ObjectRemoved:";

  private final BoundFunction function;
  private final Trigger.Storage trigger;
  private final Json json;

  S3Mapper(BoundFunction function, Json json) {
    this.function = function;
    this.trigger = (Trigger.Storage) function.def().trigger();
    this.json = json;
  }

  byte[] invoke(JsonObject event, Context context) throws FunctionFailedException {
    List<Object> results = new ArrayList<>();
    for (JsonElement r : JsonFields.array(event, "Records")) {
      JsonObject record = r.getAsJsonObject();
      String name = JsonFields.string(record, "eventName");
      StorageEvent.Type type = type(name);
      if (type == null || !trigger.events().contains(type)) {
        context
            .logger()
            .warn(
                "Skipping S3 event '"
                    + name
                    + "': function '"
                    + function.name()
                    + "' takes "
                    + trigger.events()
                    + " events. Fix: limit the bucket notification to those event types.");
        continue;
      }
      results.add(function.invokeEvent(storageEvent(record, type), context));
    }
    return json.write(results);
  }

  static StorageEvent.Type type(String eventName) {
    if (eventName == null) {
      return null;
    }
    if (eventName.startsWith(CREATED)) {
      return StorageEvent.Type.CREATED;
    }
    return eventName.startsWith(REMOVED) ? StorageEvent.Type.DELETED : null;
  }

  static StorageEvent storageEvent(JsonObject record, StorageEvent.Type type) {
    JsonObject s3 = JsonFields.object(record, "s3");
    JsonObject bucket = JsonFields.object(s3, "bucket");
    JsonObject object = JsonFields.object(s3, "object");
    String key = JsonFields.string(object, "key");
    String eTag = JsonFields.string(object, "eTag");
    return new StorageEvent(
        JsonFields.string(bucket, "name"),
        key == null ? "" : URLDecoder.decode(key, StandardCharsets.UTF_8),
        JsonFields.number(object, "size", 0),
        type,
        eTag == null || eTag.isEmpty() ? null : eTag);
  }
}
