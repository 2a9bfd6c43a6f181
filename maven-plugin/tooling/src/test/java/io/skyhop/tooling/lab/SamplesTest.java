package io.skyhop.tooling.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.pack.Manifest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplesTest {
  private final Samples samples =
      new Samples(
          Map.of(
              "create-order",
              "{\"item\":\"bolt\",\"quantity\":2}".getBytes(StandardCharsets.UTF_8)));

  @Test
  void httpFunctionsGetTheirFirstMethodOnTheirPathWithParametersFilled() {
    LabFunction get = http("get", "/orders/{id}/lines/{line}", List.of("GET", "POST"));
    assertThat(samples.method(get)).isEqualTo("GET");
    assertThat(samples.path(get)).isEqualTo("/orders/lab-1/lines/lab-1");
    assertThat(samples.body(get)).isEmpty();
    LabFunction post = http("pay", "/pay", List.of("POST"));
    assertThat(new String(samples.body(post), StandardCharsets.UTF_8)).isEqualTo("{}");
    LabFunction create = http("create-order", "/orders", List.of("POST"));
    assertThat(new String(samples.body(create), StandardCharsets.UTF_8))
        .isEqualTo("{\"item\":\"bolt\",\"quantity\":2}");
  }

  @Test
  void eventFunctionsAreCalledOnPostWithAQueueBody() {
    LabFunction queue = function("on-order", Manifest.Trigger.queue("orders"));
    assertThat(samples.method(queue)).isEqualTo("POST");
    assertThat(new String(samples.body(queue), StandardCharsets.UTF_8)).isEqualTo("{}");
    LabFunction storage =
        function("on-upload", Manifest.Trigger.storage("uploads", List.of("CREATED")));
    assertThat(samples.body(storage)).isEmpty();
  }

  @Test
  void rendersEventTemplatesWithJsonEscapedValues() {
    LabFunction get = http("get", "/orders/{id}", List.of("GET"));
    Map<String, String> values = new java.util.HashMap<>(samples.values(get));
    values.put("body", "say \"hi\"\n");
    JsonObject event =
        JsonParser.parseString(Samples.render("aws-function-url.json", values)).getAsJsonObject();
    assertThat(event.get("rawPath").getAsString()).isEqualTo("/orders/lab-1");
    assertThat(
            event
                .getAsJsonObject("requestContext")
                .getAsJsonObject("http")
                .get("method")
                .getAsString())
        .isEqualTo("GET");
    assertThat(event.get("body").getAsString()).isEqualTo("say \"hi\"\n");
    JsonObject s3 =
        JsonParser.parseString(
                Samples.render(
                    "aws-s3.json",
                    samples.values(
                        function(
                            "on-upload", Manifest.Trigger.storage("uploads", List.of("CREATED"))))))
            .getAsJsonObject();
    JsonObject object =
        s3.getAsJsonArray("Records")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("s3")
            .getAsJsonObject("object");
    assertThat(object.get("key").getAsString()).isEqualTo("lab/sample.txt");
    assertThat(object.get("size").getAsInt()).isEqualTo(11);
  }

  @Test
  void aTemplateWithAnUnfilledPlaceholderIsRefused() {
    assertThatThrownBy(() -> Samples.render("azure-timer.json", Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Event template azure-timer.json has an unfilled placeholder");
  }

  static LabFunction http(String name, String path, List<String> methods) {
    return function(name, Manifest.Trigger.http(path, methods, "ANONYMOUS"));
  }

  static LabFunction function(String name, Manifest.Trigger trigger) {
    return new LabFunction(
        "orders", new Manifest.Function(name, trigger, 512, 10, 0, Map.of(), Map.of()));
  }
}
