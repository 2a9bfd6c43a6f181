package io.skyhop.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.StorageEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sample events have the providers' shapes and carry the neutral values they were made of. */
class SampleEventsTest {
  private static final HttpRequest REQUEST =
      HttpRequest.builder(HttpMethod.POST, "/orders/7")
          .query("a", "1")
          .query("a", "2")
          .query("b", "x y")
          .header("Content-Type", "application/json")
          .header("X-Multi", "1")
          .header("X-Multi", "2")
          .cookie("session", "abc")
          .pathParam("id", "7")
          .body("{\"q\":1}")
          .build();

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  private static String md5(String text) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String unbase64(JsonElement e) {
    return new String(Base64.getDecoder().decode(e.getAsString()), StandardCharsets.UTF_8);
  }

  @Test
  void storedHttpSamplesHaveTheirProvidersDiscriminatingFields() {
    JsonObject v1 = json(SampleEvents.awsApiGatewayV1());
    assertThat(v1.get("httpMethod").getAsString()).isEqualTo("GET");
    assertThat(v1.getAsJsonObject("multiValueHeaders").getAsJsonArray("X-Trace")).hasSize(2);
    assertThat(v1.getAsJsonObject("requestContext").has("http")).isFalse();

    JsonObject v2 = json(SampleEvents.awsApiGatewayV2());
    assertThat(v2.get("version").getAsString()).isEqualTo("2.0");
    assertThat(unbase64(v2.get("body"))).isEqualTo("{\"qty\":1}");
    assertThat(v2.get("isBase64Encoded").getAsBoolean()).isTrue();

    JsonObject url = json(SampleEvents.awsFunctionUrl());
    assertThat(url.get("routeKey").getAsString()).isEqualTo("$default");
    assertThat(url.has("pathParameters")).isFalse();

    JsonObject alb = json(SampleEvents.awsAlb());
    assertThat(alb.getAsJsonObject("requestContext").has("elb")).isTrue();
    assertThat(alb.has("version")).isFalse();
    assertThat(alb.get("body").getAsString()).isEmpty();
  }

  @Test
  void storedSqsSampleHoldsTwoOrdersWithCorrectDigests() throws Exception {
    JsonArray records = json(SampleEvents.awsSqs()).getAsJsonArray("Records");

    assertThat(records).hasSize(2);
    for (JsonElement r : records) {
      JsonObject record = r.getAsJsonObject();
      assertThat(record.get("md5OfBody").getAsString())
          .isEqualTo(md5(record.get("body").getAsString()));
      assertThat(record.get("eventSource").getAsString()).isEqualTo("aws:sqs");
    }
    assertThat(
            records
                .get(1)
                .getAsJsonObject()
                .getAsJsonObject("attributes")
                .get("ApproximateReceiveCount")
                .getAsString())
        .isEqualTo("3");
  }

  @Test
  void storedStorageScheduleAndPubSubSamples() {
    JsonObject s3 = json(SampleEvents.awsS3()).getAsJsonArray("Records").get(0).getAsJsonObject();
    assertThat(s3.getAsJsonObject("s3").getAsJsonObject("object").get("key").getAsString())
        .isEqualTo("incoming/order+42.json");

    JsonObject schedule = json(SampleEvents.awsEventBridgeSchedule());
    assertThat(schedule.get("detail-type").getAsString()).isEqualTo("Scheduled Event");
    assertThat(schedule.get("time").getAsString()).isEqualTo("2024-05-01T03:00:00Z");

    JsonObject pubsub = json(SampleEvents.gcpPubSub());
    assertThat(pubsub.get("type").getAsString())
        .isEqualTo("google.cloud.pubsub.topic.v1.messagePublished");
    assertThat(unbase64(pubsub.getAsJsonObject("data").getAsJsonObject("message").get("data")))
        .isEqualTo("{\"id\":\"42\",\"item\":\"widget\",\"quantity\":2}");

    JsonObject gcs = json(SampleEvents.gcpStorage());
    assertThat(gcs.get("type").getAsString()).isEqualTo("google.cloud.storage.object.v1.finalized");
    assertThat(gcs.getAsJsonObject("data").get("size").getAsString()).isEqualTo("1024");
  }

