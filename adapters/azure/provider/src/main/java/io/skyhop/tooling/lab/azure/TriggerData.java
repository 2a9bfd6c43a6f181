package io.skyhop.tooling.lab.azure;

import io.skyhop.tooling.lab.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The trigger data and metadata the host binds for a non-HTTP trigger, from the {@code input} of an
 * admin invocation: the timer's {@code TimerInfo} JSON; a queue message (the input as its bytes,
 * with {@code Id} and {@code DequeueCount}); a blob (the input is its path {@code container/name},
 * with {@code name}, {@code BlobTrigger} and {@code Properties}).
 */
final class TriggerData {
  private TriggerData() {}

  static Map<String, Object> of(FunctionFolder function, String input) {
    Map<String, Object> bound = new LinkedHashMap<>();
    String now = Instant.now().toString();
    switch (function.triggerType()) {
      case "timerTrigger" ->
          bound.put(
              function.triggerName(), Samples.render("azure-timer.json", Map.of("isoTime", now)));
      case "queueTrigger" -> {
        bound.put(function.triggerName(), input.getBytes(StandardCharsets.UTF_8));
        bound.put("Id", UUID.randomUUID().toString());
        bound.put("DequeueCount", "1");
        bound.put("InsertionTime", now);
        bound.put("PopReceipt", "lab");
      }
      case "blobTrigger" -> {
        int slash = input.indexOf('/');
        bound.put(function.triggerName(), Samples.STORAGE_CONTENT.clone());
        bound.put("name", slash < 0 ? input : input.substring(slash + 1));
        bound.put("BlobTrigger", input);
        bound.put(
            "Properties",
            "{\"Length\":"
                + Samples.STORAGE_CONTENT.length
                + ",\"ContentLength\":"
                + Samples.STORAGE_CONTENT.length
                + ",\"ContentType\":\"text/plain\",\"ETag\":\"\\\"0x8DCLAB\\\"\",\"LastModified\":\""
                + now
                + "\"}");
      }
      default ->
          throw new IllegalArgumentException(
              "The lab's Azure host cannot run a " + function.triggerType() + " trigger");
    }
    return bound;
  }
}
