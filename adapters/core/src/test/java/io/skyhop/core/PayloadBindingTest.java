package io.skyhop.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.ScheduledEvent;
import io.skyhop.api.StorageEvent;
import io.skyhop.core.functions.Item;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every payload kind binds as the index says, for each trigger kind. */
class PayloadBindingTest {
  private final FunctionRuntime runtime = FunctionRuntime.load(getClass().getClassLoader());
  private final TestContexts contexts = new TestContexts();

  private HttpResponse http(String function, HttpRequest request) {
    return runtime.function(function).invokeHttp(request, contexts.forFunction(function));
  }

  private Object queue(String function, QueueMessage message) throws FunctionFailedException {
    return runtime.function(function).invokeQueue(message, contexts.forFunction(function));
  }

  @Test
  void httpRequestCarriesMethodPathParamsQueryHeadersAndABodyReadableAsJson() {
    HttpRequest request =
        HttpRequest.builder(HttpMethod.POST, "/payload/request/a%20b")
            .query("q", "x")
            .header("X-Test", "yes")
            .body("{\"name\":\"bolt\",\"quantity\":1}")
            .build();

    HttpResponse response = http("payload-request", request);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyAsString())
        .isEqualTo(
            "POST /payload/request/a%20b id=a b q=x h=yes body={\"name\":\"bolt\",\"quantity\":1}"
                + " item=bolt");
  }

  @Test
  void pathParamsGivenByTheRouterWin() {
    HttpRequest request =
        HttpRequest.builder(HttpMethod.GET, "/payload/request/7").pathParam("id", "routed").build();

    assertThat(http("payload-request", request).bodyAsString())
        .isEqualTo("GET /payload/request/7 id=routed q=- h=- body= item=-");
  }

  @Test
  void stringPayloadIsTheBodyAsUtf8Text() {
    HttpResponse response =
        http(
            "payload-string",
            HttpRequest.builder(HttpMethod.POST, "/payload/string").body("héllo").build());

    assertThat(response.bodyAsString()).isEqualTo("got héllo");
  }

  @Test
  void bytesPayloadIsTheRawBody() {
    HttpRequest request =
        HttpRequest.builder(HttpMethod.POST, "/payload/bytes")
            .body(new byte[] {0x41, 0, (byte) 0xff})
            .build();

    assertThat(http("payload-bytes", request).bodyAsString()).isEqualTo("3 bytes: A\u0000ÿ");
  }

  @Test
  void pojoPayloadIsReadFromJsonAndThePojoResultWrittenAsJson() {
    HttpRequest request =
        HttpRequest.builder(HttpMethod.POST, "/payload/pojo")
            .body("{\"name\":\"<b&>\",\"quantity\":2,\"at\":\"2024-05-01T10:00:00Z\"}")
            .build();

    HttpResponse response = http("payload-pojo", request);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).contains("application/json");
    assertThat(response.bodyAsString())
        .isEqualTo("{\"name\":\"<B&>\",\"quantity\":4,\"at\":\"2024-05-01T10:00:00Z\"}");
  }

  @Test
  void genericListPayloadHoldsPojosNotMaps() {
    HttpRequest request =
        HttpRequest.builder(HttpMethod.POST, "/payload/list")
            .body("[{\"name\":\"a\",\"quantity\":2},{\"name\":\"b\",\"quantity\":3}]")
            .build();

    HttpResponse response = http("payload-list", request);

    assertThat(contexts.logs).isEmpty();
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("5");
  }

  @Test
  void contextMayComeBeforeThePayload() {
    HttpRequest request =
        HttpRequest.builder(HttpMethod.PUT, "/payload/context-first")
            .body("{\"name\":\"nut\"}")
            .build();

    assertThat(http("payload-context-first", request).bodyAsString())
        .isEqualTo("payload-context-first/req-1/nut");
  }

  @Test
  void contextAloneGivesTargetLoggerAndEnvironment() {
    HttpRequest request = HttpRequest.builder(HttpMethod.GET, "/payload/context-only").build();
    HttpResponse response =
        runtime
            .function("payload-context-only")
            .invokeHttp(
                request, contexts.forFunction("payload-context-only", Map.of("COLOUR", "blue")));

    assertThat(response.bodyAsString()).isEqualTo("blue");
    assertThat(contexts.logs).containsExactly("INFO called by test");
  }

  @Test
  void noPayloadParameterIgnoresTheBody() {
    HttpRequest request =
        HttpRequest.builder(HttpMethod.POST, "/payload/none").body("ignored").build();

    assertThat(http("payload-none", request).bodyAsString()).isEqualTo("nothing needed");
  }

  @Test
  void queueMessagePayloadIsTheMessageItself() throws Exception {
    QueueMessage message =
        new QueueMessage(
            "m-1", "hello".getBytes(StandardCharsets.UTF_8), Map.of("tenant", "acme"), 2);

    assertThat(queue("message", message)).isEqualTo("m-1");
    assertThat(contexts.logs).containsExactly("INFO m-1 hello {tenant=acme} 2");
  }

  @Test
  void queueMessageListPayloadTakesASingleMessageAsABatchOfOne() throws Exception {
    assertThat(queue("batch", QueueMessage.of("m-1", "x"))).isEqualTo(1);
    assertThat(contexts.logs).containsExactly("INFO batch m-1");
  }

  @Test
  void queuePojoStringAndBytesPayloadsAreReadFromTheBody() throws Exception {
    assertThat(queue("item", QueueMessage.of("m-1", "{\"name\":\"bolt\",\"quantity\":1}")))
        .isEqualTo(new Item("bolt", 1, null));
    assertThat(queue("text", QueueMessage.of("m-2", "abc"))).isEqualTo("ABC");
    assertThat((byte[]) queue("blob", QueueMessage.of("m-3", "xyz")))
        .isEqualTo("xyz".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void scheduledEventPayloadAndContextAreBound() throws Exception {
    Instant due = Instant.parse("2024-05-01T01:00:00Z");
    Object result =
        runtime
            .function("nightly")
            .invokeEvent(
                new ScheduledEvent(due, "0 3 * * *", "Europe/Berlin"),
                contexts.forFunction("nightly"));

    assertThat(result).isEqualTo("ran at 2024-05-01T01:00:00Z");
    assertThat(contexts.logs)
        .containsExactly("INFO due 2024-05-01T01:00:00Z 0 3 * * * Europe/Berlin");
  }

  @Test
  void scheduleFunctionWithoutPayloadIsStillCalled() throws Exception {
    runtime
        .function("tick")
        .invokeEvent(
            new ScheduledEvent(Instant.EPOCH, "*/5 * * * *", "UTC"), contexts.forFunction("tick"));

    assertThat(contexts.logs).containsExactly("INFO tick");
  }

  @Test
  void storageEventPayloadIsBound() throws Exception {
    StorageEvent event =
        new StorageEvent("uploads", "in/a b.csv", 12, StorageEvent.Type.DELETED, "e1");

    Object result = runtime.function("upload").invokeEvent(event, contexts.forFunction("upload"));

    assertThat(result).isEqualTo("in/a b.csv 12 e1");
    assertThat(contexts.logs).containsExactly("INFO DELETED uploads/in/a b.csv");
  }

  @Test
  void anEventOfTheWrongKindIsRefusedAsTheCallersFault() {
    StorageEvent event = new StorageEvent("uploads", "k", 1, StorageEvent.Type.CREATED, null);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> runtime.function("nightly").invokeEvent(event, contexts.forFunction("nightly")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Function 'nightly' has a schedule trigger and cannot take StorageEvent[CREATED"
                + " uploads/k, 1 bytes]; schedule functions take a ScheduledEvent, storage"
                + " functions a StorageEvent.");
  }

  @Test
  void everyIndexedFunctionBindsToItsMethod() {
    List<String> names = runtime.index().functions().stream().map(FunctionDef::name).toList();

    assertThat(names).hasSizeGreaterThan(30);
    names.forEach(name -> assertThat(runtime.function(name).name()).isEqualTo(name));
  }
}