  @Test
  void apiGatewayV1FromARequest() {
    JsonObject e = json(SampleEvents.awsApiGatewayV1(REQUEST));

    assertThat(e.get("httpMethod").getAsString()).isEqualTo("POST");
    assertThat(e.get("path").getAsString()).isEqualTo("/orders/7");
    assertThat(e.getAsJsonObject("queryStringParameters").get("a").getAsString()).isEqualTo("2");
    assertThat(e.getAsJsonObject("multiValueQueryStringParameters").get("a").toString())
        .isEqualTo("[\"1\",\"2\"]");
    assertThat(e.getAsJsonObject("queryStringParameters").get("b").getAsString()).isEqualTo("x y");
    assertThat(e.getAsJsonObject("headers").get("X-Multi").getAsString()).isEqualTo("2");
    assertThat(e.getAsJsonObject("multiValueHeaders").get("X-Multi").toString())
        .isEqualTo("[\"1\",\"2\"]");
    assertThat(e.getAsJsonObject("headers").get("Cookie").getAsString()).isEqualTo("session=abc");
    assertThat(e.getAsJsonObject("pathParameters").get("id").getAsString()).isEqualTo("7");
    assertThat(e.getAsJsonObject("requestContext").get("path").getAsString())
        .isEqualTo("/prod/orders/7");
    assertThat(e.get("body").getAsString()).isEqualTo("{\"q\":1}");
    assertThat(e.get("isBase64Encoded").getAsBoolean()).isFalse();
  }

  @Test
  void emptyMapsAndBodyAreNullInPayload1() {
    JsonObject e =
        json(SampleEvents.awsApiGatewayV1(HttpRequest.builder(HttpMethod.GET, "/").build()));

    assertThat(e.get("queryStringParameters").isJsonNull()).isTrue();
    assertThat(e.get("multiValueHeaders").isJsonNull()).isTrue();
    assertThat(e.get("pathParameters").isJsonNull()).isTrue();
    assertThat(e.get("body").isJsonNull()).isTrue();
  }

  @Test
  void aBinaryBodyIsBase64() {
    byte[] binary = {(byte) 0xff, 0, 1};
    HttpRequest request = HttpRequest.builder(HttpMethod.PUT, "/blob").body(binary).build();

    for (String event :
        new String[] {
          SampleEvents.awsApiGatewayV1(request),
          SampleEvents.awsApiGatewayV2(request),
          SampleEvents.awsFunctionUrl(request),
          SampleEvents.awsAlb(request)
        }) {
      JsonObject e = json(event);
      assertThat(e.get("isBase64Encoded").getAsBoolean()).isTrue();
      assertThat(Base64.getDecoder().decode(e.get("body").getAsString())).isEqualTo(binary);
    }
  }

  @Test
  void apiGatewayV2FromARequest() {
    JsonObject e = json(SampleEvents.awsApiGatewayV2(REQUEST));

    assertThat(e.get("routeKey").getAsString()).isEqualTo("POST /orders/7");
    assertThat(e.get("rawPath").getAsString()).isEqualTo("/orders/7");
    assertThat(e.get("rawQueryString").getAsString()).isEqualTo("a=1&a=2&b=x+y");
    assertThat(e.getAsJsonObject("queryStringParameters").get("a").getAsString()).isEqualTo("1,2");
    assertThat(e.getAsJsonObject("headers").get("x-multi").getAsString()).isEqualTo("1,2");
    assertThat(e.getAsJsonObject("headers").get("content-type").getAsString())
        .isEqualTo("application/json");
    assertThat(e.getAsJsonArray("cookies").toString()).isEqualTo("[\"session=abc\"]");
    assertThat(e.getAsJsonObject("pathParameters").get("id").getAsString()).isEqualTo("7");
    JsonObject http = e.getAsJsonObject("requestContext").getAsJsonObject("http");
    assertThat(http.get("method").getAsString()).isEqualTo("POST");
    assertThat(http.get("path").getAsString()).isEqualTo("/orders/7");
    assertThat(e.get("body").getAsString()).isEqualTo("{\"q\":1}");
  }

  @Test
  void functionUrlFromARequestUsesTheDefaultRoute() {
    JsonObject e = json(SampleEvents.awsFunctionUrl(REQUEST));

    assertThat(e.get("routeKey").getAsString()).isEqualTo("$default");
    assertThat(e.getAsJsonObject("requestContext").get("routeKey").getAsString())
        .isEqualTo("$default");
    assertThat(e.has("pathParameters")).isFalse();
    assertThat(e.get("rawQueryString").getAsString()).isEqualTo("a=1&a=2&b=x+y");
  }

  @Test
  void albFromARequest() {
    JsonObject e = json(SampleEvents.awsAlb(REQUEST));

    assertThat(e.get("httpMethod").getAsString()).isEqualTo("POST");
    assertThat(e.getAsJsonObject("queryStringParameters").get("b").getAsString()).isEqualTo("x+y");
    assertThat(e.getAsJsonObject("headers").get("x-multi").getAsString()).isEqualTo("2");
    assertThat(e.getAsJsonObject("headers").get("cookie").getAsString()).isEqualTo("session=abc");
  }

  @Test
  void sqsFromMessages() throws Exception {
    QueueMessage first =
        new QueueMessage(
            "m-1", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), Map.of("tenant", "acme"), 1);
    QueueMessage second =
        new QueueMessage("m-2", "plain".getBytes(StandardCharsets.UTF_8), Map.of(), 4);

    JsonArray records = json(SampleEvents.awsSqs(first, second)).getAsJsonArray("Records");

