package io.skyhop.it.deploy.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.MavenBuild;
import io.skyhop.tooling.deploy.gcp.GoogleProjectServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A staged deploy to Google Cloud through the real plugin: a copy of {@code examples/orders} built
 * once and deployed with {@code -Dskyhop.stage=prod}, then {@code skyhop:deploy -Dskyhop.stage=dev}
 * beside it, then {@code skyhop:remove -Dskyhop.stage=dev} (three Maven runs), against the gcp
 * provider's stateful project stub ({@code GoogleProjectServer}): each stage's functions, topics,
 * bucket, job and service account created once and labelled with app and stage, each deploy
 * verified (functions ACTIVE, triggers, jobs, a smoke call per HTTP function at its URL), and the
 * remove of dev leaves every prod resource as it was.
 */
class GcpStagesIT {
  static final String FUNCTIONS = "/v2/projects/demo/locations/europe-west1/functions";
  static final String P = "/v1/projects/demo";

  @Test
  void prodThenDevEachResourceOnceLabelledVerifiedAndRemoveOfDevLeavesProd() throws Exception {
    try (GoogleProjectServer google = new GoogleProjectServer()) {
      GcpOrdersProject project = new GcpOrdersProject(google.endpoint(), "stages-gcp");
      List<String> settings = new ArrayList<>(project.common());
      // the stub serves the functions' URLs (as their revisions: it runs no code, so the
      // example's explode answers too); the example's pom turns smoke calls off
      settings.set(settings.indexOf("-Dskyhop.verify=false"), "-Dskyhop.verify=true");

      MavenBuild.Result prod = project.run(settings, "-Dskyhop.stage=prod", "deploy");
      GcpOrdersProject.assertGreen(prod);
      List<String> prodCalls = google.calls();
      Map<String, JsonObject> afterProd = stage(google.resources(), "prod");
      google.forgetCalls();
      MavenBuild.Result dev = project.run(settings, "-Dskyhop.stage=dev", "skyhop:deploy");
      GcpOrdersProject.assertGreen(dev);
      List<String> devCalls = google.calls();

      for (String stage : List.of("prod", "dev")) {
        MavenBuild.Result run = stage.equals("prod") ? prod : dev;
        List<String> calls = stage.equals("prod") ? prodCalls : devCalls;
        assertThat(run.output())
            .contains(
                "Verified: 6 functions active, HTTP functions answer",
                "Recorded in ",
                "deploy-gcp-" + stage + ".json");
        assertThat(calls)
            .as(stage)
            .containsOnlyOnce(
                "POST " + P + "/serviceAccounts",
                "PUT " + P + "/topics/orders-" + stage + "-orders",
                "PUT " + P + "/topics/orders-" + stage + "-orders-dlq",
                "POST /storage/v1/b",
                "POST /v1/projects/demo/locations/europe-west1/jobs");
        assertThat(calls.stream().filter(c -> c.equals("POST " + FUNCTIONS))).hasSize(6);
        // the smoke calls of the three HTTP functions, at their URLs
        assertThat(
                calls.stream().filter(c -> c.startsWith("GET /run/") || c.startsWith("POST /run/")))
            .containsExactlyInAnyOrder(
                "GET /run/orders-" + stage + "-get/orders/skyhop-smoke",
                "POST /run/orders-" + stage + "-create-order/orders",
                "GET /run/orders-" + stage + "-explode/orders/explode");
        Map<String, JsonObject> mine = stage(google.resources(), stage);
        JsonObject labels =
            JsonParser.parseString("{\"skyhop-app\":\"orders\",\"skyhop-stage\":\"" + stage + "\"}")
                .getAsJsonObject();
        mine.forEach(
            (path, resource) -> {
              if (path.contains("#")) {
                return; // an IAM policy
              }
              if (path.startsWith(P + "/topics/") || path.matches("/storage/v1/b/[^/]+")) {
                assertThat(resource.get("labels")).as(path).isEqualTo(labels);
              }
              if (path.startsWith(FUNCTIONS + "/")) {
                JsonObject l = resource.getAsJsonObject("labels");
                assertThat(l.get("skyhop-app").getAsString()).as(path).isEqualTo("orders");
                assertThat(l.get("skyhop-stage").getAsString()).as(path).isEqualTo(stage);
              }
            });
        assertThat(mine.keySet().stream().filter(k -> k.startsWith(FUNCTIONS + "/"))).hasSize(6);
      }

      google.forgetCalls();
      MavenBuild.Result remove = project.run(settings, "-Dskyhop.stage=dev", "skyhop:remove");
      GcpOrdersProject.assertGreen(remove);
      assertThat(google.calls().stream().filter(c -> c.startsWith("DELETE")))
          .isNotEmpty()
          .allSatisfy(c -> assertThat(c).contains("dev").doesNotContain("prod"));
      assertThat(stage(google.resources(), "dev").keySet())
          .as("dev's functions, topics, job and account are gone")
          .noneMatch(
              k -> k.startsWith(FUNCTIONS) || k.contains("/topics/") || k.contains("/jobs/"));
      assertThat(stage(google.resources(), "prod")).isEqualTo(afterProd);
    }
  }

  /** The resources (and policies) whose path names the stage. */
  private static Map<String, JsonObject> stage(Map<String, JsonObject> all, String stage) {
    return all.entrySet().stream()
        .filter(
            e -> e.getKey().contains("-" + stage + "-") || e.getKey().contains("_" + stage + "_"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
