package com.example.relay;

import io.skyhop.api.Context;
import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.HttpTrigger;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.QueueTrigger;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Enqueues with the endpoint and token the runtime gives functions; records deliveries. */
public class Relay {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Enqueues the request body to {@code queue}; answers what the queue endpoint answered. */
  @Function(name = "send")
  @HttpTrigger(
      path = "/send/{queue}",
      methods = {HttpMethod.POST})
  public HttpResponse send(HttpRequest request, Context context) throws Exception {
    String url = System.getenv("SKYHOP_QUEUES_URL");
    String token = System.getenv("SKYHOP_QUEUES_TOKEN");
    if (url == null || token == null) {
      return HttpResponse.status(500)
          .body("SKYHOP_QUEUES_URL or SKYHOP_QUEUES_TOKEN is not set")
          .build();
    }
    java.net.http.HttpRequest enqueue =
        java.net.http.HttpRequest.newBuilder(URI.create(url + "/" + request.pathParam("queue")))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .header("x-skyhop-attribute-sender", context.functionName())
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.body()))
            .build();
    java.net.http.HttpResponse<String> answer =
        http.send(enqueue, java.net.http.HttpResponse.BodyHandlers.ofString());
    return HttpResponse.status(answer.statusCode())
        .header("Content-Type", "application/json")
        .body(answer.body().getBytes(StandardCharsets.UTF_8))
        .build();
  }

  /** The queue endpoint and token this function was given (a test fixture only shows them). */
  @Function(name = "env")
  @HttpTrigger(
      path = "/env",
      methods = {HttpMethod.GET})
  public Map<String, String> env() {
    Map<String, String> env = new TreeMap<>();
    for (String name : new String[] {"SKYHOP_QUEUES_URL", "SKYHOP_QUEUES_TOKEN"}) {
      String value = System.getenv(name);
      env.put(name, value == null ? "unset" : value);
    }
    return env;
  }

  /** Records each delivery: the body, the sender attribute and the delivery count. */
  @Function(
      name = "record",
      env = {"OUT_DIR=@@OUT_DIR@@"})
  @QueueTrigger(queue = "relay-inbox")
  public void record(QueueMessage message, Context context) throws Exception {
    Path out = Path.of(context.env("OUT_DIR").orElseThrow());
    Path tmp = Files.createTempFile(out, "delivery-", ".tmp");
    Files.writeString(
        tmp,
        new String(message.body(), StandardCharsets.UTF_8)
            + "\nsender="
            + message.attributes().get("sender")
            + "\ndeliveryCount="
            + message.deliveryCount()
            + "\n");
    Files.move(tmp, out.resolve(message.id()), StandardCopyOption.ATOMIC_MOVE);
  }
}
