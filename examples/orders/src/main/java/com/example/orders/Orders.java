package com.example.orders;

import io.skyhop.api.Context;
import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.HttpStatusException;
import io.skyhop.api.HttpTrigger;
import io.skyhop.api.QueueTrigger;
import io.skyhop.api.ScheduleTrigger;
import io.skyhop.api.ScheduledEvent;
import io.skyhop.api.StorageEvent;
import io.skyhop.api.StorageTrigger;
import java.util.UUID;

/** An order service with one function per trigger kind. */
public class Orders {
  /** Reads an order; {@code unknown} ids answer 404. */
  @Function(memoryMb = 512, timeoutSeconds = 10)
  @HttpTrigger(
      path = "/orders/{id}",
      methods = {HttpMethod.GET})
  public Order get(HttpRequest request, Context context) {
    String id = request.pathParam("id");
    if (id.startsWith("unknown")) {
      throw new HttpStatusException(404, "No order " + id);
    }
    context.logger().info("get order " + id);
    return new Order(id, request.queryParam("item").orElse("widget"), 1);
  }

  /** Creates an order from its JSON body and answers 201 with its location. */
  @Function(name = "create-order")
  @HttpTrigger(
      path = "/orders",
      methods = {HttpMethod.POST})
  public HttpResponse create(NewOrder body) {
    if (body.quantity() < 1) {
      throw new HttpStatusException(400, "quantity must be at least 1");
    }
    Order order = new Order(UUID.randomUUID().toString(), body.item(), body.quantity());
    return HttpResponse.status(201).header("Location", "/orders/" + order.id()).body(order).build();
  }

  /** Always fails: shows that an exception becomes a 500 without a stack trace in the body. */
  @Function(name = "explode")
  @HttpTrigger(
      path = "/orders/explode",
      methods = {HttpMethod.GET, HttpMethod.POST})
  public String explode() {
    throw new IllegalStateException("the warehouse is on fire");
  }

  /** Runs at 03:00 UTC every day. */
  @Function(timeoutSeconds = 60)
  @ScheduleTrigger(cron = "0 3 * * *")
  public void nightly(ScheduledEvent event, Context context) {
    context.logger().info("nightly report due at " + event.scheduledTime());
  }

  /** Takes orders from the {@code orders} queue; a negative quantity fails the message. */
  @Function
  @QueueTrigger(queue = "orders")
  public void onOrder(Order order, Context context) {
    if (order.quantity() < 0) {
      throw new IllegalArgumentException("negative quantity in order " + order.id());
    }
    context.logger().info("queued order " + order.id() + " x" + order.quantity());
  }

  /** Reacts to new files in the {@code uploads} bucket. */
  @Function
  @StorageTrigger(bucket = "uploads", events = StorageEvent.Type.CREATED)
  public String onUpload(StorageEvent event, Context context) {
    context.logger().info("uploaded " + event.bucket() + "/" + event.key() + " " + event.size());
    return event.key();
  }
}
