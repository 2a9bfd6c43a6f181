package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyhop.api.HttpResponse;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.StorageEvent;
import io.skyhop.test.Skyhop;
import io.skyhop.test.SkyhopTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every function of the order service, called as a target would call it. */
@SkyhopTest
class OrdersTest {
  @Test
  void getReadsAnOrder(Skyhop skyhop) {
    HttpResponse response = skyhop.get("/orders/42?item=bolt");

    assertEquals(200, response.status());
    assertEquals(new Order("42", "bolt", 1), skyhop.read(response, Order.class));
    assertEquals(List.of("INFO get order 42"), skyhop.logs());
  }

  @Test
  void getAnswers404ForUnknownOrders(Skyhop skyhop) {
    HttpResponse response = skyhop.get("/orders/unknown-7");

    assertEquals(404, response.status());
    assertEquals(
        "{\"error\":\"No order unknown-7\",\"requestId\":\"test-1\"}", response.bodyAsString());
  }

  @Test
  void createOrderAnswers201WithTheLocation(Skyhop skyhop) {
    HttpResponse response = skyhop.post("/orders", skyhop.json(new NewOrder("widget", 3)));

    assertEquals(201, response.status());
    Order order = skyhop.read(response, Order.class);
    assertEquals("widget", order.item());
    assertEquals(3, order.quantity());
    assertEquals("/orders/" + order.id(), response.header("Location").orElseThrow());
  }

  @Test
  void createOrderRefusesAQuantityBelowOne(Skyhop skyhop) {
    HttpResponse response = skyhop.post("/orders", "{\"item\":\"widget\",\"quantity\":0}");

    assertEquals(400, response.status());
    assertEquals(
        "{\"error\":\"quantity must be at least 1\",\"requestId\":\"test-1\"}",
        response.bodyAsString());
  }

  @Test
  void createOrderRefusesBadJson(Skyhop skyhop) {
    assertEquals(400, skyhop.post("/orders", "{\"item\":").status());
  }

  @Test
  void ordersAcceptOnlyPostAndGetOnTheirPaths(Skyhop skyhop) {
    assertEquals(405, skyhop.get("/orders").status());
    assertEquals("POST", skyhop.get("/orders").header("Allow").orElseThrow());
  }

  @Test
  void explodeIsA500WithoutTheStackTraceWhichIsLogged(Skyhop skyhop) {
    HttpResponse response = skyhop.get("/orders/explode");

    assertEquals(500, response.status());
    assertEquals(
        "{\"error\":\"Internal Server Error\",\"requestId\":\"test-1\"}", response.bodyAsString());
    assertFalse(response.bodyAsString().contains("warehouse"));
    assertTrue(
        skyhop
            .logs()
            .get(0)
            .startsWith(
                "ERROR Function 'explode' failed\n"
                    + "java.lang.IllegalStateException: the warehouse is on fire\n"));
  }

  @Test
  void nightlyRunsAtThreeUtc(Skyhop skyhop) {
    skyhop.schedule("nightly");

    String log = skyhop.logs().get(0);
    assertTrue(log.startsWith("INFO nightly report due at "), log);
    assertTrue(log.endsWith("T03:00:00Z"), log);
  }

  @Test
  void nightlyAtAGivenTime(Skyhop skyhop) {
    skyhop.schedule("nightly", Instant.parse("2024-05-01T03:00:00Z"));

    assertEquals(List.of("INFO nightly report due at 2024-05-01T03:00:00Z"), skyhop.logs());
  }

  @Test
  void onOrderTakesAnOrderFromTheQueue(Skyhop skyhop) {
    skyhop.queue("on-order", skyhop.json(new Order("7", "nut", 2)));

    assertEquals(List.of("INFO queued order 7 x2"), skyhop.logs());
  }

  @Test
  void onOrderFailsANegativeQuantity(Skyhop skyhop) {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> skyhop.queue("on-order", "{\"id\":\"8\",\"item\":\"nut\",\"quantity\":-1}"));

    assertEquals("negative quantity in order 8", thrown.getMessage());
  }

  @Test
  void onOrderBatchRetriesOnlyTheFailedMessage(Skyhop skyhop) {
    List<String> failed =
        skyhop.queueBatch(
            "on-order",
            List.of(
                QueueMessage.of("a", "{\"id\":\"1\",\"item\":\"nut\",\"quantity\":1}"),
                QueueMessage.of("b", "{\"id\":\"2\",\"item\":\"nut\",\"quantity\":-1}"),
                QueueMessage.of("c", "{\"id\":\"3\",\"item\":\"nut\",\"quantity\":3}")));

    assertEquals(List.of("b"), failed);
  }

  @Test
  void onUploadSeesNewFiles(Skyhop skyhop) {
    StorageEvent upload =
        new StorageEvent("uploads", "invoices/2024-05.pdf", 5120, StorageEvent.Type.CREATED, "e1");

    assertEquals("invoices/2024-05.pdf", skyhop.storage("on-upload", upload));
    assertEquals(List.of("INFO uploaded uploads/invoices/2024-05.pdf 5120"), skyhop.logs());
  }

  @Test
  void everyFunctionIsCoveredHere(Skyhop skyhop) {
    assertEquals(
        List.of("get", "create-order", "explode", "nightly", "on-order", "on-upload"),
        skyhop.functions());
  }
}
