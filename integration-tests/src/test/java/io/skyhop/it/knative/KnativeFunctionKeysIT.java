package io.skyhop.it.knative;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Deployers;
import io.skyhop.tooling.deploy.Deployment;
import io.skyhop.tooling.deploy.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keys of {@code Auth.FUNCTION} functions on knative, through {@code skyhop:deploy} and {@code
 * skyhop:remove} against fabric8's Kubernetes mock server (CRUD mode) and a real registry: the
 * Secret {@code greeter-function-keys} is created with one key, mounted by the Service, kept byte
 * for byte on a redeploy of changed code (keys added by hand too), deleted by remove; no key is
 * ever printed.
 */
class KnativeFunctionKeysIT {
  private static final String NAMESPACE = "keys";
  private static final String SECRET = "greeter-function-keys";

  @TempDir Path work;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final BuildListener listener = BuildListener.collecting(log);

  @Test
  void deployCreatesTheSecretOnceKeepsItsKeysOnRedeployAndRemoveDeletesIt() throws Exception {
    try (Registry registry = Registry.start(Files.createDirectories(work.resolve("registry")));
        MockApi api = MockApi.start(work.resolve("mock-api.log"));
        KubernetesClient kube = api.client();
        FakeKnative knative = FakeKnative.start(kube, NAMESPACE, 300)) {
      String base = KnativeFixture.pushBase(registry, Files.createDirectories(work.resolve("b")));
      Map<String, String> settings = KnativeFixture.settings(registry, api, work, NAMESPACE);
      Path v1 = KnativeFixture.packageApp(work.resolve("v1"), "Hello", base, listener);

      DeployResult first = deploy(v1, settings);

      Secret secret = secret(kube);
      assertThat(secret.getMetadata().getLabels())
          .containsEntry("skyhop.io/app", "greeter")
          .containsEntry("app.kubernetes.io/managed-by", "skyhop");
      assertThat(secret.getData()).containsOnlyKeys("whisper");
      String key = decode(secret.getData().get("whisper"));
      assertThat(key).matches("[A-Za-z0-9_-]{43}");
      assertThat(Base64.getUrlDecoder().decode(key)).hasSize(32);
      assertThat(log)
          .contains(
              "knative: Secret greeter-function-keys created (a key for whisper)",
              "knative: whisper needs its key in the x-functions-key header or the code query"
                  + " parameter; read it with: kubectl get secret greeter-function-keys -n keys"
                  + " -o jsonpath='{.data.whisper}' | base64 -d");
      assertThat(first.functions())
          .filteredOn(f -> f.name().equals("whisper"))
          .singleElement()
          .satisfies(f -> assertThat(f.details()).containsEntry("keySecret", SECRET));
      assertThat(volumes(kube))
          .isEqualTo(
              List.of(Map.of("name", "function-keys", "secret", Map.of("secretName", SECRET))));

      // a key added by hand, then a redeploy of changed code: every key is kept as it was
      secret.getData().put("by-hand", Base64.getEncoder().encodeToString("mine".getBytes()));
      kube.secrets().inNamespace(NAMESPACE).resource(secret).update();
      Map<String, String> before = secret(kube).getData();
      Path v2 = KnativeFixture.packageApp(work.resolve("v2"), "Bonjour", base, listener);
      DeployResult second = deploy(v2, settings);
      assertThat(second.details()).containsEntry("revision", "greeter-00002");
      assertThat(secret(kube).getData()).isEqualTo(before);
      assertThat(log)
          .contains("knative: Secret greeter-function-keys unchanged (deploy never rotates keys)");

      new Deployment(listener).remove(Deployers.of(Target.named("knative")), request(v2, settings));
      assertThat(kube.secrets().inNamespace(NAMESPACE).withName(SECRET).get()).isNull();
      assertThat(log).contains("knative: deleted Secret greeter-function-keys");

      String printed = String.join("\n", log) + Files.readString(v2.resolve("deploy-knative.json"));
      assertThat(printed)
          .as("no key in the output")
          .doesNotContain(key)
          .doesNotContain(before.get("whisper"));
    }
  }

  private DeployResult deploy(Path skyhop, Map<String, String> settings) throws Exception {
    return new Deployment(listener)
        .deploy(Deployers.of(Target.named("knative")), request(skyhop, settings));
  }

  private static DeployRequest request(Path skyhop, Map<String, String> settings) {
    return new DeployRequest(
        Target.named("knative"), KnativeFixture.APP, skyhop, new Settings(settings), false);
  }

  private static Secret secret(KubernetesClient kube) {
    Secret secret = kube.secrets().inNamespace(NAMESPACE).withName(SECRET).get();
    assertThat(secret).as("the Secret " + SECRET).isNotNull();
    return secret;
  }

  @SuppressWarnings("unchecked")
  private static Object volumes(KubernetesClient kube) {
    GenericKubernetesResource service =
        kube.genericKubernetesResources(FakeKnative.SERVICE)
            .inNamespace(NAMESPACE)
            .withName("greeter")
            .get();
    Map<String, Object> spec = (Map<String, Object>) service.getAdditionalProperties().get("spec");
    Map<String, Object> template = (Map<String, Object>) spec.get("template");
    return ((Map<String, Object>) template.get("spec")).get("volumes");
  }

  private static String decode(String value) {
    return new String(Base64.getDecoder().decode(value), StandardCharsets.US_ASCII);
  }
}
