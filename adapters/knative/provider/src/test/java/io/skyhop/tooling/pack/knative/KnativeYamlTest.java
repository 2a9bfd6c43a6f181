package io.skyhop.tooling.pack.knative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.core.FunctionIndex;
import io.skyhop.tooling.ConfigurationException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** {@code service.yaml}'s queue documents, parsed back as deploy and kubectl read them. */
class KnativeYamlTest {
  private static final String IMAGE = KnativeYaml.image("shop", "sha256:abc");

  @Test
  void aQueueFunctionGetsATriggerOnTheBrokerForItsQueuesEventType() {
    KnativeQueues queues =
        KnativeQueues.of(
            Map.of(
                "skyhop.knative.broker", "orders-broker",
                "skyhop.knative.deadLetterSink", "http://dead.shop.svc.cluster.local/letters"));

    Map<String, Object> trigger = document(write(app(HTTP, QUEUE), queues), "Trigger");

    assertThat(trigger)
        .isEqualTo(
            Map.of(
                "apiVersion",
                "eventing.knative.dev/v1",
                "kind",
                "Trigger",
                "metadata",
                Map.of(
                    "name",
                    "shop-on-order",
                    "labels",
                    Map.of(
                        "skyhop.io/app", "shop",
                        "skyhop.io/function", "on-order",
                        "app.kubernetes.io/managed-by", "skyhop")),
                "spec",
                Map.of(
                    "broker", "orders-broker",
                    "filter", Map.of("attributes", Map.of("type", "io.skyhop.queue.orders")),
                    "subscriber",
                        Map.of(
                            "ref",
                            Map.of(
                                "apiVersion", "serving.knative.dev/v1",
                                "kind", "Service",
                                "name", "shop-queues"),
                            "uri",
                            "/_skyhop/events/queues/orders"),
                    "delivery",
                        Map.of(
                            "retry",
                            4,
                            "backoffPolicy",
                            "exponential",
                            "backoffDelay",
                            "PT1S",
                            "deadLetterSink",
                            Map.of("uri", "http://dead.shop.svc.cluster.local/letters")))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void queueFunctionsRunInAClusterLocalServiceServingQueues() {
    List<Map<String, Object>> docs = documents(write(app(HTTP, QUEUE), defaults()));

    assertThat(docs)
        .extracting(d -> (Object) d.get("kind"))
        .containsExactly("Service", "Service", "Trigger");
    Map<String, Object> queuesService = docs.get(1);
    Map<String, Object> metadata = (Map<String, Object>) queuesService.get("metadata");
    assertThat(metadata.get("name")).isEqualTo("shop-queues");
    assertThat((Map<String, Object>) metadata.get("labels"))
        .containsEntry("networking.knative.dev/visibility", "cluster-local");
    Map<String, Object> revision = path(queuesService, "spec", "template", "spec");
    assertThat(revision)
        .containsEntry("timeoutSeconds", 45)
        .containsEntry("containerConcurrency", 1);
    Map<String, Object> container = ((List<Map<String, Object>>) revision.get("containers")).get(0);
    assertThat(container.get("args")).isEqualTo(List.of("--serve", "queues"));
    assertThat(container.get("image")).isEqualTo(IMAGE);
    assertThat(path(container, "resources", "limits")).isEqualTo(Map.of("memory", "1024Mi"));
    assertThat(path(queuesService, "spec", "template", "metadata", "annotations"))
        .containsEntry("autoscaling.knative.dev/max-scale", "3");

    Map<String, Object> httpService = docs.get(0);
    assertThat(path(httpService, "metadata", "labels"))
        .doesNotContainKey("networking.knative.dev/visibility");
    Map<String, Object> httpContainer =
        ((List<Map<String, Object>>)
                path(httpService, "spec", "template", "spec").get("containers"))
            .get(0);
    assertThat(httpContainer).doesNotContainKey("args");
    assertThat(path(httpContainer, "resources", "limits"))
        .as("sized by the HTTP functions only")
        .isEqualTo(Map.of("memory", "512Mi"));
  }

  @Test
  void minimumInstancesSetEachServicesMinScale() {
    String warmQueue =
        QUEUE.replace("\"maxConcurrency\": 3,", "\"maxConcurrency\": 3, \"minInstances\": 2,");
    List<Map<String, Object>> docs = documents(write(app(HTTP, warmQueue), defaults()));

    assertThat(path(docs.get(1), "spec", "template", "metadata", "annotations"))
        .containsEntry("autoscaling.knative.dev/min-scale", "2");
    assertThat(path(docs.get(0), "spec", "template", "metadata", "annotations"))
        .as("the HTTP functions keep none ready")
        .containsEntry("autoscaling.knative.dev/min-scale", "0");
  }

  @Test
  @SuppressWarnings("unchecked")
  void functionsWithSecretsMountTheAppsSecretWhereTheRuntimeReadsIt() {
    List<Map<String, Object>> docs =
        documents(
            write(
                app(
                    HTTP.replace("\"env\": {}", "\"env\": {}, \"secrets\": [\"db-password\"]"),
                    HTTP.replace("\"get\"", "\"admin\"")
                        .replace("\"ANONYMOUS\"", "\"FUNCTION\"")
                        .replace("/items", "/admin")),
                defaults()));

    Map<String, Object> revision = path(docs.get(0), "spec", "template", "spec");
    Map<String, Object> container = ((List<Map<String, Object>>) revision.get("containers")).get(0);
    assertThat(container.get("volumeMounts"))
        .isEqualTo(
            List.of(
                Map.of(
                    "name", "function-keys",
                    "mountPath", "/etc/skyhop/function-keys",
                    "readOnly", true),
                Map.of(
                    "name",
                    "secrets",
                    "mountPath",
                    "/tmp/skyhop/secrets-volume",
                    "readOnly",
                    true)));
    assertThat(revision.get("volumes"))
        .isEqualTo(
            List.of(
                Map.of(
                    "name", "function-keys", "secret", Map.of("secretName", "shop-function-keys")),
                Map.of("name", "secrets", "secret", Map.of("secretName", "shop-secrets"))));
    assertThat(container.get("env"))
        .as("no secret in the environment")
        .isEqualTo(List.of(Map.of("name", "TZ", "value", "UTC")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void keyedFunctionsMountTheSecretOfTheKeysAndPassItsPathToTheRuntime() {
    List<Map<String, Object>> docs =
        documents(
            write(
                app(
                    HTTP,
                    HTTP.replace("\"get\"", "\"admin\"")
                        .replace("\"ANONYMOUS\"", "\"FUNCTION\"")
                        .replace("/items", "/admin"),
                    QUEUE),
                defaults()));

    Map<String, Object> revision = path(docs.get(0), "spec", "template", "spec");
    Map<String, Object> container = ((List<Map<String, Object>>) revision.get("containers")).get(0);
    assertThat(container.get("args"))
        .isEqualTo(List.of("--function-keys", "/etc/skyhop/function-keys"));
    assertThat(container.get("volumeMounts"))
        .isEqualTo(
            List.of(
                Map.of(
                    "name", "function-keys",
                    "mountPath", "/etc/skyhop/function-keys",
                    "readOnly", true)));
    assertThat(revision.get("volumes"))
        .isEqualTo(
            List.of(
                Map.of(
                    "name",
                    "function-keys",
                    "secret",
                    Map.of("secretName", "shop-function-keys"))));
    assertThat(container.get("env"))
        .as("no key in the environment")
        .isEqualTo(List.of(Map.of("name", "TZ", "value", "UTC")));
    Map<String, Object> queues = path(docs.get(1), "spec", "template", "spec");
    assertThat(queues).doesNotContainKey("volumes");
    assertThat(((List<Map<String, Object>>) queues.get("containers")).get(0).get("args"))
        .isEqualTo(List.of("--serve", "queues"));
    assertThat(path(documents(write(app(HTTP), defaults())).get(0), "spec", "template", "spec"))
        .as("no keyed function, no Secret")
        .doesNotContainKey("volumes");
  }

  @Test
  void anAppWithOnlyQueueFunctionsHasNoPublicService() {
    List<Map<String, Object>> docs = documents(write(app(QUEUE), defaults()));

    assertThat(docs)
        .extracting(d -> (Object) ((Map<?, ?>) d.get("metadata")).get("name"))
        .containsExactly("shop-queues", "shop-on-order");
    assertThat(document(write(app(QUEUE), defaults()), "Trigger"))
        .extracting(t -> (Object) ((Map<?, ?>) t.get("spec")).get("delivery"))
        .isEqualTo(Map.of("retry", 4, "backoffPolicy", "exponential", "backoffDelay", "PT1S"));
  }

  @Test
  void badBrokerAndDeadLetterSinkSettingsNameTheFix() {
    assertThatThrownBy(() -> KnativeQueues.of(Map.of("skyhop.knative.broker", "My Broker")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.knative.broker = 'My Broker' is not a Kubernetes object name. Fix: give the"
                + " name of a Knative Broker in the namespace you deploy to (lower-case letters,"
                + " digits, '-' and '.'), e.g. default");
    assertThatThrownBy(
            () -> KnativeQueues.of(Map.of("skyhop.knative.deadLetterSink", "dead-letters")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.knative.deadLetterSink = 'dead-letters' is not an absolute http(s) URL. Fix:"
                + " give the address of an event sink, e.g."
                + " http://dead-letters.default.svc.cluster.local (a Knative Service's"
                + " cluster-local address), or leave it unset");
    assertThat(KnativeQueues.of(Map.of("skyhop.knative.broker", " ")).broker())
        .isEqualTo("default");
  }

  @Test
  void aTriggerNameKubernetesRefusesFailsNamingSkyhopApp() {
    String app = "a".repeat(40);

    assertThatThrownBy(
            () ->
                KnativeApp.of(
                    app, "1.0.0", index(QUEUE.replace("on-order", "x" + "-y".repeat(12)))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.app = '"
                + app
                + "' makes the name '"
                + app
                + "-x"
                + "-y".repeat(12)
                + "' of the Trigger of function x"
                + "-y".repeat(12)
                + " longer than Kubernetes' 63 characters. Fix: shorten skyhop.app or the"
                + " function's name");
  }

  private static final String HTTP =
      "{\"name\": \"get\", \"class\": \"com.example.Shop\", \"method\": \"get\","
          + " \"parameterTypes\": [\"io.skyhop.api.HttpRequest\"], \"payloadIndex\": 0,"
          + " \"payloadKind\": \"HTTP_REQUEST\", \"contextIndex\": -1, \"returnKind\": \"JSON\","
          + " \"memoryMb\": 256, \"timeoutSeconds\": 10, \"maxConcurrency\": 4, \"env\": {},"
          + " \"trigger\": {\"type\": \"http\", \"path\": \"/items\", \"methods\": [\"GET\"],"
          + " \"auth\": \"ANONYMOUS\", \"pathParams\": []}}";

  private static final String QUEUE =
      "{\"name\": \"on-order\", \"class\": \"com.example.Shop\", \"method\": \"onOrder\","
          + " \"parameterTypes\": [\"java.lang.String\"], \"payloadIndex\": 0,"
          + " \"payloadKind\": \"STRING\", \"contextIndex\": -1, \"returnKind\": \"VOID\","
          + " \"memoryMb\": 768, \"timeoutSeconds\": 45, \"maxConcurrency\": 3, \"env\": {},"
          + " \"trigger\": {\"type\": \"queue\", \"queue\": \"orders\"}}";

  private static FunctionIndex index(String... functions) {
    return FunctionIndex.parse(
        new StringReader("{\"version\": 1, \"functions\": [" + String.join(",", functions) + "]}"));
  }

  private static KnativeApp app(String... functions) {
    return KnativeApp.of("shop", "1.0.0", index(functions));
  }

  private static KnativeQueues defaults() {
    return KnativeQueues.of(Map.of());
  }

  private static String write(KnativeApp app, KnativeQueues queues) {
    return KnativeYaml.write(app, queues, IMAGE, "shop-image.tar");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> documents(String yaml) {
    List<Map<String, Object>> docs = new ArrayList<>();
    new Yaml(new SafeConstructor(new LoaderOptions()))
        .loadAll(yaml)
        .forEach(d -> docs.add((Map<String, Object>) d));
    return docs;
  }

  private static Map<String, Object> document(String yaml, String kind) {
    return documents(yaml).stream().filter(d -> kind.equals(d.get("kind"))).findFirst().get();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> path(Map<String, Object> map, String... keys) {
    Map<String, Object> m = map;
    for (String key : keys) {
      m = (Map<String, Object>) m.get(key);
    }
    return m;
  }
}
