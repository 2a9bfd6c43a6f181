package io.skyhop.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.api.QueueMessage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CloudEvents (HTTP binding 1.0.2, JSON format) into queue messages. */
class CloudEventTest {
  @Test
  void aBinaryModeEventBecomesAMessageWithItsIdDataAndExtensions() throws Exception {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Ce-Specversion", List.of("1.0"));
    headers.put("Ce-Id", List.of("order-42"));
    headers.put("Ce-Source", List.of("/shop/checkout"));
    headers.put("Ce-Type", List.of("io.skyhop.queue.orders"));
    headers.put("Ce-Time", List.of("2025-01-02T03:04:05Z"));
    headers.put("Ce-Customer", List.of("Ada%20Lovelace%20%E2%82%AC"));
    headers.put("Ce-Knativearrivaltime", List.of("2025-01-02T03:04:06Z"));
    headers.put("Content-Type", List.of("application/json"));
    headers.put("Traceparent", List.of("00-abc-def-01"));

    CloudEvent event = CloudEvent.read(headers, utf8("{\"sku\":\"tea\",\"quantity\":2}"));
    QueueMessage message = event.message();

    assertThat(event.type()).isEqualTo("io.skyhop.queue.orders");
    assertThat(event.source()).isEqualTo("/shop/checkout");
    assertThat(event.dataContentType()).isEqualTo("application/json");
    assertThat(message.id()).isEqualTo("order-42");
    assertThat(message.bodyAsString()).isEqualTo("{\"sku\":\"tea\",\"quantity\":2}");
    assertThat(message.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("customer", "Ada Lovelace €", "knativearrivaltime", "2025-01-02T03:04:06Z"));
    assertThat(message.deliveryCount()).isEqualTo(1);
  }

  @Test
  void aBinaryModeHeaderMayBeQuotedAndItsBytesMustBeUtf8() throws Exception {
    Map<String, List<String>> headers = binary("e-1");
    headers.put("ce-note", List.of("\"a \\\"quoted\\\" value\""));

    assertThat(CloudEvent.read(headers, new byte[0]).extensions())
        .containsEntry("note", "a \"quoted\" value");

    headers.put("ce-note", List.of("%C0%A0"));
    assertThatThrownBy(() -> CloudEvent.read(headers, new byte[0]))
        .isInstanceOf(CloudEvent.Invalid.class)
        .hasMessage(
            "The header ce-note = '%C0%A0' is not valid percent-encoded UTF-8 (CloudEvents HTTP"
                + " binding, 3.1.3.2)");
  }

  @Test
  void aStructuredModeEventWithJsonDataCarriesTheJsonAsTheBody() throws Exception {
    String json =
        "{\"specversion\":\"1.0\",\"id\":\"s-1\",\"source\":\"/tests\","
            + "\"type\":\"io.skyhop.queue.orders\",\"datacontenttype\":\"application/json\","
            + "\"priority\":5,\"urgent\":true,\"subject\":null,"
            + "\"data\":{\"sku\":\"<tea>\",\"quantity\":2}}";

    CloudEvent event =
        CloudEvent.read(
            Map.of("Content-Type", List.of("application/cloudevents+json; charset=UTF-8")),
            utf8(json));

    assertThat(event.message().id()).isEqualTo("s-1");
    assertThat(event.message().bodyAsString()).isEqualTo("{\"sku\":\"<tea>\",\"quantity\":2}");
    assertThat(event.extensions())
        .containsExactlyInAnyOrderEntriesOf(Map.of("priority", "5", "urgent", "true"));
  }

  @Test
  void structuredDataIsReadAsBinaryModeWouldCarryIt() throws Exception {
    assertThat(structuredBody("\"data_base64\":\"AAEC/w==\"")).containsExactly(0, 1, 2, 0xff);
    assertThat(new String(structuredBody("\"data\":\"just text\""), StandardCharsets.UTF_8))
        .as("no datacontenttype: the data is JSON, a JSON string keeps its quotes")
        .isEqualTo("\"just text\"");
    assertThat(
            new String(
                structuredBody("\"datacontenttype\":\"text/plain\",\"data\":\"just text\""),
                StandardCharsets.UTF_8))
        .isEqualTo("just text");
    assertThat(structuredBody("\"datacontenttype\":\"text/plain\"")).isEmpty();
  }

  @Test
  void invalidEventsAreRefusedWith400NamingTheProblem() {
    assertRefused(Map.of("Content-Type", List.of("application/json")), "{}", 400)
        .hasMessage(
            "The request is not a CloudEvent: it has no ce-specversion header and its"
                + " Content-Type is not application/cloudevents+json. Fix: send a CloudEvents"
                + " 1.0 event in binary or structured mode");
    Map<String, List<String>> noSource = binary("e-2");
    noSource.remove("ce-source");
    assertRefused(noSource, "", 400).hasMessage("The CloudEvent has no source attribute");
    Map<String, List<String>> old = binary("e-3");
    old.put("ce-specversion", List.of("0.3"));
    assertRefused(old, "", 400)
        .hasMessage("CloudEvents specversion '0.3' is not supported. Fix: send specversion 1.0");
    Map<String, List<String>> badName = binary("e-4");
    badName.put("ce-my-attr", List.of("x"));
    assertRefused(badName, "", 400)
        .hasMessage(
            "'my-attr' is not a CloudEvents attribute name (lower-case letters and digits only)");
    Map<String, List<String>> both = binary("e-5");
    both.put("ce-datacontenttype", List.of("text/plain"));
    assertRefused(both, "", 400)
        .hasMessage(
            "A binary-mode CloudEvent must not have a ce-datacontenttype header: its"
                + " Content-Type header is the datacontenttype");
    assertRefused(
            Map.of("Content-Type", List.of("application/cloudevents+json")),
            "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"t\","
                + "\"data\":1,\"data_base64\":\"AA==\"}",
            400)
        .hasMessage("A CloudEvent cannot have both data and data_base64");
  }

  @Test
  void batchesAndOtherFormatsAreRefusedWith415() {
    assertRefused(Map.of("Content-Type", List.of("application/cloudevents-batch+json")), "[]", 415)
        .hasMessage(
            "The batched content mode (application/cloudevents-batch+json) is not supported."
                + " Fix: send one event per request, in binary or structured mode");
    assertRefused(Map.of("Content-Type", List.of("application/cloudevents+avro")), "", 415)
        .hasMessage(
            "The event format application/cloudevents+avro is not supported. Fix: use the"
                + " binary content mode or application/cloudevents+json");
  }

  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      Map<String, List<String>> headers, String body, int status) {
    try {
      CloudEvent.read(headers, utf8(body));
    } catch (CloudEvent.Invalid e) {
      assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
      return assertThat((Throwable) e);
    }
    throw new AssertionError("accepted: " + headers + " " + body);
  }

  private static byte[] structuredBody(String members) throws CloudEvent.Invalid {
    String json =
        "{\"specversion\":\"1.0\",\"id\":\"d\",\"source\":\"/s\",\"type\":\"t\"," + members + "}";
    return CloudEvent.read(
            Map.of("content-type", List.of("application/cloudevents+json")), utf8(json))
        .data();
  }

  private static Map<String, List<String>> binary(String id) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("ce-specversion", List.of("1.0"));
    headers.put("ce-id", List.of(id));
    headers.put("ce-source", List.of("/tests"));
    headers.put("ce-type", List.of("io.skyhop.queue.orders"));
    return headers;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
