package io.skyhop.it.knative;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * CloudEvents as a Knative Broker delivers them to a Trigger's subscriber (HTTP binding 1.0, binary
 * and structured content mode), and what the greeter fixture's queue function {@code welcome} must
 * make of them.
 */
final class QueueEvents {
  private QueueEvents() {}

  /** POSTs {@code body} with {@code headers}. */
  static HttpResponse<String> post(
      HttpClient http, int port, String path, Map<String, String> headers, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Delivers events to the queue Service's {@code path}: binary and structured mode run the
   * function (202, empty body: not a reply event); a failing message gets 500 (the Broker retries),
   * an unknown queue 404, a request that is no CloudEvent 400. The function's output and the
   * runtime's invocation log show what it received.
   */
  static void assertDelivered(HttpClient http, int port, String path, Path log, ImageRun run)
      throws Exception {
    HttpResponse<String> binary =
        post(http, port, path, binary("evt-1", "text/plain", "Ada%20Lovelace"), "Ada");
    assertThat(binary.statusCode()).as(binary.body()).isEqualTo(202);
    assertThat(binary.body()).isEmpty();
    assertThat(binary.headers().firstValue("ce-specversion")).isEmpty();

    String structured =
        "{\"specversion\":\"1.0\",\"id\":\"evt-2\",\"source\":\"/tests/structured\","
            + "\"type\":\"io.skyhop.queue.greetings\",\"datacontenttype\":\"text/plain\","
            + "\"priority\":7,\"data\":\"Grace\"}";
    HttpResponse<String> structuredAnswer =
        post(
            http,
            port,
            path,
            Map.of("Content-Type", "application/cloudevents+json; charset=utf-8"),
            structured);
    assertThat(structuredAnswer.statusCode()).as(structuredAnswer.body()).isEqualTo(202);
    assertThat(structuredAnswer.body()).isEmpty();

    HttpResponse<String> failing =
        post(http, port, path, binary("evt-3", "text/plain", "x"), "nobody");
    assertThat(failing.statusCode()).as(failing.body()).isEqualTo(500);
    assertThat(failing.body())
        .contains("The function failed: java.lang.IllegalArgumentException: cannot welcome nobody")
        .doesNotContain("\tat ");

    HttpResponse<String> unknown =
        post(
            http,
            port,
            "/_skyhop/events/queues/nowhere",
            binary("evt-4", "text/plain", "x"),
            "Ada");
    assertThat(unknown.statusCode()).isEqualTo(404);
    HttpResponse<String> notAnEvent =
        post(http, port, path, Map.of("Content-Type", "text/plain"), "Ada");
    assertThat(notAnEvent.statusCode()).as(notAnEvent.body()).isEqualTo(400);

    String output = Files.readString(log);
    assertThat(output)
        .contains(
            "welcomed Ada (message evt-1, attributes {customer=Ada Lovelace}, delivery 1, by"
                + " welcome)",
            "welcomed Grace (message evt-2, attributes {priority=7}, delivery 1, by welcome)");
    assertThat(invocations(http, port, run))
        .containsExactly("queue OK", "queue OK", "queue FUNCTION_ERROR");
  }

  private static Map<String, String> binary(String id, String contentType, String customer) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ce-specversion", "1.0");
    headers.put("ce-id", id);
    headers.put("ce-source", "/tests/binary");
    headers.put("ce-type", "io.skyhop.queue.greetings");
    headers.put("ce-customer", customer);
    headers.put("Content-Type", contentType);
    return headers;
  }

  /** The trigger and status of each invocation of {@code welcome}, in the order they ended. */
  private static List<String> invocations(HttpClient http, int port, ImageRun run)
      throws Exception {
    String token = Files.readString(run.inRoot("/tmp/skyhop/admin-token")).strip();
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/_skyhop/invocations?app=greeter&function=welcome"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonArray all =
        JsonParser.parseString(answer.body()).getAsJsonObject().getAsJsonArray("invocations");
    List<String> seen = new ArrayList<>();
    for (JsonElement e : all) {
      JsonObject o = e.getAsJsonObject();
      seen.add(o.get("trigger").getAsString() + " " + o.get("status").getAsString());
    }
    return seen;
  }

  /** A value deep in a parsed YAML document. */
  static Object at(Map<String, Object> document, String... keys) {
    Object value = document;
    for (String key : keys) {
      value = ((Map<?, ?>) value).get(key);
    }
    return value;
  }

  /** {@code service.yaml}'s documents. */
  record Manifests(List<Map<String, Object>> documents) {
    @SuppressWarnings("unchecked")
    static Manifests read(Path yaml) throws IOException {
      List<Map<String, Object>> documents = new ArrayList<>();
      new Yaml(new SafeConstructor(new LoaderOptions()))
          .loadAll(Files.readString(yaml))
          .forEach(d -> documents.add((Map<String, Object>) d));
      return new Manifests(documents);
    }

    Map<String, Object> trigger(String name) {
      return named("Trigger", name);
    }

    /** The arguments of the first container of a Knative Service. */
    @SuppressWarnings("unchecked")
    List<String> containerArgs(String service) {
      List<Map<String, Object>> containers =
          (List<Map<String, Object>>)
              at(named("Service", service), "spec", "template", "spec", "containers");
      return (List<String>) containers.get(0).getOrDefault("args", List.of());
    }

    private Map<String, Object> named(String kind, String name) {
      return documents.stream()
          .filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name")))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + documents));
    }
  }
}
