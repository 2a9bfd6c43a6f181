package io.skyhop.it.knative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Deployers;
import io.skyhop.tooling.deploy.Deployment;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.deploy.knative.OciArchive;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skyhop:deploy -Dskyhop.target=knative} end to end, through the tooling API: the image
 * tarball is pushed to a real registry (Debian's {@code docker-registry}) and read back with {@code
 * skopeo} and the registry's HTTP API; the Services, the CronJob and the queue function's Trigger
 * are applied to fabric8's Kubernetes mock server in CRUD mode, while a fake Knative controller
 * marks the Services Ready; a second deploy of a changed app makes new revisions; remove deletes
 * them all.
 */
class KnativeDeployIT {
  private static final String NAMESPACE = "skyhop";
  private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  @TempDir static Path work;
  private static Registry registry;
  private static MockApi api;
  private static KubernetesClient kube;
  private static Path kubeconfig;
  private static String base;
  private static Path v1;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final BuildListener listener = BuildListener.collecting(log);

  @BeforeAll
  static void start() throws Exception {
    registry = Registry.start(Files.createDirectories(work.resolve("registry")));
    base = KnativeFixture.pushBase(registry, Files.createDirectories(work.resolve("base")));
    api = MockApi.start(work.resolve("mock-api.log"));
    kube = api.client();
    kubeconfig = Kubeconfig.write(work.resolve("kubeconfig"), api.url());
    v1 =
        KnativeFixture.packageApp(
            Files.createDirectories(work.resolve("v1")), "Hello", base, BuildListener.stdout());
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      kube.close();
    }
    if (api != null) {
      api.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void deployPushesTheImageAppliesServicesCronJobAndTriggerAndRemoveDeletesThem() throws Exception {
    try (FakeKnative knative = FakeKnative.start(kube, NAMESPACE, 300)) {
      DeployResult first = deploy(v1, settings());

      // 1. the image in the registry is the one built
      OciArchive built =
          OciArchive.unpack(v1.resolve("knative/greeter-image.tar"), work.resolve("built"));
      String repository = registry.address() + "/skyhop/greeter";
      String image = repository + "@" + built.manifestDigest();
      assertThat(first.details()).containsEntry("image", image);
      assertRegistryHolds(built, "skyhop/greeter", "1.0.0");

      // 2. the Services, the CronJob and the Trigger, read back, are service.yaml's documents
      List<Map<String, Object>> documents = documents(v1, registry.address() + "/skyhop");
      assertThat(json(service("greeter"))).isEqualTo(json(documents.get(0)));
      assertThat(json(service("greeter-queues"))).isEqualTo(json(documents.get(1)));
      assertThat(json(cronJob("greeter-tick"))).isEqualTo(json(documents.get(2)));
      assertThat(json(trigger("greeter-welcome"))).isEqualTo(json(documents.get(3)));
      assertThat(first.functions())
          .extracting(
              DeployResult.Function::name,
              DeployResult.Function::action,
              DeployResult.Function::endpoint)
          .containsExactly(
              tuple(
                  "hello",
                  DeployResult.Action.CREATED,
                  "http://greeter.skyhop.example.com/greeter/hello"),
              tuple(
                  "whisper",
                  DeployResult.Action.CREATED,
                  "http://greeter.skyhop.example.com/greeter/whisper"),
              tuple("tick", DeployResult.Action.CREATED, "CronJob greeter-tick '*/5 * * * *' UTC"),
              tuple(
                  "welcome",
                  DeployResult.Action.CREATED,
                  "Trigger greeter-welcome on Broker default (type io.skyhop.queue.greetings)"));
      assertThat(first.details())
          .containsEntry("url", "http://greeter.skyhop.example.com")
          .containsEntry("revision", "greeter-00001")
          .containsEntry("queuesRevision", "greeter-queues-00001")
          .containsEntry("namespace", NAMESPACE);
      assertThat(log)
          .contains(
              "knative: waiting up to 60 s for Service greeter to be Ready",
              "knative: waiting up to 60 s for Service greeter-queues to be Ready",
              "WARNING knative: Broker 'default' does not exist in namespace skyhop: the queue"
                  + " Triggers stay not Ready and no message is delivered until it does. Fix: kn"
                  + " broker create default -n skyhop, or package with"
                  + " -Dskyhop.knative.broker=<an existing Broker>");

      // the same package again changes nothing
      DeployResult again = deploy(v1, settings());
      assertThat(again.functions())
          .extracting(DeployResult.Function::action)
          .containsOnly(DeployResult.Action.UNCHANGED);

      // a changed app: a new image, the Services updated, new revisions
      Path v2 =
          KnativeFixture.packageApp(
              Files.createDirectories(work.resolve("v2")), "Bonjour", base, listener);
      DeployResult second = deploy(v2, settings());
      OciArchive changed =
          OciArchive.unpack(v2.resolve("knative/greeter-image.tar"), work.resolve("changed"));
      assertThat(changed.manifestDigest()).isNotEqualTo(built.manifestDigest());
      assertThat(changed.layers().subList(0, 2)).isEqualTo(built.layers().subList(0, 2));
      assertThat(second.functions())
          .extracting(DeployResult.Function::action)
          .containsOnly(DeployResult.Action.UPDATED)
          .hasSize(4);
      assertThat(second.details())
          .containsEntry("revision", "greeter-00002")
          .containsEntry("queuesRevision", "greeter-queues-00002");
      assertThat(json(service("greeter")))
          .isEqualTo(json(documents(v2, registry.address() + "/skyhop").get(0)));
      assertThat(knative.images("greeter"))
          .containsExactly(image, repository + "@" + changed.manifestDigest());
      assertThat(Files.readString(v2.resolve("deploy-knative.json"))).contains("greeter-00002");

      // remove deletes the Services, the CronJob and the Trigger
      new Deployment(listener)
          .remove(Deployers.of(Target.named("knative")), request(v2, settings()));
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
      assertThat(log)
          .contains(
              "knative: deleted Trigger greeter-welcome",
              "knative: deleted Knative Service greeter",
              "knative: deleted Knative Service greeter-queues",
              "knative: deleted CronJob greeter-tick",
              "knative: deleted Secret greeter-function-keys");
    }
  }

  @Test
  void aServiceSkyhopDoesNotManageIsLeftAloneWithAClearError() {
    GenericKubernetesResource theirs = new GenericKubernetesResource();
    theirs.setApiVersion("serving.knative.dev/v1");
    theirs.setKind("Service");
    theirs.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("greeter").build());
    theirs.setAdditionalProperty("spec", Map.of("template", Map.of()));
    kube.genericKubernetesResources(FakeKnative.SERVICE)
        .inNamespace("theirs")
        .resource(theirs)
        .create();

    Map<String, String> values = new java.util.HashMap<>(settings());
    values.put("skyhop.knative.namespace", "theirs");
    assertThatThrownBy(() -> deploy(v1, values))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.app = 'greeter' names Service 'greeter' in namespace theirs, which Skyhop"
                + " does not manage for this app (labels app.kubernetes.io/managed-by=skyhop,"
                + " skyhop.io/app=greeter). Fix: set -Dskyhop.app to another name, or delete that"
                + " resource");
  }

  @Test
  void aDryRunPrintsThePlanAndChangesNothing() throws Exception {
    Map<String, String> values = new java.util.HashMap<>(settings());
    values.put("skyhop.knative.namespace", "plan");

    DeployResult plan =
        new Deployment(listener)
            .deploy(
                Deployers.of(Target.named("knative")),
                new DeployRequest(
                    Target.named("knative"), KnativeFixture.APP, v1, new Settings(values), true));

    assertThat(plan.functions())
        .extracting(DeployResult.Function::action)
        .containsOnly(DeployResult.Action.CREATE)
        .hasSize(4);
    assertThat(log.get(0))
        .startsWith("knative: would push " + registry.address() + "/skyhop/greeter@sha256:");
    assertThat(
            kube.genericKubernetesResources(FakeKnative.SERVICE)
                .inNamespace("plan")
                .list()
                .getItems())
        .isEmpty();
    assertThat(kube.batch().v1().cronjobs().inNamespace("plan").list().getItems()).isEmpty();
  }

  @Test
  void aServiceThatDoesNotGetReadyFailsTheDeployAfterTheTimeout() {
    Map<String, String> values = new java.util.HashMap<>(settings());
    values.put("skyhop.knative.namespace", "slow");
    values.put("skyhop.knative.readyTimeoutSeconds", "1");

    assertThatThrownBy(() -> deploy(v1, values))
        .hasMessage(
            "Knative Service greeter is not Ready after 1 s (no status yet). Fix: see kubectl"
                + " describe ksvc greeter -n slow, or wait longer with"
                + " -Dskyhop.knative.readyTimeoutSeconds=<seconds>");
  }

  @Test
  void aMissingRegistryFailsNamingTheSetting() {
    Map<String, String> values = new java.util.HashMap<>(settings());
    values.remove("skyhop.knative.registry");

    assertThatThrownBy(() -> deploy(v1, values))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.knative.registry is not set. Fix: pass -Dskyhop.knative.registry=… or set"
                + " <skyhop.knative.registry> in the pom's <properties>; the image registry the"
                + " cluster pulls from, e.g. ghcr.io/my-org or 127.0.0.1:5000/skyhop");
  }

  @Test
  void anUnreachableRegistryFailsNamingTheSetting() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    Map<String, String> values = new java.util.HashMap<>(settings());
    values.put("skyhop.knative.registry", "127.0.0.1:" + closed + "/skyhop");

    assertThatThrownBy(() -> deploy(v1, values))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "skyhop.knative.registry = '127.0.0.1:" + closed + "/skyhop' cannot be reached (")
        .hasMessageEndingWith(
            "). Fix: set -Dskyhop.knative.registry=<registry host[:port]>[/path] to a registry"
                + " the cluster pulls from");
  }

  private Map<String, String> settings() {
    return Map.of(
        "skyhop.knative.registry",
        registry.address() + "/skyhop",
        "skyhop.knative.namespace",
        NAMESPACE,
        "skyhop.knative.kubeconfig",
        kubeconfig.toString(),
        "skyhop.knative.readyTimeoutSeconds",
        "60");
  }

  private DeployResult deploy(Path skyhop, Map<String, String> settings) throws Exception {
    return new Deployment(listener)
        .deploy(Deployers.of(Target.named("knative")), request(skyhop, settings));
  }

  private static DeployRequest request(Path skyhop, Map<String, String> settings) {
    return new DeployRequest(
        Target.named("knative"), KnativeFixture.APP, skyhop, new Settings(settings), false);
  }

  /** The registry serves the built manifest, config and layers, byte for byte. */
  private static void assertRegistryHolds(OciArchive built, String repository, String tag)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<byte[]> manifest =
        http.send(
            HttpRequest.newBuilder(registry.uri("/v2/" + repository + "/manifests/" + tag))
                .header("Accept", OCI_MANIFEST)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(manifest.statusCode()).isEqualTo(200);
    assertThat(manifest.headers().firstValue("Docker-Content-Digest"))
        .hasValue(built.manifestDigest());
    assertThat(manifest.body()).isEqualTo(built.manifest());
    List<String> blobs = new ArrayList<>(built.layers());
    blobs.add(built.config());
    for (String digest : blobs) {
      HttpResponse<byte[]> blob =
          http.send(
              HttpRequest.newBuilder(registry.uri("/v2/" + repository + "/blobs/" + digest))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(blob.statusCode()).as(digest).isEqualTo(200);
      assertThat(
              "sha256:"
                  + HexFormat.of()
                      .formatHex(MessageDigest.getInstance("SHA-256").digest(blob.body())))
          .isEqualTo(digest);
    }

    // skopeo, another client, reads the same image and its config
    String reference = "docker://" + registry.address() + "/" + repository + ":" + tag;
    JsonObject inspect = JsonParser.parseString(skopeo("inspect", reference)).getAsJsonObject();
    assertThat(inspect.get("Digest").getAsString()).isEqualTo(built.manifestDigest());
    List<String> layers = new ArrayList<>();
    inspect.getAsJsonArray("Layers").forEach(l -> layers.add(l.getAsString()));
    assertThat(layers).isEqualTo(built.layers());
    JsonObject config =
        JsonParser.parseString(skopeo("inspect", "--config", reference))
            .getAsJsonObject()
            .getAsJsonObject("config");
    assertThat(config.get("Entrypoint").toString())
        .isEqualTo(
            "[\"java\",\"-XX:+UseSerialGC\",\"-Xmx128m\",\"-cp\",\"/app/skyhop-runtime.jar\","
                + "\"io.skyhop.runtime.SingleApp\",\"--app-bundle\",\"/app/greeter.zip\","
                + "\"--data\",\"/tmp/skyhop\",\"--bind\",\"0.0.0.0\"]");
    assertThat(config.get("Env").toString())
        .isEqualTo(
            "[\"PATH=/opt/java/openjdk/bin:/usr/local/bin:/usr/bin:/bin\","
                + "\"JAVA_HOME=/opt/java/openjdk\",\"TZ=UTC\"]");
    assertThat(config.get("ExposedPorts").toString()).isEqualTo("{\"8080/tcp\":{}}");
    assertThat(config.get("WorkingDir").getAsString()).isEqualTo("/app");
    JsonObject builtConfig =
        JsonParser.parseString(Files.readString(built.blob(built.config())))
            .getAsJsonObject()
            .getAsJsonObject("config");
    for (String key : List.of("Entrypoint", "Env", "ExposedPorts", "WorkingDir", "Labels")) {
      assertThat(config.get(key)).as(key).isEqualTo(builtConfig.get(key));
    }
  }

  private static String skopeo(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("skopeo", "--command-timeout", "30s"));
    command.add(args[0]);
    command.add("--tls-verify=false");
    command.addAll(List.of(args).subList(1, args.length));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      return out;
    } finally {
      p.destroyForcibly();
    }
  }

  private static GenericKubernetesResource service(String name) {
    return kube.genericKubernetesResources(FakeKnative.SERVICE)
        .inNamespace(NAMESPACE)
        .withName(name)
        .get();
  }

  private static GenericKubernetesResource trigger(String name) {
    return kube.genericKubernetesResources(FakeKnative.TRIGGER)
        .inNamespace(NAMESPACE)
        .withName(name)
        .get();
  }

  private static GenericKubernetesResource cronJob(String name) {
    return kube.genericKubernetesResources("batch/v1", "CronJob")
        .inNamespace(NAMESPACE)
        .withName(name)
        .get();
  }

  private static JsonObject json(Object resource) {
    return WrittenResources.json(kube, resource);
  }

  private static List<Map<String, Object>> documents(Path skyhop, String registryValue)
      throws IOException {
    return WrittenResources.documents(skyhop, registryValue);
  }
}
