package io.skyhop.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueueStorageScheduleTest {
  @Test
  void sqsBatchListsTheFailedMessageInBatchItemFailures() throws Exception {
    Invoker work = new Invoker("work");

    String response = work.invoke(Invoker.fixture("sqs.json"));

    assertThat(response).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-bad\"}]}");
    assertThat(work.context.logs).hasSize(1);
    assertThat(work.context.logs.get(0))
        .startsWith(
            "[ERROR] Function 'work' failed: java.lang.IllegalArgumentException: negative n in j2"
                + " (message m-bad)");
  }

  @Test
  void sqsBatchWithoutFailuresAnswersAnEmptyList() throws Exception {
    Invoker work = new Invoker("work");

    String response = work.invoke(Invoker.fixture("sqs.json").replace("\"n\\\":-1", "\"n\\\":1"));

    assertThat(response).isEqualTo("{\"batchItemFailures\":[]}");
  }

  @Test
  void onAFifoQueueTheFirstFailureAlsoFailsTheRestOfTheBatch() throws Exception {
    Invoker work = new Invoker("work");

    String response = work.invoke(Invoker.fixture("sqs.json").replace(":jobs\"", ":jobs.fifo\""));

    assertThat(response)
        .isEqualTo(
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"m-bad\"},{\"itemIdentifier\":\"m-ok2\"}]}");
  }

  @Test
  void aBatchFunctionSeesEveryMessage() throws Exception {
    Invoker batch = new Invoker("batch");

    assertThat(batch.invoke(Invoker.fixture("sqs.json").replace(":jobs\"", ":batches\"")))
        .isEqualTo("{\"batchItemFailures\":[]}");
  }

  @Test
  void sqsMessageCarriesIdAttributesAndDeliveryCount() {
    var record =
        com.google.gson.JsonParser.parseString(Invoker.fixture("sqs.json"))
            .getAsJsonObject()
            .getAsJsonArray("Records");

    var first = SqsMapper.message(record.get(0).getAsJsonObject());
    var second = SqsMapper.message(record.get(1).getAsJsonObject());

    assertThat(first.id()).isEqualTo("m-ok");
    assertThat(first.attributes()).containsExactly(java.util.Map.entry("tenant", "acme"));
    assertThat(first.bodyAsString()).isEqualTo("{\"id\":\"j1\",\"n\":3}");
    assertThat(second.deliveryCount()).isEqualTo(2);
  }

  @Test
  void s3KeysAreUrlDecodedAndOnlyTheTriggersEventTypesAreDelivered() throws Exception {
    Invoker files = new Invoker("files");

    String response = files.invoke(Invoker.fixture("s3.json"));

    assertThat(response).isEqualTo("[\"CREATED inbox/incoming/order 42+xé.json 1024\"]");
    assertThat(files.context.logs)
        .containsExactly(
            "[WARN] Skipping S3 event 'ObjectRemoved:Delete': function 'files' takes [CREATED]"
                + " events. Fix: limit the bucket notification to those event types.\n");
  }

  @Test
  void aFailingStorageFunctionFailsTheInvocationWithItsOwnException() {
    Invoker files = new Invoker("files");
    String event = Invoker.fixture("s3.json").replace("incoming/order", "bad");

    assertThatThrownBy(() -> files.invoke(event))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bad file bad 42+xé.json");
  }

  @Test
  void scheduledEventCarriesItsTimeAndTheTriggersCron() throws Exception {
    Invoker tick = new Invoker("tick");

    assertThat(tick.invoke(Invoker.fixture("schedule.json")))
        .isEqualTo("\"2024-05-01T03:00:00Z 0 3 * * *\"");
  }

  @Test
  void scheduledEventWithoutAValidTimeFails() {
    Invoker tick = new Invoker("tick");
    String event = Invoker.fixture("schedule.json").replace("2024-05-01T03:00:00Z", "yesterday");

    assertThatThrownBy(() -> tick.invoke(event))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The EventBridge scheduled event has time 'yesterday', not an ISO-8601 instant such"
                + " as 2024-05-01T06:00:00Z");
  }
}