    assertThat(records).hasSize(2);
    JsonObject r1 = records.get(0).getAsJsonObject();
    assertThat(r1.get("messageId").getAsString()).isEqualTo("m-1");
    assertThat(r1.get("body").getAsString()).isEqualTo("{\"a\":1}");
    assertThat(r1.get("md5OfBody").getAsString()).isEqualTo(md5("{\"a\":1}"));
    assertThat(
            r1.getAsJsonObject("messageAttributes")
                .getAsJsonObject("tenant")
                .get("stringValue")
                .getAsString())
        .isEqualTo("acme");
    JsonObject r2 = records.get(1).getAsJsonObject();
    assertThat(r2.getAsJsonObject("attributes").get("ApproximateReceiveCount").getAsString())
        .isEqualTo("4");
    assertThat(r2.getAsJsonObject("messageAttributes").size()).isZero();
  }

  @Test
  void s3FromEvents() {
    JsonObject created =
        json(SampleEvents.awsS3(
                new StorageEvent(
                    "photos", "2024/my cat+dog.jpg", 10, StorageEvent.Type.CREATED, "e1")))
            .getAsJsonArray("Records")
            .get(0)
            .getAsJsonObject();
    assertThat(created.get("eventName").getAsString()).isEqualTo("ObjectCreated:Put");
    JsonObject s3 = created.getAsJsonObject("s3");
    assertThat(s3.getAsJsonObject("bucket").get("name").getAsString()).isEqualTo("photos");
    JsonObject object = s3.getAsJsonObject("object");
    assertThat(object.get("key").getAsString()).isEqualTo("2024/my+cat%2Bdog.jpg");
    assertThat(object.get("size").getAsLong()).isEqualTo(10);
    assertThat(object.get("eTag").getAsString()).isEqualTo("e1");

    JsonObject deleted =
        json(SampleEvents.awsS3(
                new StorageEvent("photos", "a.jpg", 0, StorageEvent.Type.DELETED, null)))
            .getAsJsonArray("Records")
            .get(0)
            .getAsJsonObject();
    assertThat(deleted.get("eventName").getAsString()).isEqualTo("ObjectRemoved:Delete");
    assertThat(deleted.getAsJsonObject("s3").getAsJsonObject("object").has("size")).isFalse();
  }

  @Test
  void eventBridgeAtATime() {
    JsonObject e =
        json(SampleEvents.awsEventBridgeSchedule(Instant.parse("2030-01-02T03:04:05.678Z")));

    assertThat(e.get("time").getAsString()).isEqualTo("2030-01-02T03:04:05Z");
    assertThat(e.get("source").getAsString()).isEqualTo("aws.events");
  }

  @Test
  void pubSubFromAMessage() {
    QueueMessage message =
        new QueueMessage("p-1", new byte[] {(byte) 0xff, 1}, Map.of("k", "v"), 5);

    JsonObject e = json(SampleEvents.gcpPubSub(message));

    assertThat(e.get("id").getAsString()).isEqualTo("p-1");
    JsonObject data = e.getAsJsonObject("data");
    assertThat(
            Base64.getDecoder().decode(data.getAsJsonObject("message").get("data").getAsString()))
        .isEqualTo(new byte[] {(byte) 0xff, 1});
    assertThat(data.getAsJsonObject("message").get("messageId").getAsString()).isEqualTo("p-1");
    assertThat(data.getAsJsonObject("message").getAsJsonObject("attributes").get("k").getAsString())
        .isEqualTo("v");
    assertThat(data.get("deliveryAttempt").getAsInt()).isEqualTo(5);
    assertThat(
            json(SampleEvents.gcpPubSub(QueueMessage.of("p-2", "x")))
                .getAsJsonObject("data")
                .has("deliveryAttempt"))
        .isFalse();
  }

  @Test
  void cloudStorageFromEvents() {
    JsonObject e =
        json(
            SampleEvents.gcpStorage(
                new StorageEvent("photos", "a b.jpg", 77, StorageEvent.Type.DELETED, null)));

    assertThat(e.get("type").getAsString()).isEqualTo("google.cloud.storage.object.v1.deleted");
    assertThat(e.get("source").getAsString())
        .isEqualTo("//storage.googleapis.com/projects/_/buckets/photos");
    assertThat(e.get("subject").getAsString()).isEqualTo("objects/a b.jpg");
    JsonObject data = e.getAsJsonObject("data");
    assertThat(data.get("name").getAsString()).isEqualTo("a b.jpg");
    assertThat(data.get("bucket").getAsString()).isEqualTo("photos");
    assertThat(data.get("size").getAsString()).isEqualTo("77");
    assertThat(data.has("etag")).isFalse();
    assertThat(data.get("selfLink").getAsString())
        .isEqualTo("https://www.googleapis.com/storage/v1/b/photos/o/a%20b.jpg");
  }
}
