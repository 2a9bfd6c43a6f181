package io.skyhop.test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.StorageEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/** AWS event shapes (wire-formats.md section 2) filled in from neutral values. */
final class AwsEvents {
  private AwsEvents() {}

  /** API Gateway REST API, Lambda proxy, payload format 1.0. */
  static String apiGatewayV1(HttpRequest request) {
    JsonObject event = EventJson.parse("aws-api-gateway-v1");
    event.addProperty("httpMethod", request.method().name());
    event.addProperty("path", request.path());
    event.addProperty("resource", request.path());
    Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
    if (!request.cookies().isEmpty() && !headers.containsKey("Cookie")) {
      headers.put("Cookie", List.of(Requests.cookieHeader(request.cookies())));
    }
    setMaps(event, "headers", "multiValueHeaders", headers);
    setMaps(
        event,
        "queryStringParameters",
        "multiValueQueryStringParameters",
        request.queryParameters());
    event.add(
        "pathParameters",
        request.pathParams().isEmpty() ? null : EventJson.object(request.pathParams()));
    JsonObject context = event.getAsJsonObject("requestContext");
    context.addProperty("httpMethod", request.method().name());
    context.addProperty("resourcePath", request.path());
    context.addProperty("path", "/" + context.get("stage").getAsString() + request.path());
    EventJson.body(event, request.body(), null);
    return EventJson.write(event);
  }

  private static void setMaps(
      JsonObject event, String single, String multi, Map<String, List<String>> values) {
    if (values.isEmpty()) {
      event.add(single, null);
      event.add(multi, null);
      return;
    }
    JsonObject last = new JsonObject();
    JsonObject all = new JsonObject();
    values.forEach(
        (name, v) -> {
          last.addProperty(name, EventJson.last(v));
          all.add(name, EventJson.array(v));
        });
    event.add(single, last);
    event.add(multi, all);
  }

  /** HTTP API payload format 2.0 ({@code routeKey} "METHOD path"). */
  static String apiGatewayV2(HttpRequest request) {
    JsonObject event = EventJson.parse("aws-api-gateway-v2");
    v2(event, request, request.method().name() + " " + request.path());
    if (request.pathParams().isEmpty()) {
      event.remove("pathParameters");
    } else {
      event.add("pathParameters", EventJson.object(request.pathParams()));
    }
    return EventJson.write(event);
  }

  /** Lambda Function URL: payload format 2.0 with {@code routeKey} "$default". */
  static String functionUrl(HttpRequest request) {
    JsonObject event = EventJson.parse("aws-function-url");
    v2(event, request, "$default");
    return EventJson.write(event);
  }

