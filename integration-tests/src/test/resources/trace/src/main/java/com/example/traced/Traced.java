package com.example.traced;

import io.skyhop.api.Context;
import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.HttpTrigger;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.QueueTrigger;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** An order taken over HTTP and fulfilled from a queue: one trace across both. */
public class Traced {
  private static final String ENV =
      "OTEL_EXPORTER_OTLP_ENDPOINT=@@OTLP@@";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Enqueues the body with this invocation's traceparent; answers with the trace id. */
  @Function(
      name = "order",
      env = {ENV, "OTEL_SERVICE_NAME=traced", "QUEUE_ENDPOINT=@@QUEUE@@"})
  @HttpTrigger(
      path = "/orders",
      methods = {HttpMethod.POST})
  public HttpResponse order(HttpRequest request, Context context) throws Exception {
    String traceparent = context.traceparent().orElseThrow();
    java.net.http.HttpRequest send =
        switch (context.target()) {
          case "aws" -> sqsSendMessage(context, request.bodyAsString(), traceparent);
          case "gcp" -> pubSubPublish(context, request.body(), traceparent);
          default -> skyhopEnqueue(request.body(), traceparent);
        };
    java.net.http.HttpResponse<String> sent =
        http.send(send, java.net.http.HttpResponse.BodyHandlers.ofString());
    if (sent.statusCode() >= 300) {
      return HttpResponse.status(502).body("enqueue failed: " + sent.body()).build();
    }
    return HttpResponse.ok(context.traceId().orElseThrow());
  }

  /** Logs the trace id the message carried. */
  @Function(name = "fulfil", env = {ENV, "OTEL_SERVICE_NAME=traced"})
  @QueueTrigger(queue = "traced-orders")
  public void fulfil(QueueMessage message, Context context) {
    context.logger().info("fulfil " + message.bodyAsString() + " in trace " + context.traceId().orElse("none"));
  }

  private static java.net.http.HttpRequest skyhopEnqueue(byte[] body, String traceparent) {
    return java.net.http.HttpRequest.newBuilder(
            URI.create(System.getenv("SKYHOP_QUEUES_URL") + "/traced-orders"))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + System.getenv("SKYHOP_QUEUES_TOKEN"))
        .header("x-skyhop-attribute-traceparent", traceparent)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  /** SQS SendMessage, JSON protocol (botocore's sqs model), as the AWS SDK sends it. */
  private static java.net.http.HttpRequest sqsSendMessage(
      Context context, String body, String traceparent) {
    String json =
        "{\"QueueUrl\":\"" + context.env("QUEUE_ENDPOINT").orElseThrow() + "/000000000000/traced-orders\","
            + "\"MessageBody\":\"" + body.replace("\\", "\\\\").replace("\"", "\\\"") + "\","
            + "\"MessageAttributes\":{\"traceparent\":{\"DataType\":\"String\",\"StringValue\":\""
            + traceparent + "\"}}}";
    return java.net.http.HttpRequest.newBuilder(URI.create(context.env("QUEUE_ENDPOINT").orElseThrow() + "/"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "AmazonSQS.SendMessage")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  /** Pub/Sub {@code topics.publish} over REST (googleapis pubsub v1). */
  private static java.net.http.HttpRequest pubSubPublish(
      Context context, byte[] body, String traceparent) {
    String json =
        "{\"messages\":[{\"data\":\"" + Base64.getEncoder().encodeToString(body) + "\","
            + "\"attributes\":{\"traceparent\":\"" + traceparent + "\"}}]}";
    return java.net.http.HttpRequest.newBuilder(
            URI.create(context.env("QUEUE_ENDPOINT").orElseThrow() + "/v1/projects/demo/topics/traced-orders:publish"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .build();
  }
}
