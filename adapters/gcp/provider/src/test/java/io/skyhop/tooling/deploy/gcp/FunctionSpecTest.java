package io.skyhop.tooling.deploy.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.functions.v2.Environment;
import com.google.cloud.functions.v2.EventFilter;
import com.google.cloud.functions.v2.EventTrigger;
import com.google.cloud.functions.v2.Function;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunctionSpecTest {
  static final GcpSettings GCP = new GcpSettings("demo", "europe-west1", Optional.empty());

  static Manifest manifest() throws Exception {
    return ManifestFile.read(Path.of("src/test/resources/deploy/gcp"));
  }

  static FunctionSpec spec(String name) throws Exception {
    Manifest m = manifest();
    return FunctionSpec.of(
        GCP,
        m,
        "orders",
        m.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow());
  }

  @Test
  void publicHttpFunction() throws Exception {
    FunctionSpec spec = spec("get");
    Function f = spec.function();
    assertThat(spec.id()).isEqualTo("orders-get");
    assertThat(spec.isPublic()).isTrue();
    assertThat(spec.httpPath()).contains("/orders/{id}");
    assertThat(f.getName()).isEqualTo("projects/demo/locations/europe-west1/functions/orders-get");
    assertThat(f.getEnvironment()).isEqualTo(Environment.GEN_2);
    assertThat(f.getBuildConfig().getRuntime()).isEqualTo("java17");
    assertThat(f.getBuildConfig().getEntryPoint()).isEqualTo("io.skyhop.gcp.SkyhopHttpFunction");
    assertThat(f.getServiceConfig().getAvailableMemory()).isEqualTo("512M");
    assertThat(f.getServiceConfig().getTimeoutSeconds()).isEqualTo(10);
    assertThat(f.getServiceConfig().getMaxInstanceCount()).isZero();
    assertThat(f.getServiceConfig().getEnvironmentVariablesMap())
        .isEqualTo(Map.of("SKYHOP_FUNCTION", "get"));
    assertThat(f.getLabelsMap())
        .isEqualTo(
            Map.of("managed-by", "skyhop", "skyhop-app", "orders", "skyhop-function", "get"));
    assertThat(f.hasEventTrigger()).isFalse();
  }

  @Test
  void aStageIsInTheIdTheJobAndTheLabels() throws Exception {
    Manifest m = manifest();
    FunctionSpec spec =
        FunctionSpec.of(
            GCP,
            m,
            io.skyhop.tooling.naming.Naming.of("orders", "dev"),
            m.functions().stream()
                .filter(f -> f.name().equals("nightly"))
                .findFirst()
                .orElseThrow());
    assertThat(spec.id()).isEqualTo("orders-dev-nightly");
    assertThat(spec.schedule())
        .hasValueSatisfying(j -> assertThat(j.jobId()).isEqualTo("orders-dev-nightly"));
    assertThat(spec.function().getLabelsMap())
        .isEqualTo(
            Map.of(
                "managed-by",
                "skyhop",
                "skyhop-app",
                "orders",
                "skyhop-stage",
                "dev",
                "skyhop-function",
                "nightly"));
    assertThat(
            Schedules.marker(Schedules.owner(io.skyhop.tooling.naming.Naming.of("orders", "dev"))))
        .isEqualTo("skyhop app=orders stage=dev function=");
  }

  @Test
  void secretsBecomeSecretEnvironmentVariablesReferencingTheStagesSecrets() throws Exception {
    Manifest m = manifest();
    Manifest.Function f = m.functions().get(0);
    Manifest.Function withSecrets =
        new Manifest.Function(
            f.name(),
            f.trigger(),
            f.memoryMb(),
            f.timeoutSeconds(),
            0,
            f.env(),
            f.targets(),
            List.of("db-password", "api-key"));

    Function prod =
        FunctionSpec.of(GCP, m, io.skyhop.tooling.naming.Naming.of("orders", "prod"), withSecrets)
            .function();

    assertThat(prod.getServiceConfig().getSecretEnvironmentVariablesList())
        .extracting(
            v -> v.getKey() + "=" + v.getProjectId() + "/" + v.getSecret() + ":" + v.getVersion())
        .containsExactly(
            "SKYHOP_SECRET_DB_PASSWORD=demo/orders_prod_db-password:latest",
            "SKYHOP_SECRET_API_KEY=demo/orders_prod_api-key:latest");
    assertThat(prod.getServiceConfig().getEnvironmentVariablesMap())
        .doesNotContainKeys("SKYHOP_SECRET_DB_PASSWORD", "SKYHOP_SECRET_API_KEY");
    Function dev =
        FunctionSpec.of(GCP, m, io.skyhop.tooling.naming.Naming.of("orders", "dev"), withSecrets)
            .function();
    // the stages' functions differ in the secrets they reference and in their stage label
    assertThat(FunctionDiff.between(dev, prod))
        .containsExactlyInAnyOrder(
            "service_config.secret_environment_variables", "labels", "description");
  }

  @Test
  void boundTopicsAndBucketsAreUsedAsTheyAre() throws Exception {
    Manifest m = manifest();
    io.skyhop.tooling.deploy.ResourceBindings bindings =
        io.skyhop.tooling.deploy.ResourceBindings.of(
            new Settings(
                Map.of(
                    "skyhop.resources.orders", "projects/shared-project/topics/all-orders",
                    "skyhop.resources.uploads", "gs://team-uploads")));
    java.util.function.Function<String, FunctionSpec> spec =
        name ->
            FunctionSpec.of(
                GCP,
                m,
                io.skyhop.tooling.naming.Naming.of("orders"),
                bindings,
                m.functions().stream()
                    .filter(f -> f.name().equals(name))
                    .findFirst()
                    .orElseThrow());
    assertThat(spec.apply("on-order").function().getEventTrigger().getPubsubTopic())
        .isEqualTo("projects/shared-project/topics/all-orders");
    assertThat(spec.apply("on-upload").function().getEventTrigger().getEventFilters(0).getValue())
        .isEqualTo("team-uploads");
    io.skyhop.tooling.deploy.ResourceBindings bad =
        io.skyhop.tooling.deploy.ResourceBindings.of(
            new Settings(Map.of("skyhop.resources.orders", "all-orders")));
    assertThatThrownBy(
            () ->
                FunctionSpec.of(
                    GCP,
                    m,
                    io.skyhop.tooling.naming.Naming.of("orders"),
                    bad,
                    m.functions().stream()
                        .filter(f -> f.name().equals("on-order"))
                        .findFirst()
                        .orElseThrow()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.resources.orders = 'all-orders' is not a Pub/Sub topic. Fix: bind the logical"
                + " name 'orders' to projects/<project>/topics/<topic>, or remove the setting");
  }

  @Test
  void privateHttpFunctionWithEnvAndMaxInstances() throws Exception {
    FunctionSpec spec = spec("create-order");
    assertThat(spec.isPublic()).isFalse();
    assertThat(spec.function().getServiceConfig().getMaxInstanceCount()).isEqualTo(5);
    assertThat(spec.function().getServiceConfig().getMinInstanceCount()).isEqualTo(2);
    assertThat(spec.function().getServiceConfig().getAvailableMemory()).isEqualTo("256M");
    assertThat(spec.function().getServiceConfig().getEnvironmentVariablesMap())
        .isEqualTo(Map.of("SKYHOP_FUNCTION", "create-order", "GREETING", "hi"));
  }

  @Test
  void scheduleHasAJobAndNoTrigger() throws Exception {
    FunctionSpec spec = spec("nightly");
    assertThat(spec.schedule())
        .contains(new FunctionSpec.Schedule("orders-nightly", "0 3 * * *", "UTC"));
    assertThat(spec.isPublic()).isFalse();
    assertThat(spec.function().hasEventTrigger()).isFalse();
  }

  @Test
  void queueIsAPubSubTriggerThatRetries() throws Exception {
    EventTrigger t = spec("on-order").function().getEventTrigger();
    assertThat(t.getEventType()).isEqualTo("google.cloud.pubsub.topic.v1.messagePublished");
    assertThat(t.getPubsubTopic()).isEqualTo("projects/demo/topics/orders-orders");
    assertThat(t.getRetryPolicy()).isEqualTo(EventTrigger.RetryPolicy.RETRY_POLICY_RETRY);
  }

  @Test
  void storageIsABucketFilter() throws Exception {
    EventTrigger t = spec("on-upload").function().getEventTrigger();
    assertThat(t.getEventType()).isEqualTo("google.cloud.storage.object.v1.finalized");
    assertThat(t.getEventFiltersList())
        .containsExactly(
            EventFilter.newBuilder()
                .setAttribute("bucket")
                .setValue("orders-uploads-e0789338")
                .build());
  }

  @Test
  void idsMustFitCloudFunctions() {
    assertThatThrownBy(() -> FunctionSpec.id("Orders", "get"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.app = 'Orders' gives the Cloud Functions id 'Orders-get', but ids are 4 to 63"
                + " lower-case letters, digits and hyphens, starting with a letter. Fix: set"
                + " skyhop.app to a short lower-case name");
  }

  @Test
  void eventFunctionsTimeOutWithin540Seconds() throws Exception {
    Manifest m = manifest();
    Manifest.Function f = m.functions().get(3);
    Manifest.Function slow =
        new Manifest.Function(f.name(), f.trigger(), f.memoryMb(), 600, 0, f.env(), f.targets());
    assertThatThrownBy(() -> FunctionSpec.of(GCP, m, "orders", slow))
        .hasMessage(
            "@Function(timeoutSeconds) = '600' is the timeout of event function on-order, but Cloud"
                + " Functions allows event functions at most 540 s. Fix: set timeoutSeconds to 540"
                + " or less");
  }

  @Test
  void oneStorageEventPerFunction() throws Exception {
    Manifest m = manifest();
    Manifest.Function f = m.functions().get(4);
    Manifest.Trigger trigger =
        Manifest.Trigger.storage(f.trigger().bucket(), List.of("CREATED", "DELETED"));
    Manifest.Function both =
        new Manifest.Function(f.name(), trigger, 512, 30, 0, f.env(), f.targets());
    assertThatThrownBy(() -> FunctionSpec.of(GCP, m, "orders", both))
        .hasMessage(
            "@StorageTrigger(events) = '[CREATED, DELETED]' are the events of function on-upload,"
                + " but a Cloud Function has one event trigger. Fix: split it into one function per"
                + " event type");
  }

  @Test
  void settingsNameTheMissingProperty() {
    assertThatThrownBy(() -> GcpSettings.of(new Settings(Map.of("skyhop.region", "europe-west1"))))
        .hasMessage(
            "skyhop.gcp.project is not set. Fix: pass -Dskyhop.gcp.project=… or set"
                + " <skyhop.gcp.project> in the pom's <properties>; the id of the Google Cloud"
                + " project, as 'gcloud config get-value project' shows");
    assertThatThrownBy(() -> GcpSettings.of(new Settings(Map.of("skyhop.gcp.project", "demo"))))
        .hasMessage(
            "skyhop.region is not set. Fix: pass -Dskyhop.region=… or set <skyhop.region> in the"
                + " pom's <properties>; a Cloud Functions region such as europe-west1 or"
                + " us-central1");
    assertThatThrownBy(
            () ->
                GcpSettings.of(
                    new Settings(
                        Map.of(
                            "skyhop.gcp.project", "demo",
                            "skyhop.region", "europe-west1",
                            "skyhop.gcp.endpoint", "127.0.0.1:8080"))))
        .hasMessage(
            "skyhop.gcp.endpoint = '127.0.0.1:8080' has no scheme. Fix: give a full URL such as"
                + " http://127.0.0.1:8089 (without a scheme Google's clients would use https)");
  }
}
