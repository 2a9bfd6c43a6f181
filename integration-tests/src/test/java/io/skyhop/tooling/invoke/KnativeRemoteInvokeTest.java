package io.skyhop.tooling.invoke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skyhop:invoke -Dskyhop.remote=true} on knative, through the provider the goal finds,
 * against one stub that plays the Kubernetes API (answers shaped as the API server's: a core v1
 * Secret, a Knative Eventing Broker, a 404 {@code Status}), the Knative Service's URL and the
 * Broker's ingress: an {@code Auth.FUNCTION} HTTP function gets the key of the Secret {@code
 * shop-dev-function-keys} in {@code x-functions-key}, an anonymous one none; a queue function's
 * payload arrives at the Broker's address as a binary-mode CloudEvent of the stage's type; a
 * schedule function runs as a Job made from its CronJob.
 */
@Timeout(60)
class KnativeRemoteInvokeTest {
  static final byte[] ORDER = "{\"id\":42}".getBytes(StandardCharsets.UTF_8);
  static final String API = "/api/v1/namespaces/shop-ns/secrets/shop-dev-function-keys";
  static final String BROKER = "/apis/eventing.knative.dev/v1/namespaces/shop-ns/brokers/default";
  static final String CRONJOBS = "/apis/batch/v1/namespaces/shop-ns/cronjobs";
  static final String JOBS = "/apis/batch/v1/namespaces/shop-ns/jobs";
  static final String KEY = "knative-key-for-create-order";

  final WireMockServer wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
  @TempDir Path dir;
  DeployRequest request;

