package io.skyhop.it.knative;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.skyhop.it.MavenBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knative target through the plugin, in real Maven builds of {@code knative/greeter}: {@code
 * mvn package} with {@code skyhop.knative.baseImage} on the test's registry and {@code
 * skyhop.knative.broker} naming the Triggers' Broker, then {@code skyhop:deploy} and {@code
 * skyhop:remove} with {@code -Dskyhop.target=knative} against the mock API server; a deploy without
 * {@code skyhop.knative.registry} fails naming it.
 */
class KnativeMavenIT {
  private static final String NAMESPACE = "maven";

  private static final Pattern IMAGE =
      Pattern.compile("knative: image greeter:1\\.0\\.0 (sha256:[0-9a-f]{64})");

  @TempDir Path work;

  @Test
  void packageDeployAndRemoveThroughThePlugin() throws Exception {
    try (Registry registry = Registry.start(Files.createDirectories(work.resolve("registry")));
        MockApi api = MockApi.start(work.resolve("mock-api.log"));
        KubernetesClient kube = api.client();
        FakeKnative knative = FakeKnative.start(kube, NAMESPACE, 200)) {
      String base =
          KnativeFixture.pushBase(registry, Files.createDirectories(work.resolve("base")));
      Path kubeconfig = Kubeconfig.write(work.resolve("kubeconfig"), api.url());
      MavenBuild project =
          MavenBuild.copy(
              Path.of("src/test/resources/knative/greeter").toAbsolutePath(), "knative-greeter");

      MavenBuild.Result packaged =
          project.run(
              Duration.ofMinutes(4),
              "package",
              "-Dspotless.apply.skip",
              "-Dskyhop.knative.baseImage=" + base,
              "-Dskyhop.knative.broker=greetings-broker");
      assertThat(packaged.succeeded()).as("%s\n%s", packaged, packaged.output()).isTrue();
      assertThat(project.dir().resolve("target/skyhop/knative/greeter-image.tar")).isRegularFile();
      assertThat(project.dir().resolve("target/skyhop/knative/service.yaml")).isRegularFile();
      assertThat(packaged.output())
          .contains(
              "knative: image greeter:1.0.0 sha256:",
              "knative: queue messages that fail 5 deliveries are dropped");

      List<String> deploy = new ArrayList<>(List.of("-Dskyhop.target=knative"));
      deploy.add("-Dskyhop.knative.namespace=" + NAMESPACE);
      deploy.add("-Dskyhop.knative.kubeconfig=" + kubeconfig);
      deploy.add("-Dskyhop.knative.readyTimeoutSeconds=60");
      List<String> withRegistry = new ArrayList<>(deploy);
      withRegistry.add("-Dskyhop.knative.registry=" + registry.address() + "/skyhop");

      MavenBuild.Result noRegistry =
          project.run(Duration.ofMinutes(2), with(deploy, "skyhop:deploy"));
      assertThat(noRegistry.succeeded()).isFalse();
      assertThat(noRegistry.output())
          .contains(
              "skyhop.knative.registry is not set. Fix: pass -Dskyhop.knative.registry=… or set"
                  + " <skyhop.knative.registry> in the pom's <properties>");

      // docs/targets/knative.md: `mvn deploy -Dskyhop.target=knative` in a project whose
      // skyhop.targets leaves knative out packages this build's image and deploys it, not the
      // image an earlier `mvn package` left in target/
      Path greeting = project.dir().resolve("src/main/resources/greeting.txt");
      Files.writeString(greeting, Files.readString(greeting) + " ");
      List<String> lifecycle = new ArrayList<>(withRegistry);
      lifecycle.add("-Dskyhop.targets=local");
      lifecycle.add("-Dskyhop.knative.baseImage=" + base);
      lifecycle.add("-Dskyhop.knative.broker=greetings-broker");
      // the fake controller's URLs (*.example.com) do not resolve: the state checks run, the smoke
      // calls are KnativeVerifyRollbackIT's
      lifecycle.add("-Dskyhop.verify=false");
      MavenBuild.Result deployed = project.run(Duration.ofMinutes(4), with(lifecycle, "deploy"));
      assertThat(deployed.succeeded()).as("%s\n%s", deployed, deployed.output()).isTrue();
      String rebuilt = digest(deployed.output());
      assertThat(rebuilt).isNotEqualTo(digest(packaged.output()));
      assertThat(deployed.output())
          .contains(
              "knative: pushed " + registry.address() + "/skyhop/greeter@" + rebuilt,
              "created   hello                    http://greeter.maven.example.com/greeter/hello",
              "created   tick                     CronJob greeter-tick '*/5 * * * *' UTC",
              "created   welcome                  Trigger greeter-welcome on Broker greetings-broker"
                  + " (type io.skyhop.queue.greetings)");
      assertThat(knative.images("greeter")).hasSize(1);
      assertThat(kube.batch().v1().cronjobs().inNamespace(NAMESPACE).withName("greeter-tick").get())
          .isNotNull();

      MavenBuild.Result removed =
          project.run(Duration.ofMinutes(2), with(withRegistry, "skyhop:remove"));
      assertThat(removed.succeeded()).as("%s\n%s", removed, removed.output()).isTrue();
      assertThat(
              kube.genericKubernetesResources(FakeKnative.SERVICE)
                  .inNamespace(NAMESPACE)
                  .list()
                  .getItems())
          .isEmpty();
      assertThat(kube.batch().v1().cronjobs().inNamespace(NAMESPACE).list().getItems()).isEmpty();
      assertThat(
              kube.genericKubernetesResources(FakeKnative.TRIGGER)
                  .inNamespace(NAMESPACE)
                  .list()
                  .getItems())
          .isEmpty();
    }
  }

  /** The image digest a package run printed. */
  private static String digest(String output) {
    Matcher m = IMAGE.matcher(output);
    assertThat(m.find()).as("an image line in:\n" + output).isTrue();
    return m.group(1);
  }

  private static String[] with(List<String> settings, String goal) {
    List<String> args = new ArrayList<>(settings);
    args.add("-Dspotless.apply.skip");
    args.add(goal);
    return args.toArray(String[]::new);
  }
}
