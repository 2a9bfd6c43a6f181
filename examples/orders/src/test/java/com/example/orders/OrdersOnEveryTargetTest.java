package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.StorageEvent;
import io.skyhop.test.AwsHttpEvent;
import io.skyhop.test.Delivery;
import io.skyhop.test.SampleEvents;
import io.skyhop.test.Skyhop;
import io.skyhop.test.SkyhopTest;
import io.skyhop.test.TargetView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every function of the order service, called through each target's own event shapes and adapter:
 * what runs on AWS, Azure, Google, the in-house runtime and Knative, in one unit test.
 */
@SkyhopTest
class OrdersOnEveryTargetTest {
  private static final List<String> TARGETS = List.of("aws", "azure", "gcp", "local", "knative");
  private static final StorageEvent UPLOAD =
      new StorageEvent("uploads", "invoices/2024-05.pdf", 5120, StorageEvent.Type.CREATED, "e1");

  @Test
  void everyTargetServesTheHttpFunctions(Skyhop skyhop) {
    for (String target : TARGETS) {
      TargetView view = skyhop.target(target);

      HttpResponse get = view.get("/orders/42?item=bolt");
      assertEquals(200, get.status(), target);
      assertEquals(new Order("42", "bolt", 1), skyhop.read(get, Order.class), target);
      assertEquals(List.of("INFO get order 42"), view.logs(), target);

      HttpResponse created = view.post("/orders", skyhop.json(new NewOrder("nut", 3)));
      assertEquals(201, created.status(), target);
      Order order = skyhop.read(created, Order.class);
      assertEquals("/orders/" + order.id(), created.header("Location").orElseThrow(), target);

      HttpResponse unknown = view.get("/orders/unknown-7");
      assertEquals(404, unknown.status(), target);
      assertEquals(
          "{\"error\":\"No order unknown-7\",\"requestId\":\"" + target + "-3\"}",
          unknown.bodyAsString(),
          target);

      HttpResponse exploded = view.get("/orders/explode");
      assertEquals(500, exploded.status(), target);
      assertFalse(exploded.bodyAsString().contains("warehouse"), target);
      assertTrue(
          view.logs().get(view.logs().size() - 1).startsWith("ERROR Function 'explode' failed"),
          target + ": " + view.logs());
    }
  }

  @Test
  void everyTargetRunsTheEventFunctions(Skyhop skyhop) {
    for (String target : TARGETS) {
      TargetView view = skyhop.target(target);

      Delivery nightly = view.schedule("nightly", Instant.parse("2024-05-01T03:00:00Z"));
      assertEquals(Delivery.Outcome.SUCCEEDED, nightly.outcome(), target);
      // Adapters log too: Google's notes the Cloud Scheduler run before the function's line.
      assertEquals(
          "INFO nightly report due at 2024-05-01T03:00:00Z",
          view.logs().get(view.logs().size() - 1),
          target);
      view.clearLogs();

      Delivery order = view.queue("on-order", skyhop.json(new Order("7", "nut", 2)));
      assertEquals(Delivery.Outcome.SUCCEEDED, order.outcome(), target);
      assertEquals(List.of("INFO queued order 7 x2"), view.logs(), target);
      view.clearLogs();

      if (target.equals("knative")) {
        assertThrows(IllegalArgumentException.class, () -> view.storage("on-upload", UPLOAD));
      } else {
        assertEquals(Delivery.Outcome.SUCCEEDED, view.storage("on-upload", UPLOAD).outcome());
        assertEquals(
            List.of("INFO uploaded uploads/invoices/2024-05.pdf 5120"), view.logs(), target);
      }
    }
  }

  @Test
  void functionsSeeTheTargetTheyRunOn(Skyhop skyhop) {
    for (String target : TARGETS) {
      HttpResponse response = skyhop.target(target).get("/orders/unknown-1");
      assertTrue(response.bodyAsString().contains("\"requestId\":\"" + target + "-1\""), target);
    }
  }

  // ---- AWS ----

  @Test
  void awsSqsBatchListsTheFailingMessageInBatchItemFailures(Skyhop skyhop) {
    TargetView aws = skyhop.target("aws");

    List<String> failed =
        aws.queueBatch(
            "on-order",
            List.of(
                QueueMessage.of("m-1", "{\"id\":\"1\",\"item\":\"nut\",\"quantity\":1}"),
                QueueMessage.of("m-2", "{\"id\":\"2\",\"item\":\"nut\",\"quantity\":-1}"),
                QueueMessage.of("m-3", "{\"id\":\"3\",\"item\":\"nut\",\"quantity\":3}")));

    assertEquals(List.of("m-2"), failed);
    assertTrue(aws.logs().contains("INFO queued order 3 x3"), aws.logs().toString());
  }

  @Test
  void awsAnswersTheRawSqsEventWithBatchItemFailures(Skyhop skyhop) {
    String answer = skyhop.target("aws").event("on-order", SampleEvents.awsSqs());

    assertEquals(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d\"}]}",
        answer);
  }

