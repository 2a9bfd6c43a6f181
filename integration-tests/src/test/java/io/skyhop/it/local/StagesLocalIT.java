package io.skyhop.it.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.Repo;
import io.skyhop.runtime.testing.RuntimeProcess;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Deployment;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.deploy.local.LocalDeployer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stages of examples/orders ({@code skyhop.stage=prod} and {@code dev}) deployed at once to one
 * in-house runtime through the engine's {@link Deployment}: each answers its own requests under its
 * own app name, consumes its own queue, and removing dev leaves prod serving.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StagesLocalIT {
  @TempDir Path tmp;

  @Test
  void twoStagesSideBySideEachServeAndConsumeTheirOwn() throws Exception {
    Path skyhopDir = tmp.resolve("skyhop");
    Files.createDirectories(skyhopDir.resolve("local"));
    Path packaged = Repo.packaged("orders");
    Files.copy(packaged.resolve("manifest.json"), skyhopDir.resolve("manifest.json"));
    Files.copy(packaged.resolve("local/orders.zip"), skyhopDir.resolve("local/orders.zip"));
    try (RuntimeProcess runtime = RuntimeProcess.start(tmp.resolve("data"), Map.of())) {
      List<String> lines = new ArrayList<>();
      Deployment deployment = new Deployment(BuildListener.collecting(lines));
      DeployResult prod =
          deployment.deploy(new LocalDeployer(), request(runtime, skyhopDir, "prod"));
      DeployResult dev = deployment.deploy(new LocalDeployer(), request(runtime, skyhopDir, "dev"));

      assertThat(prod.stage()).isEqualTo("prod");
      assertThat(dev.resources())
          .extracting(DeployResult.Resource::physicalId)
          .containsExactly("orders-dev-orders", "orders-dev-uploads");
      JsonObject record =
          JsonParser.parseString(Files.readString(skyhopDir.resolve("deploy-local-dev.json")))
              .getAsJsonObject();
      assertThat(record.get("stage").getAsString()).isEqualTo("dev");
      assertThat(
              record
                  .getAsJsonArray("resources")
                  .get(0)
                  .getAsJsonObject()
                  .get("logical")
                  .getAsString())
          .isEqualTo("orders");
      assertThat(skyhopDir.resolve("deploy-local-prod.json")).isRegularFile();
      assertThat(skyhopDir.resolve("deploy-local.json")).doesNotExist();
      assertThat(lines)
          .contains(
              "created   on-order                 queue 'orders-dev-orders' (POST "
                  + runtime.baseUrl()
                  + "/_skyhop/queues/orders-dev-orders)");

      for (String stage : List.of("prod", "dev")) {
        HttpResponse<String> get =
            runtime.send(runtime.request("/orders-" + stage + "/orders/7").GET().build());
        assertThat(get.statusCode()).as(stage).isEqualTo(200);
        assertThat(get.body()).isEqualTo("{\"id\":\"7\",\"item\":\"widget\",\"quantity\":1}");
        HttpResponse<String> enqueued =
            runtime.send(
                runtime
                    .admin("/_skyhop/queues/orders-" + stage + "-orders")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"id\":\"" + stage + "\",\"item\":\"pen\",\"quantity\":1}"))
                    .build());
        assertThat(enqueued.statusCode()).isEqualTo(202);
      }
      for (String stage : List.of("prod", "dev")) {
        JsonObject ran =
            runtime.awaitAdmin(
                "/_skyhop/invocations?app=orders-" + stage + "&function=on-order",
                j -> j.toString().contains("\"function\":\"on-order\""),
                Duration.ofSeconds(60));
        assertThat(ran.toString()).as(stage + " consumed its own message").contains("on-order");
      }
      assertThat(runtime.send(runtime.request("/orders/orders/7").GET().build()).statusCode())
          .as("no unstaged app was deployed")
          .isEqualTo(404);

      deployment.remove(new LocalDeployer(), request(runtime, skyhopDir, "dev"));
      assertThat(lines).contains("Removed orders-dev from " + runtime.baseUrl());
      assertThat(runtime.send(runtime.request("/orders-dev/orders/7").GET().build()).statusCode())
          .isEqualTo(404);
      assertThat(runtime.send(runtime.request("/orders-prod/orders/7").GET().build()).statusCode())
          .as("removing dev leaves prod")
          .isEqualTo(200);
    }
  }

  private static DeployRequest request(RuntimeProcess runtime, Path skyhopDir, String stage) {
    return new DeployRequest(
        Target.named("local"),
        "orders",
        skyhopDir,
        new Settings(
            Map.of(
                "skyhop.stage", stage,
                "skyhop.local.url", runtime.baseUrl().toString(),
                "skyhop.local.token", runtime.token())),
        false);
  }
}