  @BeforeEach
  void start() throws Exception {
    wm.start();
    Files.copy(fixture("manifest.json"), dir.resolve("manifest.json"));
    RemoteInvokeTest.stubFunctions(wm);
    wm.stubFor(
        get(urlPathEqualTo(BROKER))
            .willReturn(
                json(Files.readString(fixture("broker.json")).replace("{{base}}", wm.baseUrl()))));
    wm.stubFor(post(urlPathEqualTo("/shop-ns/default")).willReturn(aResponse().withStatus(202)));
    request = request();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void sendsTheKeyOfTheSecretAndPutsTheMessageOnTheBroker() throws Exception {
    wm.stubFor(get(urlPathEqualTo(API)).willReturn(json(Files.readString(fixture("secret.json")))));

    Invocation created = RemoteInvoke.invoke(request, "create-order", ORDER);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body()).isEqualTo("{\"created\":42}");
    assertThat(created.how())
        .isEqualTo(
            "Knative Service URL, key from Secret shop-dev-function-keys in x-functions-key");
    assertThat(String.join("\n", created.describe("create-order"))).doesNotContain(KEY);
    wm.verify(
        postRequestedFor(urlPathEqualTo("/fn/orders"))
            .withHeader("x-functions-key", equalTo(KEY))
            .withRequestBody(equalTo("{\"id\":42}")));
    wm.verify(
        getRequestedFor(urlPathEqualTo(API))
            .withHeader("Authorization", equalTo("Bearer not-a-secret")));

    Invocation status = RemoteInvoke.invoke(request, "status", new byte[0]);
    assertThat(status.body()).isEqualTo("up");
    assertThat(status.how()).isEqualTo("Knative Service URL");
    wm.verify(
        getRequestedFor(urlPathEqualTo("/fn/status")).withHeader("x-functions-key", absent()));

    Invocation queued = RemoteInvoke.invoke(request, "on-order", ORDER);
    assertThat(queued.status()).isEqualTo(202);
    assertThat(queued.how())
        .isEqualTo("CloudEvent io.skyhop.queue.shop-dev-orders to Broker default");
    wm.verify(
        postRequestedFor(urlPathEqualTo("/shop-ns/default"))
            .withHeader("ce-specversion", equalTo("1.0"))
            .withHeader("ce-type", equalTo("io.skyhop.queue.shop-dev-orders"))
            .withHeader("ce-source", equalTo("/skyhop/invoke"))
            .withHeader("ce-id", matching("[0-9a-f-]{36}"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalTo("{\"id\":42}")));
  }

  @Test
  void aMissingSecretFailsNamingTheFixAndCallsNothing() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo(API))
            .willReturn(json(Files.readString(fixture("not-found.json"))).withStatus(404)));

    assertThatThrownBy(() -> RemoteInvoke.invoke(request, "create-order", ORDER))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.function = 'create-order' needs its key, but the Secret shop-dev-function-keys"
                + " does not exist in namespace shop-ns. Fix: deploy again (mvn deploy"
                + " -Dskyhop.target=knative)");
    wm.verify(0, postRequestedFor(urlPathEqualTo("/fn/orders")));
  }

  @Test
  void aScheduleRunsItsCronJobNowAsKubectlCreateJobFromDoes() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo(CRONJOBS + "/shop-dev-nightly"))
            .willReturn(json(Files.readString(fixture("cronjob.json")))));
    wm.stubFor(
        post(urlPathEqualTo(JOBS))
            .willReturn(json(Files.readString(fixture("job.json"))).withStatus(201)));

    Invocation run = RemoteInvoke.invoke(request, "nightly", new byte[0]);

    assertThat(run.status()).isEqualTo(201);
    assertThat(run.body()).matches("Job shop-dev-nightly-[0-9a-z]{6,7} created");
    assertThat(run.how())
        .isEqualTo(
            "Job from CronJob shop-dev-nightly, as kubectl create job"
                + " --from=cronjob/shop-dev-nightly");
    wm.verify(
        postRequestedFor(urlPathEqualTo(JOBS))
            .withRequestBody(matchingJsonPath("$.metadata.name", matching("shop-dev-nightly-.*")))
            .withRequestBody(
                matchingJsonPath(
                    "$.metadata.annotations['cronjob.kubernetes.io/instantiate']",
                    equalTo("manual")))
            .withRequestBody(
                matchingJsonPath("$.metadata.labels['skyhop.io/function']", equalTo("nightly")))
            .withRequestBody(
                matchingJsonPath(
                    "$.metadata.ownerReferences[0].uid",
                    equalTo("0c4f5b2e-9d1a-4e0b-8f65-2b7c1d9e3a10")))
            .withRequestBody(
                matchingJsonPath(
                    "$.spec.template.spec.containers[0].args[1]", equalTo("nightly"))));
  }

  private DeployRequest request() throws Exception {
    Path kubeconfig =
        Files.writeString(
            dir.resolve("kubeconfig"),
            String.join(
                "\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: stub",
                "  cluster:",
                "    server: " + wm.baseUrl(),
                "users:",
                "- name: tester",
                "  user:",
                "    token: not-a-secret",
                "contexts:",
                "- name: stub",
                "  context: {cluster: stub, user: tester}",
                "current-context: stub",
                ""));
    DeployRequest request =
        new DeployRequest(
            Target.named("knative"),
            "shop",
            dir,
            new Settings(
                Map.of(
                    "skyhop.stage", "dev",
                    "skyhop.knative.registry", "127.0.0.1:5000/skyhop",
                    "skyhop.knative.namespace", "shop-ns",
                    "skyhop.knative.kubeconfig", kubeconfig.toString())),
            false);
    String base = wm.baseUrl() + "/fn";
    Files.writeString(
        request.recordFile(),
        "{\"target\":\"knative\",\"app\":\"shop\",\"stage\":\"dev\",\"functions\":["
            + "{\"name\":\"create-order\",\"resource\":\"shop-dev\",\"action\":\"CREATED\","
            + "\"endpoint\":\""
            + base
            + "/orders\",\"details\":{\"service\":\"shop-dev\",\"keySecret\":"
            + "\"shop-dev-function-keys\"}},"
            + "{\"name\":\"status\",\"resource\":\"shop-dev\",\"action\":\"CREATED\","
            + "\"endpoint\":\""
            + base
            + "/status\",\"details\":{\"service\":\"shop-dev\"}}],\"resources\":[],"
            + "\"details\":{}}");
    return request;
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body);
  }

  private static Path fixture(String name) throws Exception {
    return Path.of(KnativeRemoteInvokeTest.class.getResource("/invoke/knative/" + name).toURI());
  }
}
