package io.skyhop.tooling.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import io.skyhop.core.FunctionIndex;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Deployers;
import io.skyhop.tooling.deploy.Deployment;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.lab.LabTools;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.Packager;
import io.skyhop.tooling.report.ReportRequest;
import io.skyhop.tooling.report.ReportSettings;
import io.skyhop.tooling.report.Reporter;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider defined only in this test tree ({@link TinyFaasProvider}, registered in {@code
 * src/test/resources/META-INF/services}) is found through the SPI and runs package, deploy against
 * a stub of its control plane, and report, with no change to shared code.
 */
class TargetProviderSpiTest {
  @TempDir Path tmp;

  @Test
  void aTestProviderPackagesDeploysAndReports() throws Exception {
    List<String> log = new ArrayList<>();
    BuildListener listener = BuildListener.collecting(log);
    Path classes =
        Files.createDirectories(tmp.resolve("classes/META-INF/skyhop")).getParent().getParent();
    try (InputStream in = getClass().getResourceAsStream("/spi/functions.json")) {
      Files.write(classes.resolve(FunctionIndex.RESOURCE), in.readAllBytes());
    }
    Path skyhop = tmp.resolve("skyhop");
    Target tinyfaas = Target.of("tinyfaas", "skyhop.targets");

    new Packager(listener)
        .pack(
            new PackageRequest(
                "shop",
                "1.0.0",
                17,
                classes,
                List.of(),
                Map.of(),
                skyhop,
                List.of(tinyfaas),
                Map.of()));
    assertThat(skyhop.resolve("tinyfaas/shop.txt"))
        .hasContent("[get, admin-reset, nightly, berlin-morning, on-order, on-upload]");
    JsonObject manifest =
        JsonParser.parseString(Files.readString(skyhop.resolve("manifest.json"))).getAsJsonObject();
    assertThat(
            manifest.getAsJsonArray("functions").get(0).getAsJsonObject().get("targets").toString())
        .isEqualTo("{\"tinyfaas\":{\"package\":\"tinyfaas/shop.txt\"}}");

    List<String> calls = new ArrayList<>();
    HttpServer stub =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stub.createContext(
        "/functions/",
        exchange -> {
          calls.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] url =
              ("https://tinyfaas.example" + exchange.getRequestURI())
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(201, url.length);
          exchange.getResponseBody().write(url);
          exchange.close();
        });
    stub.start();
    try {
      String url = "http://127.0.0.1:" + stub.getAddress().getPort();
      DeployResult deployed =
          new Deployment(listener)
              .deploy(
                  Deployers.of(tinyfaas),
                  new DeployRequest(
                      tinyfaas,
                      "shop",
                      skyhop,
                      new Settings(Map.of(TinyFaasProvider.URL, url)),
                      false));
      assertThat(deployed.functions())
          .extracting(DeployResult.Function::endpoint)
          .containsExactly(
              "https://tinyfaas.example/functions/get",
              "https://tinyfaas.example/functions/admin-reset",
              "https://tinyfaas.example/functions/nightly",
              "https://tinyfaas.example/functions/berlin-morning",
              "https://tinyfaas.example/functions/on-order",
              "https://tinyfaas.example/functions/on-upload");
    } finally {
      stub.stop(0);
    }
    assertThat(calls)
        .containsExactly(
            "PUT /functions/get [get, admin-reset, nightly, berlin-morning, on-order, on-upload]",
            "PUT /functions/admin-reset [get, admin-reset, nightly, berlin-morning, on-order, on-upload]",
            "PUT /functions/nightly [get, admin-reset, nightly, berlin-morning, on-order, on-upload]",
            "PUT /functions/berlin-morning [get, admin-reset, nightly, berlin-morning, on-order, on-upload]",
            "PUT /functions/on-order [get, admin-reset, nightly, berlin-morning, on-order, on-upload]",
            "PUT /functions/on-upload [get, admin-reset, nightly, berlin-morning, on-order, on-upload]");
    assertThat(skyhop.resolve("deploy-tinyfaas.json")).isRegularFile();

    Map<String, String> values = Map.of("skyhop.targets", "tinyfaas", "skyhop.samples", "2");
    new Reporter(listener)
        .run(
            new ReportRequest(
                "shop",
                tmp,
                skyhop,
                ReportSettings.of(values, tmp),
                LabTools.withoutRuntimes(),
                values));
    JsonObject report =
        JsonParser.parseString(Files.readString(skyhop.resolve("report.json"))).getAsJsonObject();
    assertThat(report.get("mode").getAsString()).isEqualTo("measured");
    assertThat(report.getAsJsonArray("results")).hasSize(6);
    assertThat(
            report.getAsJsonArray("results").get(0).getAsJsonObject().get("target").getAsString())
        .isEqualTo("tinyfaas");
  }

  @Test
  void anUnknownTargetNamesTheKnownOnesAndHowToAddOne() {
    assertThat(TargetProviders.ids())
        .containsExactly("aws", "azure", "gcp", "local", "knative", "tinyfaas");
    assertThatThrownBy(() -> Target.of("heroku", "skyhop.target"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.target = 'heroku' is not a Skyhop target. Fix: set -Dskyhop.target= to one of"
                + " [aws, azure, gcp, local, knative, tinyfaas], or add a target: a jar registering"
                + " its io.skyhop.tooling.TargetProvider in META-INF/services, added to the"
                + " plugin's dependencies");
  }
}
