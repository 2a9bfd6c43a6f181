package io.skyhop.it.knative;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Deployers;
import io.skyhop.tooling.deploy.Deployment;
import io.skyhop.tooling.deploy.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stages of one app in one namespace, through {@code skyhop:deploy} and {@code skyhop:remove}
 * against fabric8's Kubernetes mock server (CRUD mode) and a real registry: {@code prod} and {@code
 * dev} of the greeter fixture get their own Services (each with its own URL), CronJob, Trigger
 * (selecting the stage's own queue events) and function-key Secret, all labelled with app and
 * stage; removing dev leaves every prod resource.
 */
class KnativeStagesIT {
  private static final String NAMESPACE = "stages";

  @TempDir Path work;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final BuildListener listener = BuildListener.collecting(log);

  @Test
  void prodAndDevLiveSideBySideAndRemovingDevLeavesProd() throws Exception {
    try (Registry registry = Registry.start(Files.createDirectories(work.resolve("registry")));
        MockApi api = MockApi.start(work.resolve("mock-api.log"));
        KubernetesClient kube = api.client();
        FakeKnative knative = FakeKnative.start(kube, NAMESPACE, 100)) {
      String base = KnativeFixture.pushBase(registry, Files.createDirectories(work.resolve("b")));
      Map<String, String> settings = KnativeFixture.settings(registry, api, work, NAMESPACE);
      Path skyhop = KnativeFixture.packageApp(work.resolve("app"), "Hello", base, listener);

      DeployResult prod = deploy(skyhop, settings, "prod");
      DeployResult dev = deploy(skyhop, settings, "dev");

      assertThat(prod.details())
          .containsEntry("url", "http://greeter-prod." + NAMESPACE + ".example.com");
      assertThat(dev.details())
          .containsEntry("url", "http://greeter-dev." + NAMESPACE + ".example.com");
      assertThat(names(kube, FakeKnative.SERVICE))
          .containsExactlyInAnyOrder(
              "greeter-prod", "greeter-prod-queues", "greeter-dev", "greeter-dev-queues");
      assertThat(names(kube, FakeKnative.TRIGGER))
          .containsExactlyInAnyOrder("greeter-prod-welcome", "greeter-dev-welcome");
      assertThat(cronJobs(kube)).containsExactlyInAnyOrder("greeter-prod-tick", "greeter-dev-tick");
      assertThat(kube.secrets().inNamespace(NAMESPACE).list().getItems())
          .extracting(s -> s.getMetadata().getName())
          .containsExactlyInAnyOrder("greeter-prod-function-keys", "greeter-dev-function-keys");

      GenericKubernetesResource devTrigger = get(kube, FakeKnative.TRIGGER, "greeter-dev-welcome");
      assertThat(devTrigger.getMetadata().getLabels())
          .containsEntry("skyhop.io/app", "greeter-dev")
          .containsEntry("skyhop.io/stage", "dev");
      assertThat(spec(devTrigger).toString())
          .contains("type=io.skyhop.queue.greeter-dev-greetings")
          .contains("name=greeter-dev-queues")
          .contains("uri=/_skyhop/events/queues/greetings");
      assertThat(spec(get(kube, FakeKnative.SERVICE, "greeter-prod")).toString())
          .contains("secretName=greeter-prod-function-keys")
          .contains("skyhop.io/stage=prod");
      assertThat(dev.functions())
          .filteredOn(f -> f.name().equals("welcome"))
          .singleElement()
          .satisfies(
              f ->
                  assertThat(f.endpoint())
                      .isEqualTo(
                          "Trigger greeter-dev-welcome on Broker default (type"
                              + " io.skyhop.queue.greeter-dev-greetings)"));
      assertThat(skyhop.resolve("deploy-knative-prod.json")).isRegularFile();
      assertThat(skyhop.resolve("deploy-knative-dev.json")).isRegularFile();

      new Deployment(listener)
          .remove(Deployers.of(Target.named("knative")), request(skyhop, settings, "dev"));
      assertThat(names(kube, FakeKnative.SERVICE))
          .containsExactlyInAnyOrder("greeter-prod", "greeter-prod-queues");
      assertThat(names(kube, FakeKnative.TRIGGER)).containsExactly("greeter-prod-welcome");
      assertThat(cronJobs(kube)).containsExactly("greeter-prod-tick");
      assertThat(kube.secrets().inNamespace(NAMESPACE).list().getItems())
          .extracting(s -> s.getMetadata().getName())
          .containsExactly("greeter-prod-function-keys");
    }
  }

  private DeployResult deploy(Path skyhop, Map<String, String> settings, String stage)
      throws Exception {
    return new Deployment(listener)
        .deploy(Deployers.of(Target.named("knative")), request(skyhop, settings, stage));
  }

  private static DeployRequest request(Path skyhop, Map<String, String> settings, String stage) {
    Map<String, String> staged = new HashMap<>(settings);
    staged.put("skyhop.stage", stage);
    return new DeployRequest(
        Target.named("knative"), KnativeFixture.APP, skyhop, new Settings(staged), false);
  }

  private static List<String> names(
      KubernetesClient kube, io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext type) {
    return kube.genericKubernetesResources(type).inNamespace(NAMESPACE).list().getItems().stream()
        .map(r -> r.getMetadata().getName())
        .toList();
  }

  private static List<String> cronJobs(KubernetesClient kube) {
    return kube.batch().v1().cronjobs().inNamespace(NAMESPACE).list().getItems().stream()
        .map(r -> r.getMetadata().getName())
        .toList();
  }

  private static GenericKubernetesResource get(
      KubernetesClient kube,
      io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext type,
      String name) {
    GenericKubernetesResource r =
        kube.genericKubernetesResources(type).inNamespace(NAMESPACE).withName(name).get();
    assertThat(r).as(name).isNotNull();
    return r;
  }

  private static Object spec(GenericKubernetesResource resource) {
    return resource.getAdditionalProperties().get("spec");
  }
}
