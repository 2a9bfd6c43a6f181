package io.skyhop.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import io.skyhop.core.FunctionFailedException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkyhopEventFunctionTest {
  private static final String TOPIC = "//pubsub.googleapis.com/projects/p/topics/jobs";
  private static final String BUCKET = "//storage.googleapis.com/projects/_/buckets/files";

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  private SkyhopEventFunction function(String name) {
    return new SkyhopEventFunction(
        Map.of("SKYHOP_FUNCTION", name),
        getClass().getClassLoader(),
        new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  private static String pubsub(String body, String extra) {
    String data = Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
    return "{\"message\":{\"data\":\""
        + data
        + "\",\"attributes\":{\"kind\":\"test\",\"n\":\"1\"},\"messageId\":\"m-1\","
        + "\"publishTime\":\"2026-01-31T10:00:00Z\"},"
        + "\"subscription\":\"projects/p/subscriptions/s\""
        + extra
        + "}";
  }

  @Test
  void deliversAPubSubMessage() throws Exception {
    function("job")
        .accept(
            new FakeCloudEvent(
                "ce-1",
                CloudEvents.PUBSUB_PUBLISHED,
                TOPIC,
                null,
                pubsub("hello ✓", ",\"deliveryAttempt\":3")));

    assertThat(messages())
        .containsExactly("job m-1 body=hello ✓ attrs={kind=test, n=1} delivery=3");
  }

  @Test
  void theFirstDeliveryCountsOne() throws Exception {
    function("job")
        .accept(
            new FakeCloudEvent("ce-1", CloudEvents.PUBSUB_PUBLISHED, TOPIC, null, pubsub("x", "")));

    assertThat(messages()).containsExactly("job m-1 body=x attrs={kind=test, n=1} delivery=1");
  }

  @Test
  void aFailingMessageThrowsSoPubSubRedelivers() {
    assertThatThrownBy(
            () ->
                function("job")
                    .accept(
                        new FakeCloudEvent(
                            "ce-1", CloudEvents.PUBSUB_PUBLISHED, TOPIC, null, pubsub("fail", ""))))
        .isInstanceOf(FunctionFailedException.class)
        .hasMessage("Function 'job' failed: java.lang.IllegalArgumentException: job refused")
        .hasRootCauseMessage("job refused");
  }

  @Test
  void aQueueFunctionRefusesOtherEvents() {
    assertThatThrownBy(
            () ->
                function("job")
                    .accept(
                        new FakeCloudEvent(
                            "ce-9", CloudEvents.STORAGE_FINALIZED, BUCKET, null, "{}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Expected a Pub/Sub CloudEvent of type google.cloud.pubsub.topic.v1.messagePublished but"
                + " got 'google.cloud.storage.object.v1.finalized' (id ce-9). Fix: trigger this"
                + " function from a Pub/Sub topic (eventTrigger.eventType).");
  }

  @Test
  void deliversAFinalizedObject() throws Exception {
    function("file")
        .accept(
            new FakeCloudEvent(
                "ce-2",
                CloudEvents.STORAGE_FINALIZED,
                BUCKET,
                "objects/dir/a b.txt",
                "{\"bucket\":\"files\",\"name\":\"dir/a b.txt\",\"size\":\"1234\","
                    + "\"etag\":\"CJ+8\",\"contentType\":\"text/plain\"}"));

    assertThat(messages()).containsExactly("file CREATED files/dir/a b.txt size=1234 etag=CJ+8");
  }

  @Test
  void takesBucketAndNameFromSourceAndSubjectWhenDataLacksThem() throws Exception {
    function("file")
        .accept(
            new FakeCloudEvent("ce-3", CloudEvents.STORAGE_FINALIZED, BUCKET, "objects/k", "{}"));

    assertThat(messages()).containsExactly("file CREATED files/k size=0 etag=-");
  }

  @Test
  void ignoresUndeclaredStorageEventsWithAWarning() throws Exception {
    function("file")
        .accept(
            new FakeCloudEvent(
                "ce-4", CloudEvents.STORAGE_DELETED, BUCKET, "objects/k", "{\"name\":\"k\"}"));

    assertThat(messages())
        .containsExactly(
            "Ignored google.cloud.storage.object.v1.deleted event ce-4: function 'file' handles"
                + " [CREATED]. Fix: narrow the Cloud Storage trigger's event type.");
  }

  private List<String> messages() {
    return log.toString(StandardCharsets.UTF_8)
        .lines()
        .map(l -> JsonParser.parseString(l).getAsJsonObject().get("message").getAsString())
        .toList();
  }
}
