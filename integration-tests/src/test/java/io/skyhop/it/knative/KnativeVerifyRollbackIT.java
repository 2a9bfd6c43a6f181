package io.skyhop.it.knative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.Deployment;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.verify.DeployVerificationException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verified deploys, rollback and the deployer's Role on knative, against fabric8's Kubernetes mock
 * server (CRUD mode) with the fake Knative controller and a real registry. An ingress stand-in
 * routes {@code /ksvc/<service>/…} as Knative's would: to the revision {@code spec.traffic} pins at
 * 100 %, else the latest ready one; revision 1 of the greeter answers, revision 2 (a second build)
 * answers 500. The first deploy verifies and its revisions are kept; the second fails naming {@code
 * hello} and {@code whisper}, and the Services route 100 % to revision 1 again; every call Skyhop
 * made to the API server is allowed by the Role {@code skyhop:policy} prints.
 */
class KnativeVerifyRollbackIT {
  private static final String NAMESPACE = "verify";

  @TempDir Path work;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final BuildListener listener = BuildListener.collecting(log);
  private final List<String> keysSeen = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @Test
  void aBrokenRevisionFailsTheDeployAndTrafficReturnsToTheKeptRevision() throws Exception {
    Path apiLog = work.resolve("mock-api.log");
    try (Registry registry = Registry.start(Files.createDirectories(work.resolve("registry")));
        MockApi api = MockApi.start(apiLog);
        KubernetesClient kube = api.client()) {
      HttpServer ingress = ingress(kube);
      String base = "http://127.0.0.1:" + ingress.getAddress().getPort() + "/ksvc/";
      try (FakeKnative knative = FakeKnative.start(kube, NAMESPACE, 100, name -> base + name)) {
        String image =
            KnativeFixture.pushBase(registry, Files.createDirectories(work.resolve("b")));
        Map<String, String> settings = KnativeFixture.settings(registry, api, work, NAMESPACE);
        Path good = KnativeFixture.packageApp(work.resolve("good"), "Hello", image, listener);
        Path broken = KnativeFixture.packageApp(work.resolve("broken"), "Broken", image, listener);
        TargetProvider knativeTarget = TargetProviders.of(Target.named("knative"));

        new Deployment(listener)
            .deployVerified(knativeTarget, request(good, settings), Optional.empty());
        assertThat(log).contains("Verified: 4 functions active, HTTP functions answer");
        assertThat(
                kube.configMaps()
                    .inNamespace(NAMESPACE)
                    .withName("greeter-skyhop-releases")
                    .get()
                    .getData())
            .containsExactlyInAnyOrderEntriesOf(
                Map.of("greeter", "greeter-00001", "greeter-queues", "greeter-queues-00001"));
        assertThat(keysSeen).containsExactly(whisperKey(kube));
        assertThat(requests)
            .as("hello's @Smoke request, whisper's default one")
            .containsExactlyInAnyOrder(
                "GET /ksvc/greeter/greeter/hello?name=smoke", "GET /ksvc/greeter/greeter/whisper");

        assertThatThrownBy(
                () ->
                    new Deployment(listener)
                        .deployVerified(knativeTarget, request(broken, settings), Optional.empty()))
            .isInstanceOf(DeployVerificationException.class)
            .hasMessage(
                "The deploy to knative does not work: hello (GET "
                    + base
                    + "greeter/greeter/hello?name=smoke answered 500 (its @Smoke request needs a 2xx"
                    + " or 3xx)), whisper (GET "
                    + base
                    + "greeter/greeter/whisper answered 500). Rolled back: Knative revision greeter-00001,"
                    + " greeter-queues-00001 serves again. Fix: correct the functions named and"
                    + " deploy again");
        assertThat(traffic(kube, "greeter"))
            .isEqualTo(
                List.of(
                    Map.of(
                        "revisionName", "greeter-00001", "latestRevision", false, "percent", 100)));
        assertThat(serving(kube, "greeter")).isEqualTo("greeter-00001");
        assertThat(Files.readString(broken.resolve("deploy-knative.json")))
            .contains("\"serving\": \"Knative revision greeter-00001, greeter-queues-00001\"");

        String role =
            knativeTarget.deployerPolicy().orElseThrow().document(request(good, settings));
        List<String> calls = MockApi.calls(apiLog);
        assertThat(calls).isNotEmpty();
        List<String> refused = new ArrayList<>();
        for (String call : calls) {
          if (!allowed(role, call)) {
            refused.add(call);
          }
        }
        assertThat(refused).as("calls the Role does not allow:\n%s", role).isEmpty();
      } finally {
        ingress.stop(0);
      }
    }
  }