  @Test
  void awsDecodesABase64Body(Skyhop skyhop) throws IOException {
    TargetView aws = skyhop.target("aws");

    String answer = aws.event("create-order", fixture("create-order-base64-body.json"));

    assertTrue(answer.contains("\"statusCode\":201"), answer);
    assertTrue(answer.contains("\\\"item\\\":\\\"bolt\\\",\\\"quantity\\\":2"), answer);
  }

  @Test
  void awsSendsABodyThatIsNotUtf8AsBase64(Skyhop skyhop) {
    byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe, '{'};
    HttpRequest request =
        HttpRequest.builder(HttpMethod.POST, "/orders")
            .header("Content-Type", "application/json")
            .body(notUtf8)
            .build();

    assertTrue(SampleEvents.awsApiGatewayV2(request).contains("\"isBase64Encoded\": true"));
    assertEquals(400, skyhop.target("aws").http(request).status());
  }

  @Test
  void awsServesEveryHttpEventShape(Skyhop skyhop) {
    for (AwsHttpEvent shape : AwsHttpEvent.values()) {
      HttpResponse response = skyhop.aws(shape).get("/orders/42?item=washer");

      assertEquals(200, response.status(), shape.name());
      assertEquals(new Order("42", "washer", 1), skyhop.read(response, Order.class), shape.name());
    }
  }

  @Test
  void awsAnswersAnS3NotificationWithOneResultPerRecord(Skyhop skyhop) {
    Delivery delivery =
        skyhop
            .target("aws")
            .storage(
                "on-upload", new StorageEvent("uploads", "x", 1, StorageEvent.Type.CREATED, null));

    assertEquals(Delivery.Outcome.SUCCEEDED, delivery.outcome());
    assertEquals("[\"x\"]", delivery.answer());
  }

  // ---- Azure ----

  @Test
  void azureRetriesAQueueMessageWhoseFunctionThrows(Skyhop skyhop) {
    TargetView azure = skyhop.target("azure");
    String negative = "{\"id\":\"8\",\"item\":\"nut\",\"quantity\":-1}";

    Delivery first = azure.queue("on-order", new QueueMessage("q-8", bytes(negative), Map.of(), 1));

    assertEquals(Delivery.Outcome.RETRIED, first.outcome());
    assertEquals("message visible again, dequeue count 2", first.answer());
    assertEquals(
        "negative quantity in order 8", first.error().orElseThrow().getCause().getMessage());
  }

  @Test
  void azureMovesTheFifthFailedDequeueToThePoisonQueue(Skyhop skyhop) {
    String negative = "{\"id\":\"8\",\"item\":\"nut\",\"quantity\":-1}";

    Delivery last =
        skyhop
            .target("azure")
            .queue("on-order", new QueueMessage("q-8", bytes(negative), Map.of(), 5));

    assertEquals(Delivery.Outcome.DEAD_LETTERED, last.outcome());
    assertEquals("message moved to orders-poison after 5 dequeues", last.answer());
  }

  @Test
  void azureNeverDeliversABlobDeletion(Skyhop skyhop) {
    StorageEvent deleted =
        new StorageEvent("uploads", "old.pdf", 0, StorageEvent.Type.DELETED, null);

    assertThrows(
        IllegalArgumentException.class, () -> skyhop.target("azure").storage("on-upload", deleted));
  }

  // ---- Google ----

  @Test
  void gcpDeliversAStorageObjectCloudEvent(Skyhop skyhop) {
    TargetView gcp = skyhop.target("gcp");

    assertEquals("", gcp.event("on-upload", SampleEvents.gcpStorage()));
    assertEquals(List.of("INFO uploaded uploads/incoming/order 42.json 1024"), gcp.logs());
  }

  @Test
  void gcpRedeliversAPubSubMessageWhoseFunctionThrows(Skyhop skyhop) {
    Delivery delivery =
        skyhop.target("gcp").queue("on-order", "{\"id\":\"9\",\"item\":\"nut\",\"quantity\":-2}");

    assertEquals(Delivery.Outcome.RETRIED, delivery.outcome());
    assertEquals("HTTP 500", delivery.answer());
    assertEquals("negative quantity in order 9", delivery.error().orElseThrow().getMessage());
  }

  // ---- the in-house runtime ----

  @Test
  void localDeadLettersAMessageOnItsFifthDelivery(Skyhop skyhop) {
    String negative = "{\"id\":\"8\",\"item\":\"nut\",\"quantity\":-1}";
    TargetView local = skyhop.target("local");

    assertEquals(
        Delivery.Outcome.RETRIED,
        local.queue("on-order", new QueueMessage("l-1", bytes(negative), Map.of(), 1)).outcome());
    assertEquals(
        Delivery.Outcome.DEAD_LETTERED,
        local.queue("on-order", new QueueMessage("l-1", bytes(negative), Map.of(), 5)).outcome());
  }

  @Test
  void localAndKnativeAnswer405WithAllow(Skyhop skyhop) {
    for (String target : List.of("local", "knative")) {
      HttpResponse response = skyhop.target(target).get("/orders");

      assertEquals(405, response.status(), target);
      assertEquals("POST", response.header("Allow").orElseThrow(), target);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = OrdersOnEveryTargetTest.class.getResourceAsStream("/events/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
