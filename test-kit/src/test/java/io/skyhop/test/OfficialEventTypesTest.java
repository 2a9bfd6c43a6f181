package io.skyhop.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.google.events.cloud.pubsub.v1.MessagePublishedData;
import com.google.events.cloud.storage.v1.StorageObjectData;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.StorageEvent;
import io.skyhop.azure.SkyhopFunctions;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every sample event, stored or filled in, reads with the providers' official event types: AWS's
 * {@code aws-lambda-java-events} through the Lambda runtime's own serializers ({@code
 * aws-lambda-java-serialization}), the CloudEvents SDK's JSON format for Google's envelopes and
 * Google's generated CloudEvent data types ({@code google-cloudevent-types}, read strictly: an
 * unknown field fails), and Azure's binding data against the {@code azure-functions-java-library}
 * annotations the worker binds by. Values are checked after reading, so a misspelt field (which the
 * AWS serializers would skip) fails too.
 */
class OfficialEventTypesTest {
  private static final HttpRequest REQUEST =
      HttpRequest.builder(HttpMethod.POST, "/orders/7")
          .query("a", "1")
          .header("Content-Type", "application/json")
          .cookie("session", "abc")
          .body("{\"q\":1}")
          .build();
  private static final StorageEvent UPLOAD =
      new StorageEvent("uploads", "in/a b.json", 2048, StorageEvent.Type.CREATED, "e-1");

  private static <T> T aws(Class<T> type, String json) {
    return LambdaEventSerializers.serializerFor(type, OfficialEventTypesTest.class.getClassLoader())
        .fromJson(json);
  }

