package io.skyhop.tooling.report.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenCredential;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.cost.CostModel;
import io.skyhop.tooling.cost.PriceTable;
import io.skyhop.tooling.deploy.gcp.GcpCredentials;
import io.skyhop.tooling.lab.LabTools;
import io.skyhop.tooling.report.Pricing;
import io.skyhop.tooling.report.ReportRequest;
import io.skyhop.tooling.report.ReportSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * What {@code skyhop.measure} does on Azure before any call: which functions it leaves out and why,
 * and which function app it refuses to restart.
 */
class ProviderMeasurementsTest {
  static final String MANIFEST =
      """
      {"app": "orders", "version": "1", "javaRelease": 17, "functions": [
        {"name": "get", "trigger": {"type": "http", "path": "/orders/{id}", "methods": ["GET"],
         "auth": "ANONYMOUS"}, "memoryMb": 512, "timeoutSeconds": 10, "maxConcurrency": 0,
         "env": {}, "targets": {"azure": {"functionName": "get", "env": {}}}},
        {"name": "nightly", "trigger": {"type": "schedule", "cron": "0 3 * * *"},
         "memoryMb": 512, "timeoutSeconds": 60, "maxConcurrency": 0, "env": {},
         "targets": {"azure": {"functionName": "nightly", "env": {}}}},
        {"name": "on-order", "trigger": {"type": "queue", "queue": "orders"}, "memoryMb": 512,
         "timeoutSeconds": 30, "maxConcurrency": 0, "env": {},
         "targets": {"azure": {"functionName": "on-order", "env": {}}}}]}
      """;

  static final Map<String, String> VALUES =
      Map.of(
          "skyhop.targets", "azure",
          "skyhop.durationMs", "100",
          "skyhop.memoryMb", "512",
          "skyhop.measure", "2",
          "skyhop.azure.subscription", "sub-1",
          "skyhop.azure.resourceGroup", "orders-rg",
          "skyhop.region", "westeurope");

  @TempDir Path project;

  ProviderMeasurements.Outcome measure(String deployRecord) throws Exception {
    Path dir = Files.createDirectories(project.resolve("target/skyhop"));
    Files.writeString(dir.resolve("manifest.json"), MANIFEST);
    Files.writeString(dir.resolve("deploy-azure.json"), deployRecord);
    ReportSettings settings = ReportSettings.of(VALUES, project);
    PriceTable table = PriceTable.builtIn();
    Pricing pricing =
        new Pricing(new CostModel(table, table.defaultServer().usdPerMonth()), settings);
    ProviderClients clients =
        ProviderClients.standard()
            .with(
                AwsCredentialsProvider.class,
                () -> {
                  throw new AssertionError("no AWS call");
                })
            .with(
                GcpCredentials.class,
                () -> {
                  throw new AssertionError("no Google call");
                })
            .withLazy(
                TokenCredential.class,
                () -> {
                  throw new AssertionError("no Azure credential is needed");
                });
    BuildListener quiet =
        new BuildListener() {
          @Override
          public void info(String message) {}

          @Override
          public void warn(String message) {}
        };
    return new ProviderMeasurements(quiet, pricing, clients, millis -> {})
        .measure(
            new ReportRequest(
                "orders", project, dir, settings, LabTools.withoutRuntimes(), VALUES));
  }

  static String record(String functionApp, String... functions) {
    StringBuilder list = new StringBuilder();
    for (String f : functions) {
      list.append(list.isEmpty() ? "" : ",")
          .append("{\"name\":\"")
          .append(f)
          .append("\",\"resource\":\"orders/")
          .append(f)
          .append("\",\"action\":\"UNCHANGED\",\"endpoint\":\"")
          .append(f.equals("get") ? "https://orders.azurewebsites.net/api/orders/{id}" : "timer")
          .append("\",\"details\":{}}");
    }
    return "{\"target\":\"azure\",\"app\":\"orders\",\"functions\":["
        + list
        + "],\"details\":{\"functionApp\":\""
        + functionApp
        + "\"}}";
  }

  @Test
  void azureFunctionsThatAreNotHttpAreNotedAndNeedNoCallAtAll() throws Exception {
    ProviderMeasurements.Outcome outcome = measure(record("orders", "nightly", "on-order"));

    assertThat(outcome.results()).isEmpty();
    assertThat(outcome.notes())
        .containsExactly(
            "azure, nightly: not measured on the provider (only HTTP functions can be called from"
                + " here without their trigger's service)",
            "azure, on-order: not measured on the provider (only HTTP functions can be called from"
                + " here without their trigger's service)",
            AzureMeasurements.NOTE);
  }

  @Test
  void anotherFunctionAppThanTheDeployedOneIsNeverRestarted() throws Exception {
    // the target's measurement fails (no call: every client throws an AssertionError), the report
    // shows it and fails at the end (ProviderMeasurementException), other targets are measured
    ProviderMeasurements.Outcome outcome = measure(record("orders-prod", "get"));

    assertThat(outcome.results()).isEmpty();
    assertThat(outcome.failed())
        .containsExactly(
            new TargetStatus(
                "azure",
                true,
                "FAILED: skyhop.azure.functionApp = 'orders' is not the function app of the last"
                    + " deploy (orders-prod, in deploy-azure.json). Fix: measure with"
                    + " -Dskyhop.azure.functionApp=orders-prod, or deploy again"));
  }
}