  /** The ingress stand-in: routes to the serving revision, which answers 200 (1) or 500 (2). */
  private HttpServer ingress(KubernetesClient kube) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/ksvc/",
        exchange -> {
          String[] parts = exchange.getRequestURI().getPath().split("/");
          String service = parts[2];
          String function = parts[parts.length - 1];
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          String key = exchange.getRequestHeaders().getFirst("x-functions-key");
          if (key != null) {
            keysSeen.add(key);
          }
          int status = serving(kube, service).endsWith("-00001") ? 200 : 500;
          if (status == 200 && function.equals("whisper") && !whisperKey(kube).equals(key)) {
            status = 401;
          }
          byte[] body = ("{\"served\":\"" + service + "\"}").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }

  /** The revision Knative would route to: pinned by spec.traffic, else the latest ready. */
  @SuppressWarnings("unchecked")
  private static String serving(KubernetesClient kube, String service) {
    GenericKubernetesResource s = service(kube, service);
    for (Map<String, Object> t : traffic(kube, service)) {
      if (t.get("revisionName") != null && ((Number) t.get("percent")).intValue() == 100) {
        return (String) t.get("revisionName");
      }
    }
    Map<String, Object> status = (Map<String, Object>) s.getAdditionalProperties().get("status");
    return status == null ? "none" : String.valueOf(status.get("latestReadyRevisionName"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> traffic(KubernetesClient kube, String service) {
    Map<String, Object> spec =
        (Map<String, Object>) service(kube, service).getAdditionalProperties().get("spec");
    Object traffic = spec.get("traffic");
    return traffic == null ? List.of() : (List<Map<String, Object>>) traffic;
  }

  private static GenericKubernetesResource service(KubernetesClient kube, String name) {
    return kube.genericKubernetesResources(FakeKnative.SERVICE)
        .inNamespace(NAMESPACE)
        .withName(name)
        .get();
  }

  private static String whisperKey(KubernetesClient kube) {
    String encoded =
        kube.secrets()
            .inNamespace(NAMESPACE)
            .withName("greeter-function-keys")
            .get()
            .getData()
            .get("whisper");
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }

  private static final Pattern RULE =
      Pattern.compile(
          "- apiGroups: \\[\"([^\"]*)\"]\\n  resources: \\[\"([^\"]*)\"]\\n  verbs: \\[([^]]*)]");
  private static final Pattern PATH =
      Pattern.compile("/(?:api/v1|apis/([^/]+)/[^/]+)/namespaces/[^/]+/([^/?]+)(/[^/?]+)?(\\?.*)?");

  /** Whether the Role allows a call {@code METHOD path}, as the API server's RBAC would. */
  private static boolean allowed(String role, String call) {
    String method = call.substring(0, call.indexOf(' '));
    Matcher p = PATH.matcher(call.substring(call.indexOf(' ') + 1));
    if (!p.matches()) {
      return false;
    }
    String group = p.group(1) == null ? "" : p.group(1);
    String resource = p.group(2);
    boolean named = p.group(3) != null;
    String verb =
        switch (method) {
          case "GET" -> named ? "get" : "list";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> named ? "delete" : "deletecollection";
          default -> method;
        };
    Matcher r = RULE.matcher(role);
    while (r.find()) {
      if (r.group(1).equals(group)
          && r.group(2).equals(resource)
          && r.group(3).contains("\"" + verb + "\"")) {
        return true;
      }
    }
    return false;
  }

  private static DeployRequest request(Path skyhop, Map<String, String> settings) {
    return new DeployRequest(
        Target.named("knative"),
        KnativeFixture.APP,
        skyhop,
        new Settings(new HashMap<>(settings)),
        false);
  }
}