  @Test
  void apiGatewayV2AndFunctionUrlEventsReadAsApiGatewayV2HttpEvents() {
    APIGatewayV2HTTPEvent stored = aws(APIGatewayV2HTTPEvent.class, SampleEvents.awsApiGatewayV2());
    assertThat(stored.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
    assertThat(stored.getRawPath()).isEqualTo("/orders/42");
    assertThat(stored.getCookies()).containsExactly("session=abc", "theme=dark");
    assertThat(stored.getIsBase64Encoded()).isTrue();
    assertThat(stored.getPathParameters()).containsEntry("id", "42");

    APIGatewayV2HTTPEvent filled =
        aws(APIGatewayV2HTTPEvent.class, SampleEvents.awsApiGatewayV2(REQUEST));
    assertThat(filled.getRawQueryString()).isEqualTo("a=1");
    assertThat(filled.getHeaders()).containsEntry("content-type", "application/json");
    assertThat(filled.getBody()).isEqualTo("{\"q\":1}");
    assertThat(filled.getRouteKey()).isEqualTo("POST /orders/7");

    APIGatewayV2HTTPEvent url = aws(APIGatewayV2HTTPEvent.class, SampleEvents.awsFunctionUrl());
    assertThat(url.getRouteKey()).isEqualTo("$default");
    assertThat(url.getRequestContext().getHttp().getPath()).isEqualTo("/orders/42");
    assertThat(aws(APIGatewayV2HTTPEvent.class, SampleEvents.awsFunctionUrl(REQUEST)).getCookies())
        .containsExactly("session=abc");
  }

  @Test
  void apiGatewayV1EventsReadAsProxyRequestEvents() {
    APIGatewayProxyRequestEvent stored =
        aws(APIGatewayProxyRequestEvent.class, SampleEvents.awsApiGatewayV1());
    assertThat(stored.getHttpMethod()).isEqualTo("GET");
    assertThat(stored.getMultiValueHeaders().get("X-Trace")).hasSize(2);
    assertThat(stored.getPathParameters()).containsEntry("id", "42");
    assertThat(stored.getRequestContext().getRequestId()).isNotBlank();

    APIGatewayProxyRequestEvent filled =
        aws(APIGatewayProxyRequestEvent.class, SampleEvents.awsApiGatewayV1(REQUEST));
    assertThat(filled.getMultiValueQueryStringParameters().get("a")).containsExactly("1");
    assertThat(filled.getBody()).isEqualTo("{\"q\":1}");
  }

  @Test
  void albEventsReadAsLoadBalancerRequestEvents() {
    ApplicationLoadBalancerRequestEvent stored =
        aws(ApplicationLoadBalancerRequestEvent.class, SampleEvents.awsAlb());
    assertThat(stored.getRequestContext().getElb().getTargetGroupArn()).startsWith("arn:aws:");
    assertThat(stored.getHttpMethod()).isEqualTo("GET");

    ApplicationLoadBalancerRequestEvent filled =
        aws(ApplicationLoadBalancerRequestEvent.class, SampleEvents.awsAlb(REQUEST));
    assertThat(filled.getPath()).isEqualTo("/orders/7");
    assertThat(filled.getHeaders()).containsEntry("cookie", "session=abc");
  }

  @Test
  void sqsEventsReadAsSqsEvents() {
    SQSEvent stored = aws(SQSEvent.class, SampleEvents.awsSqs());
    assertThat(stored.getRecords()).hasSize(2);
    assertThat(stored.getRecords().get(0).getMessageAttributes().get("tenant").getStringValue())
        .isEqualTo("acme");
    assertThat(stored.getRecords().get(1).getAttributes()).containsKey("ApproximateReceiveCount");

    SQSEvent filled =
        aws(
            SQSEvent.class,
            SampleEvents.awsSqs(new QueueMessage("m-1", "hi".getBytes(), Map.of("k", "v"), 3)));
    SQSEvent.SQSMessage message = filled.getRecords().get(0);
    assertThat(message.getMessageId()).isEqualTo("m-1");
    assertThat(message.getBody()).isEqualTo("hi");
    assertThat(message.getAttributes()).containsEntry("ApproximateReceiveCount", "3");
    assertThat(message.getEventSource()).isEqualTo("aws:sqs");
  }

  @Test
  void s3AndScheduleEventsReadAsTheirTypes() {
    S3Event stored = aws(S3Event.class, SampleEvents.awsS3());
    assertThat(stored.getRecords().get(0).getS3().getObject().getKey())
        .isEqualTo("incoming/order+42.json");
    assertThat(stored.getRecords().get(0).getS3().getObject().getSizeAsLong()).isEqualTo(1024L);

    S3Event filled = aws(S3Event.class, SampleEvents.awsS3(UPLOAD));
    assertThat(filled.getRecords().get(0).getEventName()).isEqualTo("ObjectCreated:Put");
    assertThat(filled.getRecords().get(0).getS3().getBucket().getName()).isEqualTo("uploads");
    assertThat(filled.getRecords().get(0).getS3().getObject().geteTag()).isEqualTo("e-1");

    ScheduledEvent schedule =
        aws(
            ScheduledEvent.class,
            SampleEvents.awsEventBridgeSchedule(Instant.parse("2026-01-31T03:00:00Z")));
    assertThat(schedule.getDetailType()).isEqualTo("Scheduled Event");
    assertThat(schedule.getTime().getMillis())
        .isEqualTo(Instant.parse("2026-01-31T03:00:00Z").toEpochMilli());
  }

  @Test
  void theAdaptersAnswersReadAsTheResponseTypes() {
    TargetView aws = Skyhop.load().target("aws");
    String http =
        aws.event(
            "add-book",
            SampleEvents.awsApiGatewayV2(
                HttpRequest.builder(HttpMethod.POST, "/books")
                    .header("Content-Type", "application/json")
                    .body("{\"isbn\":\"222\",\"title\":\"Emma\",\"copies\":1}")
                    .build()));
    APIGatewayV2HTTPResponse response = aws(APIGatewayV2HTTPResponse.class, http);
    assertThat(response.getStatusCode()).isEqualTo(201);

    String sqs = aws.event("audit", SampleEvents.awsSqs(QueueMessage.of("m-9", " ")));
    SQSBatchResponse batch = aws(SQSBatchResponse.class, sqs);
    assertThat(batch.getBatchItemFailures()).hasSize(1);
    assertThat(batch.getBatchItemFailures().get(0).getItemIdentifier()).isEqualTo("m-9");
  }

  @Test
  void googleCloudEventsReadWithTheCloudEventsSdkAndGooglesDataTypes() throws Exception {
    CloudEvent storage = cloudEvent(SampleEvents.gcpStorage());
    assertThat(storage.getType()).isEqualTo("google.cloud.storage.object.v1.finalized");
    assertThat(storage.getSubject()).isEqualTo("objects/incoming/order 42.json");
    StorageObjectData object = data(storage, StorageObjectData.newBuilder());
    assertThat(object.getName()).isEqualTo("incoming/order 42.json");
    assertThat(object.getSize()).isEqualTo(1024L);

    StorageObjectData filled =
        data(cloudEvent(SampleEvents.gcpStorage(UPLOAD)), StorageObjectData.newBuilder());
    assertThat(filled.getBucket()).isEqualTo("uploads");
    assertThat(filled.getName()).isEqualTo("in/a b.json");
    assertThat(filled.getSize()).isEqualTo(2048L);
    assertThat(filled.getEtag()).isEqualTo("e-1");

    CloudEvent pubsub = cloudEvent(SampleEvents.gcpPubSub());
    MessagePublishedData published = data(pubsub, MessagePublishedData.newBuilder());
    assertThat(published.getMessage().getAttributesMap()).containsEntry("tenant", "acme");
    assertThat(published.getMessage().getMessageId()).isEqualTo(pubsub.getId());

    MessagePublishedData message =
        data(
            cloudEvent(SampleEvents.gcpPubSub(QueueMessage.of("p-1", "hello"))),
            MessagePublishedData.newBuilder());
    assertThat(message.getMessage().getData().toString(StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(message.getMessage().getMessageId()).isEqualTo("p-1");
  }

  /**
   * Azure has no event documents: the worker binds each entry method's parameters by the library's
   * annotations. Every {@code @BindingName} of the adapter's queue, blob and timer entry points is
   * in the matching sample's metadata, binary triggers take bytes, and each stored sample runs.
   */
  @Test
  void azureBindingDataHoldsEveryBindingTheLibrarysAnnotationsName() {
    Map<String, String> samples =
        Map.of(
            "queue", SampleEvents.azureQueue(),
            "blob", SampleEvents.azureBlob(),
            "timer", SampleEvents.azureTimer());
    samples.forEach(
        (method, sample) -> {
          JsonObject metadata =
              JsonParser.parseString(sample).getAsJsonObject().getAsJsonObject("metadata");
          Method entry = entryMethod(method);
          for (Parameter p : entry.getParameters()) {
            BindingName name = p.getAnnotation(BindingName.class);
            if (name != null) {
              assertThat(metadata.keySet()).as(method).contains(name.value());
            }
          }
        });
    assertThat(entryMethod("queue").getParameters()[0].getAnnotation(QueueTrigger.class).dataType())
        .isEqualTo("binary");
    assertThat(entryMethod("queue").getParameterTypes()[0]).isEqualTo(byte[].class);

    TargetView azure = Skyhop.load().target("azure");
    assertThat(azure.event("audit", SampleEvents.azureQueue())).isEmpty();
    assertThat(azure.event("on-cover", SampleEvents.azureBlob())).isEmpty();
    assertThat(azure.event("inventory", SampleEvents.azureTimer())).isEmpty();
    assertThat(azure.logs()).containsExactly("INFO inventory 2024-05-01T03:00:00Z Europe/Berlin");
  }

  private static Method entryMethod(String name) {
    return Arrays.stream(SkyhopFunctions.class.getMethods())
        .filter(m -> m.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static CloudEvent cloudEvent(String json) {
    EventFormat format =
        EventFormatProvider.getInstance()
            .resolveFormat(io.cloudevents.jackson.JsonFormat.CONTENT_TYPE);
    return format.deserialize(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The event's data, read strictly. Pub/Sub's envelope repeats {@code messageId} and {@code
   * publishTime} in snake case and types the message with {@code @type} (Google's own test data
   * shows both): those are dropped first, as Google's libraries do.
   */
  @SuppressWarnings("unchecked")
  private static <M extends Message> M data(CloudEvent event, Message.Builder builder)
      throws InvalidProtocolBufferException {
    JsonObject data =
        JsonParser.parseString(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
            .getAsJsonObject();
    if (data.has("message")) {
      JsonObject message = data.getAsJsonObject("message");
      message.remove("@type");
      message.remove("message_id");
      message.remove("publish_time");
    }
    JsonFormat.parser().merge(data.toString(), builder);
    return (M) builder.build();
  }
}
