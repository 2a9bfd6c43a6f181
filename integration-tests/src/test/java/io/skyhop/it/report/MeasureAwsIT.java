package io.skyhop.it.report;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.skyhop.it.report.ReportFixtures.copy;
import static io.skyhop.it.report.ReportFixtures.delete;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.gcp.GcpCredentials;
import io.skyhop.tooling.lab.LabTools;
import io.skyhop.tooling.report.ReportRequest;
import io.skyhop.tooling.report.ReportSettings;
import io.skyhop.tooling.report.Reporter;
import io.skyhop.tooling.report.provider.ProviderClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@code skyhop.measure}: after a deploy to AWS (the fixture's {@code deploy-aws.json}), the report
 * forces cold starts through the real AWS SDK Lambda client against a WireMock stub of the Lambda
 * API (scenario {@code src/test/resources/report/measure-aws}): each sample changes an environment
 * nonce, polls until {@code LastUpdateStatus} is {@code Successful}, invokes with {@code
 * LogType=Tail}, and reads Lambda's REPORT from {@code X-Amz-Log-Result} (text format for {@code
 * get}, JSON format for {@code on-order}); the original environment is put back at the end.
 */
class MeasureAwsIT {
  private static final Path SCENARIO = Path.of("src/test/resources/report/measure-aws");

  private WireMockServer lambda;
  private Path project;

  @BeforeEach
  void stubLambda() throws IOException {
    project = Path.of("target/it/report-measure-aws").toAbsolutePath();
    delete(project);
    copy(SCENARIO.resolve("skyhop"), project.resolve("target/skyhop"), Map.of());
    Map<String, String> logs = new java.util.LinkedHashMap<>();
    try (Stream<Path> files = Files.list(SCENARIO.resolve("logs"))) {
      for (Path log : files.toList()) {
        String name = log.getFileName().toString().replace(".log", "");
        logs.put(name, Base64.getEncoder().encodeToString(Files.readAllBytes(log)));
      }
    }
    Path stubs = project.resolve("stubs");
    copy(SCENARIO.resolve("stubs"), stubs, logs);
    lambda =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .usingFilesUnderDirectory(stubs.toString()));
    lambda.start();
  }

  @AfterEach
  void stop() {
    lambda.stop();
  }

  @Test
  @Timeout(120)
  void recordsLambdasOwnReportOfForcedColdStartsNextToTheFigures() throws IOException {
    Map<String, String> values =
        Map.of(
            "skyhop.targets", "aws",
            "skyhop.durationMs", "100",
            "skyhop.memoryMb", "512",
            "skyhop.measure", "2",
            "skyhop.region", "us-east-1",
            "skyhop.aws.endpoint", "http://127.0.0.1:" + lambda.port());
    List<String> log = new ArrayList<>();
    Reporter reporter =
        new Reporter(
            BuildListener.collecting(log),
            () ->
                ProviderClients.standard()
                    .with(
                        AwsCredentialsProvider.class,
                        StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("AKIDSKYHOPLAB", "lab-secret")))
                    .with(
                        GcpCredentials.class,
                        () -> {
                          throw new AssertionError("no Google credentials are needed");
                        }),
            millis -> {});
    reporter.run(
        new ReportRequest(
            "orders",
            project,
            project.resolve("target/skyhop"),
            ReportSettings.of(values, project),
            LabTools.withoutRuntimes(),
            values));

    assertThat(lambda.findAllUnmatchedRequests()).isEmpty();
    JsonObject report =
        JsonParser.parseString(Files.readString(project.resolve("target/skyhop/report.json")))
            .getAsJsonObject();
    JsonObject get = provider(report, "get");
    assertThat(get.get("label").getAsString()).isEqualTo("aws (Lambda, provider)");
    assertThat(get.getAsJsonObject("coldStartMs").toString())
        .isEqualTo("{\"p50\":587.4,\"p90\":651.1,\"max\":651.1,\"samples\":2}");
    assertThat(get.getAsJsonObject("initMs").toString())
        .isEqualTo("{\"p50\":546.1,\"p90\":612.4,\"max\":612.4,\"samples\":2}");
    assertThat(get.getAsJsonObject("warmMs").toString())
        .isEqualTo("{\"p50\":2.9,\"p99\":3.1,\"samples\":2}");
    assertThat(get.get("memoryMb").getAsInt()).isEqualTo(512);
    assertThat(get.get("peakMemoryMb").getAsInt()).isEqualTo(132);
    assertThat(get.get("plan").getAsString()).isEqualTo("aws-x86_64");
    assertThat(get.get("billedMs").getAsLong()).isEqualTo(3);
    assertThat(get.getAsJsonObject("prices").get("date").getAsString()).isEqualTo("2026-11-26");
    assertThat(get.get("notes").toString())
        .contains("Lambda billed 588 ms cold and 3 ms warm (medians of its Billed Duration)");
    JsonObject onOrder = provider(report, "on-order");
    assertThat(onOrder.getAsJsonObject("coldStartMs").toString())
        .isEqualTo("{\"p50\":509.8,\"p90\":530.1,\"max\":530.1,\"samples\":2}");
    assertThat(onOrder.getAsJsonObject("warmMs").get("p50").getAsDouble()).isEqualTo(1.9);
    assertThat(onOrder.get("peakMemoryMb").getAsInt()).isEqualTo(119);

    for (String function : List.of("orders-get", "orders-on-order")) {
      String configuration = "/2015-03-31/functions/" + function + "/configuration";
      List<LoggedRequest> updates = lambda.findAll(putRequestedFor(urlPathEqualTo(configuration)));
      assertThat(updates).hasSize(3);
      String nonce1 = variables(updates.get(0)).get("SKYHOP_MEASURE_NONCE").getAsString();
      String nonce2 = variables(updates.get(1)).get("SKYHOP_MEASURE_NONCE").getAsString();
      assertThat(nonce1).isNotEqualTo(nonce2);
      assertThat(variables(updates.get(2)).toString()).isEqualTo("{\"SKYHOP_FUNCTION\":\"get\"}");
      lambda.verify(
          4,
          postRequestedFor(urlPathEqualTo("/2015-03-31/functions/" + function + "/invocations"))
              .withHeader("X-Amz-Log-Type", equalTo("Tail")));
    }
    assertThat(log)
        .anyMatch(l -> l.contains("forcing 2 cold starts of Lambda function orders-get"));
    assertThat(log)
        .anyMatch(
            l ->
                l.matches("get +aws \\(Lambda, provider\\) +provider +587 ms +651 ms +2\\.9 ms.*"));
  }

  private static JsonObject provider(JsonObject report, String function) {
    return report.getAsJsonArray("results").asList().stream()
        .map(e -> e.getAsJsonObject())
        .filter(r -> r.get("source").getAsString().equals("provider"))
        .filter(r -> r.get("function").getAsString().equals(function))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no provider result for " + function));
  }

  private static JsonObject variables(LoggedRequest update) {
    return JsonParser.parseString(update.getBodyAsString())
        .getAsJsonObject()
        .getAsJsonObject("Environment")
        .getAsJsonObject("Variables");
  }
}