  private static void v2(JsonObject event, HttpRequest request, String routeKey) {
    event.addProperty("routeKey", routeKey);
    event.addProperty("rawPath", request.path());
    event.addProperty("rawQueryString", Requests.rawQuery(request.queryParameters()));
    if (request.cookies().isEmpty()) {
      event.remove("cookies");
    } else {
      List<String> cookies = new ArrayList<>();
      request.cookies().forEach((name, value) -> cookies.add(name + "=" + value));
      event.add("cookies", EventJson.array(cookies));
    }
    JsonObject headers = new JsonObject();
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("cookie")) {
                headers.addProperty(EventJson.lower(name), String.join(",", values));
              }
            });
    event.add("headers", headers);
    if (request.queryParameters().isEmpty()) {
      event.remove("queryStringParameters");
    } else {
      JsonObject query = new JsonObject();
      request.queryParameters().forEach((name, v) -> query.addProperty(name, String.join(",", v)));
      event.add("queryStringParameters", query);
    }
    JsonObject context = event.getAsJsonObject("requestContext");
    context.addProperty("routeKey", routeKey);
    JsonObject http = context.getAsJsonObject("http");
    http.addProperty("method", request.method().name());
    http.addProperty("path", request.path());
    EventJson.body(event, request.body(), null);
  }

  /** Application Load Balancer target (single-value headers and query, as received). */
  static String alb(HttpRequest request) {
    JsonObject event = EventJson.parse("aws-alb");
    event.addProperty("httpMethod", request.method().name());
    event.addProperty("path", request.path());
    JsonObject query = new JsonObject();
    request
        .queryParameters()
        .forEach((name, v) -> query.addProperty(encode(name), encode(EventJson.last(v))));
    event.add("queryStringParameters", query);
    JsonObject headers = new JsonObject();
    request
        .headers()
        .forEach((name, v) -> headers.addProperty(EventJson.lower(name), EventJson.last(v)));
    if (!request.cookies().isEmpty() && !headers.has("cookie")) {
      headers.addProperty("cookie", Requests.cookieHeader(request.cookies()));
    }
    event.add("headers", headers);
    EventJson.body(event, request.body(), "");
    return EventJson.write(event);
  }

  /** An SQS batch, one record per message, in order. */
  static String sqs(List<QueueMessage> messages) {
    JsonObject event = EventJson.parse("aws-sqs");
    JsonObject template = event.getAsJsonArray("Records").get(0).getAsJsonObject();
    JsonArray records = new JsonArray();
    for (QueueMessage message : messages) {
      JsonObject record = template.deepCopy();
      record.addProperty("messageId", message.id());
      record.addProperty(
          "receiptHandle",
          "AQEB"
              + Base64.getEncoder().encodeToString(message.id().getBytes(StandardCharsets.UTF_8)));
      record.addProperty("body", message.bodyAsString());
      record.addProperty("md5OfBody", md5(message.body()));
      record
          .getAsJsonObject("attributes")
          .addProperty("ApproximateReceiveCount", Integer.toString(message.deliveryCount()));
      JsonObject attributes = new JsonObject();
      message
          .attributes()
          .forEach(
              (name, value) -> {
                JsonObject attribute = new JsonObject();
                attribute.addProperty("stringValue", value);
                attribute.add("stringListValues", new JsonArray());
                attribute.add("binaryListValues", new JsonArray());
                attribute.addProperty("dataType", "String");
                attributes.add(name, attribute);
              });
      record.add("messageAttributes", attributes);
      records.add(record);
    }
    event.add("Records", records);
    return EventJson.write(event);
  }

  /** An S3 notification with one record; the key is URL-encoded as S3 sends it. */
  static String s3(StorageEvent storage) {
    JsonObject event = EventJson.parse("aws-s3");
    JsonObject record = event.getAsJsonArray("Records").get(0).getAsJsonObject();
    boolean created = storage.type() == StorageEvent.Type.CREATED;
    record.addProperty("eventName", created ? "ObjectCreated:Put" : "ObjectRemoved:Delete");
    JsonObject s3 = record.getAsJsonObject("s3");
    JsonObject bucket = s3.getAsJsonObject("bucket");
    bucket.addProperty("name", storage.bucket());
    bucket.addProperty("arn", "arn:aws:s3:::" + storage.bucket());
    JsonObject object = s3.getAsJsonObject("object");
    object.addProperty("key", s3Key(storage.key()));
    if (created) {
      object.addProperty("size", storage.size());
      storage
          .eTag()
          .ifPresentOrElse(e -> object.addProperty("eTag", e), () -> object.remove("eTag"));
    } else {
      object.remove("size");
      object.remove("eTag");
    }
    return EventJson.write(event);
  }

  /** An EventBridge scheduled event due at {@code time} (whole seconds). */
  static String eventBridgeSchedule(Instant time) {
    JsonObject event = EventJson.parse("aws-eventbridge-schedule");
    String due = time.truncatedTo(ChronoUnit.SECONDS).toString();
    event.addProperty("time", due);
    event.addProperty(
        "id", UUID.nameUUIDFromBytes(due.getBytes(StandardCharsets.UTF_8)).toString());
    return EventJson.write(event);
  }

  /** S3 keys arrive form-encoded (space as '+'), with '/' kept. */
  private static String s3Key(String key) {
    StringJoiner encoded = new StringJoiner("/");
    for (String part : key.split("/", -1)) {
      encoded.add(encode(part));
    }
    return encoded.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String md5(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
