package io.skyhop.aws;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyhop.api.Context;
import io.skyhop.api.QueueMessage;
import io.skyhop.core.BoundFunction;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionFailedException;
import io.skyhop.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQS batches: each record becomes a {@link QueueMessage} (id = {@code messageId}, delivery count =
 * {@code ApproximateReceiveCount}, attributes = the message attributes' string values); the answer
 * is a partial batch response listing the failed messages in {@code batchItemFailures} (honoured
 * when the event source mapping reports batch item failures, as the packaged template sets). On a
 * FIFO queue the first failure also fails every later message of the batch, keeping their order.
 */
final class SqsMapper {
  private final BoundFunction function;
  private final Json json;

  SqsMapper(BoundFunction function, Json json) {
    this.function = function;
    this.json = json;
  }

  byte[] invoke(JsonObject event, Context context) {
    JsonArray records = JsonFields.array(event, "Records");
    List<QueueMessage> batch = new ArrayList<>(records.size());
    boolean fifo = false;
    for (JsonElement r : records) {
      JsonObject record = r.getAsJsonObject();
      batch.add(message(record));
      String arn = JsonFields.string(record, "eventSourceARN");
      fifo |= arn != null && arn.endsWith(".fifo");
    }
    List<String> failed =
        fifo && function.def().payloadKind() != FunctionDef.PayloadKind.QUEUE_MESSAGE_LIST
            ? inOrder(batch, context)
            : function.invokeQueueBatch(batch, context);
    JsonArray failures = new JsonArray();
    for (String id : failed) {
      JsonObject item = new JsonObject();
      item.addProperty("itemIdentifier", id);
      failures.add(item);
    }
    JsonObject response = new JsonObject();
    response.add("batchItemFailures", failures);
    return json.write(response);
  }

  private List<String> inOrder(List<QueueMessage> batch, Context context) {
    List<String> failed = new ArrayList<>();
    for (QueueMessage message : batch) {
      if (!failed.isEmpty()) {
        failed.add(message.id());
        continue;
      }
      try {
        function.invokeQueue(message, context);
      } catch (FunctionFailedException e) {
        context
            .logger()
            .error(
                e.getMessage()
                    + " (message "
                    + message.id()
                    + "; the later messages of this FIFO batch are returned to the queue too)",
                e.getCause());
        failed.add(message.id());
      }
    }
    return failed;
  }

  static QueueMessage message(JsonObject record) {
    String id = JsonFields.string(record, "messageId");
    String body = JsonFields.string(record, "body");
    long count =
        JsonFields.number(JsonFields.object(record, "attributes"), "ApproximateReceiveCount", 1);
    Map<String, String> attributes = new LinkedHashMap<>();
    JsonObject messageAttributes = JsonFields.object(record, "messageAttributes");
    if (messageAttributes != null) {
      for (Map.Entry<String, JsonElement> a : messageAttributes.entrySet()) {
        JsonObject value = a.getValue().isJsonObject() ? a.getValue().getAsJsonObject() : null;
        String text = JsonFields.string(value, "stringValue");
        if (text == null) {
          text = JsonFields.string(value, "binaryValue");
        }
        if (text != null) {
          attributes.put(a.getKey(), text);
        }
      }
    }
    return new QueueMessage(
        id == null ? "" : id,
        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
        attributes,
        (int) count);
  }
}
