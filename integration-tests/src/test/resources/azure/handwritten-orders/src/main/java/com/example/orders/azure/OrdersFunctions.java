package com.example.orders.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.BlobTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import java.util.Optional;

/**
 * The Azure glue a user writes by hand for examples/orders without Skyhop: one {@code
 * @FunctionName} method per function, each trigger spelled out again in Azure's annotations. The
 * bodies do not matter here; the bindings Microsoft's plugin derives from the annotations do.
 */
public class OrdersFunctions {

  @FunctionName("get")
  public HttpResponseMessage get(
      @HttpTrigger(
              name = "req",
              dataType = "binary",
              route = "orders/{id}",
              methods = {HttpMethod.GET},
              authLevel = AuthorizationLevel.ANONYMOUS)
          HttpRequestMessage<Optional<byte[]>> request,
      @BindingName("id") String id,
      final ExecutionContext context) {
    return request.createResponseBuilder(HttpStatus.OK).body("{\"id\":\"" + id + "\"}").build();
  }

  @FunctionName("create-order")
  public HttpResponseMessage create(
      @HttpTrigger(
              name = "req",
              dataType = "binary",
              route = "orders",
              methods = {HttpMethod.POST},
              authLevel = AuthorizationLevel.ANONYMOUS)
          HttpRequestMessage<Optional<byte[]>> request,
      final ExecutionContext context) {
    return request.createResponseBuilder(HttpStatus.CREATED).build();
  }

  @FunctionName("explode")
  public HttpResponseMessage explode(
      @HttpTrigger(
              name = "req",
              dataType = "binary",
              route = "orders/explode",
              methods = {HttpMethod.GET, HttpMethod.POST},
              authLevel = AuthorizationLevel.ANONYMOUS)
          HttpRequestMessage<Optional<byte[]>> request,
      final ExecutionContext context) {
    throw new IllegalStateException("the warehouse is on fire");
  }

  @FunctionName("nightly")
  public void nightly(
      @TimerTrigger(name = "timer", schedule = "0 0 3 * * *") String timerInfo,
      final ExecutionContext context) {
    context.getLogger().info("nightly report: " + timerInfo);
  }

  @FunctionName("on-order")
  public void onOrder(
      @QueueTrigger(
              name = "message",
              dataType = "binary",
              queueName = "%SKYHOP_QUEUE_ORDERS%",
              connection = "AzureWebJobsStorage")
          byte[] message,
      @BindingName("Id") String id,
      @BindingName("DequeueCount") String dequeueCount,
      final ExecutionContext context) {
    context.getLogger().info("queued order " + id + ", " + message.length + " bytes");
  }

  @FunctionName("on-upload")
  public void onUpload(
      @BlobTrigger(
              name = "content",
              dataType = "binary",
              path = "%SKYHOP_CONTAINER_UPLOADS%/{name}",
              connection = "AzureWebJobsStorage",
              source = "EventGrid")
          byte[] content,
      @BindingName("name") String name,
      final ExecutionContext context) {
    context.getLogger().info("uploaded " + name + " " + content.length);
  }
}
