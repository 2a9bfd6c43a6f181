package io.skyhop.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import io.skyhop.api.StorageEvent;
import io.skyhop.runtime.storage.Buckets;
import io.skyhop.runtime.storage.StorageEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /_skyhop/buckets/<bucket>/<key>}: PUT stores an object (a CREATED event), GET reads it,
 * DELETE removes it (a DELETED event); {@code GET /_skyhop/buckets/<bucket>} lists the objects.
 */
final class BucketApi {
  private final Buckets buckets;
  private final StorageEvents events;

  BucketApi(Buckets buckets, StorageEvents events) {
    this.buckets = buckets;
    this.events = events;
  }

  void handle(HttpExchange exchange, String method, String bucket, String key, long maxBodyBytes)
      throws IOException {
    if (!Buckets.NAME.matcher(bucket).matches()) {
      Exchanges.error(
          exchange,
          400,
          "Bucket name '"
              + bucket
              + "' is not valid: 2 to 63 lower-case letters, digits, '.' and '-'",
          null);
      return;
    }
    if (key.isEmpty()) {
      if (method.equals("GET")) {
        Exchanges.json(exchange, 200, Map.of("bucket", bucket, "objects", buckets.list(bucket)));
      } else {
        exchange.getResponseHeaders().set("Allow", "GET");
        Exchanges.error(
            exchange,
            405,
            method + " needs an object key: /_skyhop/buckets/" + bucket + "/<key>",
            null);
      }
      return;
    }
    if (key.getBytes(StandardCharsets.UTF_8).length > Buckets.MAX_KEY_BYTES) {
      Exchanges.error(
          exchange, 400, "Object keys are at most " + Buckets.MAX_KEY_BYTES + " bytes", null);
      return;
    }
    switch (method) {
      case "PUT" -> put(exchange, bucket, key, maxBodyBytes);
      case "GET", "HEAD" -> get(exchange, bucket, key);
      case "DELETE" -> {
        Optional<Buckets.ObjectInfo> gone = buckets.delete(bucket, key);
        if (gone.isEmpty()) {
          Exchanges.error(
              exchange, 404, "No object '" + key + "' in bucket '" + bucket + "'", null);
          return;
        }
        events.fire(gone.get(), StorageEvent.Type.DELETED);
        Exchanges.send(exchange, 204, null, new byte[0]);
      }
      default -> {
        exchange.getResponseHeaders().set("Allow", "GET, PUT, DELETE");
        Exchanges.error(exchange, 405, method + " is not allowed on objects", null);
      }
    }
  }

  private void put(HttpExchange exchange, String bucket, String key, long maxBodyBytes)
      throws IOException {
    Optional<byte[]> readContent = Exchanges.bodyOrAnswer(exchange, maxBodyBytes);
    if (readContent.isEmpty()) {
      return;
    }
    byte[] content = readContent.get();
    Buckets.ObjectInfo info = buckets.put(bucket, key, content);
    int notified = events.fire(info, StorageEvent.Type.CREATED);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("bucket", bucket);
    body.put("key", key);
    body.put("size", info.size());
    body.put("eTag", info.eTag());
    body.put("eventsFired", notified);
    exchange.getResponseHeaders().set("ETag", "\"" + info.eTag() + "\"");
    Exchanges.json(exchange, 200, body);
  }

  private void get(HttpExchange exchange, String bucket, String key) throws IOException {
    Optional<Buckets.ObjectInfo> info = buckets.info(bucket, key);
    Optional<byte[]> content = buckets.get(bucket, key);
    if (info.isEmpty() || content.isEmpty()) {
      Exchanges.error(exchange, 404, "No object '" + key + "' in bucket '" + bucket + "'", null);
      return;
    }
    exchange.getResponseHeaders().set("ETag", "\"" + info.get().eTag() + "\"");
    Exchanges.send(exchange, 200, "application/octet-stream", content.get());
  }
}
