package io.skyhop.test;

import io.skyhop.api.HttpRequest;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.StorageEvent;
import java.time.Instant;
import java.util.List;

/**
 * Provider events as JSON text, shaped as the providers send them, for adapter tests: feed one to
 * an adapter and check the neutral value it produces. Each event comes as the stored sample (no
 * argument, the file under {@code io/skyhop/test/events/} as is) or filled in from the neutral
 * value it should map to.
 *
 * <p>AWS shapes follow the AWS event models ({@code aws-lambda-java-events}); Google events are
 * CloudEvents in structured mode (attributes and {@code data} in one JSON object; Cloud Functions
 * delivers the same event in binary mode, attributes as {@code ce-*} headers and {@code data} as
 * the body).
 */
public final class SampleEvents {
  private SampleEvents() {}

  /**
   * API Gateway REST API proxy event (payload 1.0): {@code GET
   * /orders/42?expand=items&expand=lines} with repeated {@code X-Trace} header, cookies {@code
   * session=abc; theme=dark}, path parameter {@code id=42}, no body.
   */
  public static String awsApiGatewayV1() {
    return EventJson.text("aws-api-gateway-v1");
  }

  /**
   * API Gateway payload 1.0 for a request: single- and multi-value maps ({@code null} when empty),
   * cookies in a {@code Cookie} header, the path as {@code resource}, a non-UTF-8 body base64.
   */
  public static String awsApiGatewayV1(HttpRequest request) {
    return AwsEvents.apiGatewayV1(request);
  }

  /**
   * HTTP API event (payload 2.0): {@code POST /orders/42?tag=a&tag=b&dry=1}, cookies {@code
   * session=abc} and {@code theme=dark}, body {@code {"qty":1}} base64-encoded.
   */
  public static String awsApiGatewayV2() {
    return EventJson.text("aws-api-gateway-v2");
  }

  /**
   * HTTP API payload 2.0 for a request: lower-case headers and query values comma-joined, {@code
   * rawQueryString} exact, {@code cookies} array, body text or base64.
   */
  public static String awsApiGatewayV2(HttpRequest request) {
    return AwsEvents.apiGatewayV2(request);
  }

  /**
   * Lambda Function URL event (payload 2.0, route {@code $default}): {@code GET
   * /orders/42?expand=items&expand=lines}, cookie {@code session=abc}, no body.
   */
  public static String awsFunctionUrl() {
    return EventJson.text("aws-function-url");
  }

  /** Lambda Function URL event for a request (as payload 2.0, without path parameters). */
  public static String awsFunctionUrl(HttpRequest request) {
    return AwsEvents.functionUrl(request);
  }

  /** Application Load Balancer event: {@code GET /orders?page=2}, empty body. */
  public static String awsAlb() {
    return EventJson.text("aws-alb");
  }

  /**
   * ALB event for a request: single-value lower-case headers and query (last value, percent-encoded
   * as received), empty body as {@code ""}.
   */
  public static String awsAlb(HttpRequest request) {
    return AwsEvents.alb(request);
  }

  /**
   * SQS batch of two records from queue {@code orders}: an {@code Order} JSON body on first
   * delivery with attribute {@code tenant=acme}, and one with a negative quantity on its third
   * delivery.
   */
  public static String awsSqs() {
    return EventJson.text("aws-sqs");
  }

  /** SQS batch, one record per message (id, body, attributes, receive count, body MD5). */
  public static String awsSqs(QueueMessage... messages) {
    return AwsEvents.sqs(List.of(messages));
  }

  /**
   * S3 notification: {@code ObjectCreated:Put} of {@code incoming/order+42.json} (URL-encoded: the
   * key is {@code incoming/order 42.json}), 1024 bytes, in bucket {@code uploads}.
   */
  public static String awsS3() {
    return EventJson.text("aws-s3");
  }

  /**
   * S3 notification for an event: {@code ObjectCreated:Put} or {@code ObjectRemoved:Delete} (no
   * size or eTag), the key URL-encoded as S3 sends it.
   */
  public static String awsS3(StorageEvent event) {
    return AwsEvents.s3(event);
  }

  /** EventBridge scheduled event due at 2024-05-01T03:00:00Z. */
  public static String awsEventBridgeSchedule() {
    return EventJson.text("aws-eventbridge-schedule");
  }

  /** EventBridge scheduled event due at {@code time} (whole seconds, as EventBridge sends). */
  public static String awsEventBridgeSchedule(Instant time) {
    return AwsEvents.eventBridgeSchedule(time);
  }

  /**
   * Pub/Sub {@code messagePublished} CloudEvent: message {@code 11223344556677} with an {@code
   * Order} JSON body (base64 in {@code data.message.data}) and attribute {@code tenant=acme}.
   */
  public static String gcpPubSub() {
    return EventJson.text("gcp-pubsub");
  }

  /**
   * Pub/Sub CloudEvent for a message; {@code data.deliveryAttempt} is set when the delivery count
   * is above 1 (Pub/Sub sends it only with a dead-letter policy).
   */
  public static String gcpPubSub(QueueMessage message) {
    return GcpEvents.pubSub(message);
  }

  /**
   * Cloud Storage {@code object.v1.finalized} CloudEvent: {@code incoming/order 42.json}, 1024
   * bytes, in bucket {@code uploads}.
   */
  public static String gcpStorage() {
    return EventJson.text("gcp-storage");
  }

  /** Cloud Storage {@code finalized} (created) or {@code deleted} CloudEvent for an event. */
  public static String gcpStorage(StorageEvent event) {
    return GcpEvents.storage(event);
  }

  /**
   * The binding data the Azure Functions host hands the Java worker for a Storage queue message:
   * {@code data} (the message text) and {@code metadata} ({@code Id}, {@code DequeueCount}, {@code
   * InsertionTime}, {@code PopReceipt}…) for an {@code Order} JSON body on first delivery.
   */
  public static String azureQueue() {
    return EventJson.text("azure-queue");
  }

  /** Azure queue binding data for a message (no attributes: Storage queues carry none). */
  public static String azureQueue(QueueMessage message) {
    return AzureBindingData.queue(message);
  }

  /**
   * Azure blob trigger binding data: {@code incoming/order 42.json}, 1024 bytes, in container
   * {@code uploads} ({@code BlobTrigger}, {@code name}, {@code Uri}, {@code Properties}).
   */
  public static String azureBlob() {
    return EventJson.text("azure-blob");
  }

  /** Azure blob trigger binding data for a created blob (Azure has no deletion trigger). */
  public static String azureBlob(StorageEvent event) {
    return AzureBindingData.blob(event);
  }

  /** Azure timer trigger binding data: the timer information of the run due 2024-05-01T03:00Z. */
  public static String azureTimer() {
    return EventJson.text("azure-timer");
  }

  /** Azure timer information for a run due at {@code time} ({@code ScheduleStatus.Next}). */
  public static String azureTimer(Instant time) {
    return AzureBindingData.timer(time);
  }
}
