package io.skyhop.tooling.deploy.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.azure.AzureEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlexAppTest {
  static Manifest.Function fn(String name, int memory, int max, Map<String, String> env) {
    return new Manifest.Function(
        name,
        Manifest.Trigger.http("/" + name, List.of("GET"), "ANONYMOUS"),
        memory,
        10,
        max,
        env,
        Map.of(
            "azure",
            new AzureEntry(
                "io.skyhop.azure.SkyhopFunctions.http",
                "../orders.jar",
                name,
                "java17",
                Map.of())));
  }

  static AzureSettings azure() {
    return AzureSettings.of(new Settings(AzureSettingsTest.valid()), "orders");
  }

  @Test
  void memoryRoundsUpToAFlexInstanceSize() {
    assertThat(FlexApp.instanceMemory(128)).isEqualTo(512);
    assertThat(FlexApp.instanceMemory(512)).isEqualTo(512);
    assertThat(FlexApp.instanceMemory(513)).isEqualTo(2048);
    assertThat(FlexApp.instanceMemory(2048)).isEqualTo(2048);
    assertThat(FlexApp.instanceMemory(3000)).isEqualTo(4096);
    assertThatThrownBy(() -> FlexApp.instanceMemory(8192))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "@Function(memoryMb) = '8192' is more than the largest Flex Consumption instance (4096"
                + " MB). Fix: ask for 4096 MB or less");
  }

  @Test
  void oneAppForAllFunctions() {
    Manifest manifest =
        new Manifest(
            "orders",
            "1.0",
            21,
            List.of(fn("a", 512, 0, Map.of("X", "1")), fn("b", 1024, 20, Map.of("Y", "2"))));

    FlexApp app = FlexApp.of(manifest);

    assertThat(app).isEqualTo(new FlexApp("21", 2048, 20, Map.of("X", "1", "Y", "2")));
    JsonObject site = app.site(azure(), io.skyhop.tooling.naming.Naming.of("orders"));
    assertThat(site.getAsJsonObject("properties").getAsJsonObject("functionAppConfig").toString())
        .isEqualTo(
            "{\"deployment\":{\"storage\":{\"type\":\"blobContainer\",\"value\":\"https://"
                + azure().storageAccount()
                + ".blob.core.windows.net/app-package\",\"authentication\":{\"type\":\"SystemAssignedIdentity\"}}},"
                + "\"runtime\":{\"name\":\"java\",\"version\":\"21\"},"
                + "\"scaleAndConcurrency\":{\"maximumInstanceCount\":20,\"instanceMemoryMB\":2048}}");
    assertThat(app.matches(site, azure())).isTrue();
    assertThat(new FlexApp("21", 4096, 20, Map.of()).matches(site, azure())).isFalse();
    Map<String, String> otherStorage = AzureSettingsTest.valid();
    otherStorage.put(AzureSettings.STORAGE_ACCOUNT, "elsewhere");
    assertThat(app.matches(site, AzureSettings.of(new Settings(otherStorage), "orders")))
        .as("a site reading its package from another storage account is updated")
        .isFalse();
    assertThat(
            app.matches(JsonParser.parseString("{\"properties\":{}}").getAsJsonObject(), azure()))
        .isFalse();
  }

  /** {@code fn} with minimum instances and a trigger type. */
  static Manifest.Function ready(String name, String type, int minInstances) {
    Manifest.Function f = fn(name, 512, 0, Map.of());
    Manifest.Trigger trigger =
        type.equals("http")
            ? f.trigger()
            : new Manifest.Trigger(type, null, null, null, null, null, name, null, null);
    return new Manifest.Function(
        f.name(),
        f.className(),
        f.method(),
        trigger,
        f.memoryMb(),
        f.timeoutSeconds(),
        f.maxConcurrency(),
        f.env(),
        f.secrets(),
        f.targets(),
        new io.skyhop.tooling.pack.FunctionLevers(false, minInstances));
  }

  @Test
  void minimumInstancesBecomeAlwaysReadyGroups() {
    Manifest manifest =
        new Manifest(
            "orders",
            "1.0",
            21,
            List.of(ready("a", "http", 2), ready("b", "http", 1), ready("c", "queue", 1)));

    FlexApp app = FlexApp.of(manifest);

    JsonObject site = app.site(azure(), io.skyhop.tooling.naming.Naming.of("orders"));
    assertThat(
            site.getAsJsonObject("properties")
                .getAsJsonObject("functionAppConfig")
                .getAsJsonObject("scaleAndConcurrency")
                .toString())
        .isEqualTo(
            "{\"maximumInstanceCount\":100,\"instanceMemoryMB\":512,\"alwaysReady\":"
                + "[{\"name\":\"function:c\",\"instanceCount\":1},"
                + "{\"name\":\"http\",\"instanceCount\":2}]}");
    assertThat(app.matches(site, azure())).isTrue();
    assertThat(new FlexApp("21", 512, 100, Map.of()).matches(site, azure()))
        .as("a site with always-ready instances the app no longer asks for is updated")
        .isFalse();
  }

  @Test
  void conflictingEnvironmentIsRefused() {
    Manifest manifest =
        new Manifest(
            "orders",
            "1.0",
            17,
            List.of(fn("a", 512, 0, Map.of("X", "1")), fn("b", 512, 0, Map.of("X", "2"))));

    assertThatThrownBy(() -> FlexApp.of(manifest))
        .hasMessage(
            "@Function env = 'X' has different values in functions a and b, but the functions of"
                + " an Azure function app share one set of app settings. Fix: give the variable"
                + " one value, or use different names");
  }

  @Test
  void settingsKeepOthersAndCarryTheCodeHash() {
    FlexApp app = new FlexApp("17", 512, 100, Map.of("MODE", "prod"));
    Map<String, String> live = Map.of("APPLICATIONINSIGHTS_CONNECTION_STRING", "ik", "MODE", "old");

    Map<String, String> storage = Map.of("AzureWebJobsStorage__accountName", "ordersab12");
    Map<String, String> older = new java.util.TreeMap<>(live);
    older.put("AzureWebJobsStorage", "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k");

    assertThat(app.settings(older, storage, "abc"))
        .as("the connection string an older deploy wrote is gone; the account name replaces it")
        .containsExactly(
            Map.entry("APPLICATIONINSIGHTS_CONNECTION_STRING", "ik"),
            Map.entry("AzureWebJobsStorage__accountName", "ordersab12"),
            Map.entry("MODE", "prod"),
            Map.entry("SKYHOP_CODE_SHA256", "abc"));
    assertThat(app.settings(Map.of("SKYHOP_CODE_SHA256", "old"), storage, null))
        .doesNotContainKey("SKYHOP_CODE_SHA256");
  }

  @Test
  void scmHostComesFromTheRepositoryHostName() {
    JsonObject site =
        JsonParser.parseString(
                "{\"properties\":{\"defaultHostName\":\"orders-ab12.westeurope-01.azurewebsites.net\","
                    + "\"hostNameSslStates\":[{\"name\":\"orders-ab12.westeurope-01.azurewebsites.net\",\"hostType\":\"Standard\"},"
                    + "{\"name\":\"orders-ab12.scm.westeurope-01.azurewebsites.net\",\"hostType\":\"Repository\"}]}}")
            .getAsJsonObject();
    assertThat(Kudu.scmHost(site)).isEqualTo("orders-ab12.scm.westeurope-01.azurewebsites.net");
    JsonObject bare =
        JsonParser.parseString(
                "{\"properties\":{\"defaultHostName\":\"orders.azurewebsites.net\"}}")
            .getAsJsonObject();
    assertThat(Kudu.scmHost(bare)).isEqualTo("orders.scm.azurewebsites.net");
  }

  @Test
  void armErrorsNameTheCallTheCodeAndTheFix() {
    AzureHttp.Response r =
        new AzureHttp.Response(
            409,
            "{\"error\":{\"code\":\"Conflict\",\"message\":\"Operation in progress\"}}",
            null,
            null);

    assertThatThrownBy(() -> AzureHttp.check("PUT site orders", r))
        .isInstanceOf(AzureDeployException.class)
        .hasMessage(
            "PUT site orders failed with HTTP 409 Conflict: Operation in progress. Fix: another"
                + " deployment or operation holds the resource; let it finish or stop it (the"
                + " resource's Activity log in the Azure portal shows it, Kudu's"
                + " /api/deployments/latest a running deployment), then re-run");
  }

  @Test
  void aStageIsInTheDefaultNamesAndTheTagsAndOwnershipNeedsIt() {
    Map<String, String> dev = AzureSettingsTest.valid();
    dev.put("skyhop.stage", "dev");
    AzureSettings staged = AzureSettings.of(new Settings(dev), "orders");
    assertThat(staged.functionApp()).isEqualTo("orders-dev");
    assertThat(staged.storageAccount()).isNotEqualTo(azure().storageAccount());
    io.skyhop.tooling.naming.Naming devNaming = io.skyhop.tooling.naming.Naming.of("orders", "dev");
    JsonObject plan = FlexApp.plan(staged, devNaming);
    assertThat(plan.getAsJsonObject("tags").toString())
        .isEqualTo("{\"skyhop-app\":\"orders\",\"skyhop-stage\":\"dev\"}");
    assertThat(FlexApp.owned(devNaming, plan)).isTrue();
    assertThat(FlexApp.owned(io.skyhop.tooling.naming.Naming.of("orders", "prod"), plan)).isFalse();
    assertThat(FlexApp.owned(io.skyhop.tooling.naming.Naming.of("orders"), plan)).isFalse();
  }
}
