package io.skyhop.aws;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The family of a Lambda event, told from its shape (Lambda says nothing else about the caller).
 * Anything that is not a known AWS event shape is a direct invocation with a plain JSON payload.
 */
enum EventKind {
  /** API Gateway REST API proxy event, payload format 1.0 (also HTTP APIs using 1.0). */
  API_GATEWAY_V1("an API Gateway REST (payload 1.0) event", "http"),
  /** HTTP API payload format 2.0, and Lambda Function URLs. */
  HTTP_API_V2("an HTTP API / Function URL (payload 2.0) event", "http"),
  /** Application Load Balancer target event. */
  ALB("an Application Load Balancer event", "http"),
  /** SQS batch. */
  SQS("an SQS event", "queue"),
  /** S3 event notification. */
  S3("an S3 event notification", "storage"),
  /** EventBridge scheduled event. */
  SCHEDULE("an EventBridge scheduled event", "schedule"),
  /** An EventBridge event that is not a schedule: no Skyhop trigger takes it. */
  OTHER_EVENTBRIDGE("an EventBridge event that is not a scheduled event", null),
  /** A direct invocation with a plain JSON payload. */
  DIRECT("a direct invocation", null);

  private final String description;
  private final String triggerType;

  EventKind(String description, String triggerType) {
    this.description = description;
    this.triggerType = triggerType;
  }

  /** How error messages name this kind. */
  String description() {
    return description;
  }

  /** The trigger type ({@code http}, {@code queue}…) whose functions take it; null for any. */
  String triggerType() {
    return triggerType;
  }

  /** The kind of an event. */
  static EventKind of(JsonElement event) {
    if (event == null || !event.isJsonObject()) {
      return DIRECT;
    }
    JsonObject o = event.getAsJsonObject();
    JsonArray records = JsonFields.array(o, "Records");
    if (records != null) {
      return records(records);
    }
    if (JsonFields.present(o, "detail-type") && JsonFields.present(o, "source")) {
      return "Scheduled Event".equals(JsonFields.string(o, "detail-type"))
          ? SCHEDULE
          : OTHER_EVENTBRIDGE;
    }
    JsonObject requestContext = JsonFields.object(o, "requestContext");
    if (requestContext == null) {
      return DIRECT;
    }
    if (JsonFields.present(requestContext, "elb")) {
      return ALB;
    }
    if ("2.0".equals(JsonFields.string(o, "version"))
        && JsonFields.present(requestContext, "http")) {
      return HTTP_API_V2;
    }
    if (JsonFields.present(o, "httpMethod")) {
      return API_GATEWAY_V1;
    }
    return DIRECT;
  }

  private static EventKind records(JsonArray records) {
    if (records.isEmpty() || !records.get(0).isJsonObject()) {
      return DIRECT;
    }
    JsonObject first = records.get(0).getAsJsonObject();
    String source = JsonFields.string(first, "eventSource");
    if ("aws:sqs".equals(source)) {
      return SQS;
    }
    if ("aws:s3".equals(source)) {
      return S3;
    }
    return DIRECT;
  }
}
