package io.skyhop.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.api.HttpResponse;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.StorageEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The library service through each target's view: what differs from one provider to the next. */
@SkyhopTest
class TargetViewTest {
  private static final List<String> TARGETS = Targets.IDS;
  private static final StorageEvent COVER =
      new StorageEvent("covers", "c.png", 10, StorageEvent.Type.CREATED, null);

  @Test
  void anUnknownTargetIsRefusedWithTheIds(Skyhop skyhop) {
    assertThatThrownBy(() -> skyhop.target("lambda"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown target 'lambda'. Fix: call skyhop.target(...) with one of aws, azure, gcp,"
                + " local, knative.");
  }

  @Test
  void functionsSeeTheTargetsNameTheirEnvAndTheTestsEnv(Skyhop skyhop) {
    skyhop.withEnv("SHELF", "B2");
    for (String target : TARGETS) {
      TargetView view = skyhop.target(target);

      assertThat(view.target()).isEqualTo(target);
      HttpResponse book = view.get("/books/111");
      assertThat(book.status()).as(target).isEqualTo(200);
      assertThat(view.logs()).as(target).containsExactly("INFO Welcome 111");

      view.clearLogs();
      Delivery returned =
          view.queue("on-return", "{\"isbn\":\"111\",\"title\":\"Dune\",\"copies\":1}");
      assertThat(returned.succeeded()).as(target).isTrue();
      assertThat(view.logs()).as(target).containsExactly("INFO returned 111 env=B2");
    }
  }

  @Test
  void eachTargetsFrontDoorAnswersAPathNoFunctionServes(Skyhop skyhop) {
    assertThat(skyhop.target("aws").get("/shelves").bodyAsString())
        .isEqualTo("{\"message\":\"Not Found\"}");
    assertThat(skyhop.target("azure").get("/shelves").bodyAsString()).isEmpty();
    assertThat(skyhop.target("gcp").get("/shelves").status()).isEqualTo(404);
    assertThat(skyhop.target("local").get("/shelves").bodyAsString())
        .isEqualTo("{\"error\":\"No function of app 'app' serves GET /shelves\"}");
  }

  @Test
  void anAlbPassesOnlyTheLastValueOfARepeatedQueryParameter(Skyhop skyhop) {
    String twoWords = "/books/search?q=zz&q=du";

    for (AwsHttpEvent shape : List.of(AwsHttpEvent.API_GATEWAY_V1, AwsHttpEvent.API_GATEWAY_V2)) {
      assertThat(skyhop.aws(shape).get(twoWords).bodyAsString()).as(shape.name()).isEqualTo("[]");
    }
    assertThat(skyhop.aws(AwsHttpEvent.ALB).get(twoWords).bodyAsString())
        .isEqualTo("[{\"isbn\":\"111\",\"title\":\"Dune\",\"copies\":2}]");
  }

  @Test
  void azureQueueMessagesCarryNoAttributesWhileSqsAndLocalKeepThem(Skyhop skyhop) {
    QueueMessage audited =
        new QueueMessage("a-1", " ".getBytes(StandardCharsets.UTF_8), Map.of("tenant", "x"), 2);

    Delivery azure = skyhop.target("azure").queue("audit", audited);
    assertThat(azure.outcome()).isEqualTo(Delivery.Outcome.RETRIED);
    assertThat(azure.error().orElseThrow().getCause())
        .isInstanceOf(IOException.class)
        .hasMessage("empty audit record a-1");
    assertThat(azure.answer()).isEqualTo("message visible again, dequeue count 3");

    Delivery sqs = skyhop.target("aws").queue("audit", audited);
    assertThat(sqs.outcome()).isEqualTo(Delivery.Outcome.RETRIED);
    assertThat(sqs.answer()).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"a-1\"}]}");
  }

  @Test
  void schedulesRunThroughEachProvidersScheduler(Skyhop skyhop) {
    Instant due = Instant.parse("2026-03-01T01:30:00Z");
    for (String target : TARGETS) {
      TargetView view = skyhop.target(target);

      assertThat(view.schedule("inventory", due).outcome())
          .as(target)
          .isEqualTo(Delivery.Outcome.SUCCEEDED);
      assertThat(view.logs())
          .as(target)
          .contains("INFO inventory 2026-03-01T01:30:00Z Europe/Berlin");
    }
  }

  @Test
  void awsEventAnswersTheHandlersRawOutput(Skyhop skyhop) {
    String answer =
        skyhop
            .target("aws")
            .event(
                "inventory",
                SampleEvents.awsEventBridgeSchedule(Instant.parse("2026-03-01T01:30:00Z")));

    assertThat(answer).isEqualTo("\"counted 1\"");
  }

  @Test
  void azureEventDeliversTheHostsBindingDataAndThrowsWhatTheFunctionThrew(Skyhop skyhop) {
    TargetView azure = skyhop.target("azure");

    assertThat(azure.event("on-cover", SampleEvents.azureBlob(COVER))).isEmpty();
    assertThatThrownBy(
            () -> azure.event("audit", SampleEvents.azureQueue(QueueMessage.of("q-1", " "))))
        .isInstanceOf(IOException.class)
        .hasMessage("empty audit record q-1");
    assertThatThrownBy(() -> azure.event("get", "{}"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(
            "Function 'get' is an HTTP function: the Azure worker hands it an HttpRequestMessage,"
                + " not binding data. Fix: call http(...), get(...) or post(...) on"
                + " target(\"azure\").");
  }

  @Test
  void knativeHasNoStorageTriggers(Skyhop skyhop) {
    StorageEvent cover = COVER;

    assertThatThrownBy(() -> skyhop.target("knative").storage("on-cover", cover))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The knative target has no storage triggers, so function 'on-cover' is never called"
                + " there. Fix: test it on target(\"local\") or a cloud target.");
    assertThat(skyhop.target("local").storage("on-cover", cover).succeeded()).isTrue();
  }

  @Test
  void gcpEventDeliversARawCloudEventAndThrowsWhatTheFunctionThrew(Skyhop skyhop) {
    TargetView gcp = skyhop.target("gcp");

    assertThatThrownBy(
            () -> gcp.event("audit", SampleEvents.gcpPubSub(QueueMessage.of("p-1", " "))))
        .isInstanceOf(IOException.class)
        .hasMessage("empty audit record p-1");
    assertThat(gcp.event("audit", SampleEvents.gcpPubSub(QueueMessage.of("p-2", "ok")))).isEmpty();
  }

  @Test
  void aCallOfTheWrongKindNamesTheCallsThatFit(Skyhop skyhop) {
    assertThatThrownBy(() -> skyhop.target("gcp").queue("get", "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Function 'get' has an HTTP trigger, so queue(...) cannot call it. Fix: call it with"
                + " http(request), get(path) or post(path, json).");
  }
}
