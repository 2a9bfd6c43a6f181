package io.skyhop.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import io.skyhop.api.Context;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.QueueMessage;
import io.skyhop.core.FunctionFailedException;
import io.skyhop.core.FunctionRuntime;
import io.skyhop.core.InvocationContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What reaches an OTLP/HTTP receiver: one request per invocation, in OTLP's JSON mapping. */
class OtlpExportTest {
  private final List<JsonObject> requests = new CopyOnWriteArrayList<>();
  private final List<String> headers = new CopyOnWriteArrayList<>();
  private HttpServer receiver;
  private FunctionRuntime runtime;

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/v1/traces",
        exchange -> {
          headers.add(
              exchange.getRequestHeaders().getFirst("Content-Type")
                  + " "
                  + exchange.getRequestHeaders().getFirst("Api-Key"));
          requests.add(
              JsonParser.parseString(
                      new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                  .getAsJsonObject());
          exchange.sendResponseHeaders(200, 2);
          exchange.getResponseBody().write("{}".getBytes(StandardCharsets.UTF_8));
          exchange.close();
        });
    receiver.start();
    runtime =
        FunctionRuntime.load(
            getClass().getClassLoader(),
            Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT",
                "http://127.0.0.1:" + receiver.getAddress().getPort(),
                "OTEL_EXPORTER_OTLP_HEADERS",
                "api-key=k-123",
                "OTEL_SERVICE_NAME",
                "shop"));
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  private static Context context(String function) {
    return InvocationContext.of(
        "req-7", function, "test", System.currentTimeMillis() + 30_000, m -> {}, Map.of());
  }

  private JsonObject onlySpan() {
    assertThat(requests).hasSize(1);
    JsonObject resourceSpans =
        requests.get(0).getAsJsonArray("resourceSpans").get(0).getAsJsonObject();
    assertThat(resourceSpans.getAsJsonObject("resource").toString())
        .isEqualTo(
            "{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"shop\"}},"
                + "{\"key\":\"telemetry.sdk.name\",\"value\":{\"stringValue\":\"skyhop\"}}]}");
    return resourceSpans
        .getAsJsonArray("scopeSpans")
        .get(0)
        .getAsJsonObject()
        .getAsJsonArray("spans")
        .get(0)
        .getAsJsonObject();
  }

  @Test
  void anHttpInvocationWithoutTraceparentIsARootServerSpan() {
    runtime
        .function("traced-http")
        .invokeHttp(HttpRequest.builder(HttpMethod.GET, "/traced").build(), context("traced-http"));

    JsonObject span = onlySpan();
    assertThat(headers).containsExactly("application/json k-123");
    assertThat(span.get("traceId").getAsString()).matches("[0-9a-f]{32}");
    assertThat(span.get("spanId").getAsString()).matches("[0-9a-f]{16}");
    assertThat(span.has("parentSpanId")).isFalse();
    assertThat(span.get("name").getAsString()).isEqualTo("traced-http");
    assertThat(span.get("kind").getAsInt()).isEqualTo(2);
    assertThat(Long.parseLong(span.get("endTimeUnixNano").getAsString()))
        .isGreaterThanOrEqualTo(Long.parseLong(span.get("startTimeUnixNano").getAsString()));
    assertThat(span.getAsJsonArray("attributes").toString())
        .contains(
            "{\"key\":\"faas.invocation_id\",\"value\":{\"stringValue\":\"req-7\"}}",
            "{\"key\":\"faas.trigger\",\"value\":{\"stringValue\":\"http\"}}",
            "{\"key\":\"http.response.status_code\",\"value\":{\"intValue\":\"200\"}}");
    assertThat(span.getAsJsonObject("status").toString()).isEqualTo("{\"code\":1}");
  }

  @Test
  void aFunctionThatThrowsIsAnErrorSpan() {
    runtime
        .function("fail-runtime")
        .invokeHttp(
            HttpRequest.builder(HttpMethod.GET, "/fail/runtime").build(), context("fail-runtime"));

    assertThat(onlySpan().getAsJsonObject("status").toString())
        .isEqualTo("{\"code\":2,\"message\":\"HTTP 500\"}");
  }

  @Test
  void aQueueMessageContinuesItsTraceAsAConsumerSpan() throws FunctionFailedException {
    runtime
        .function("traced-queue")
        .invokeQueue(
            new QueueMessage(
                "m-1",
                new byte[0],
                Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                1),
            context("traced-queue"));

    JsonObject span = onlySpan();
    assertThat(span.get("traceId").getAsString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(span.get("parentSpanId").getAsString()).isEqualTo("00f067aa0ba902b7");
    assertThat(span.get("kind").getAsInt()).isEqualTo(5);
  }

  @Test
  void anUnsampledCallerIsPropagatedButNotExported() throws FunctionFailedException {
    runtime
        .function("traced-queue")
        .invokeQueue(
            new QueueMessage(
                "m-1",
                new byte[0],
                Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"),
                1),
            context("traced-queue"));

    assertThat(requests).isEmpty();
  }

  @Test
  void aReceiverThatIsDownNeverFailsTheInvocation() {
    receiver.stop(0);

    io.skyhop.api.HttpResponse response =
        runtime
            .function("traced-http")
            .invokeHttp(
                HttpRequest.builder(HttpMethod.GET, "/traced").build(), context("traced-http"));

    assertThat(response.status()).isEqualTo(200);
  }
}
