package io.skyhop.it.report;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.skyhop.it.report.ReportFixtures.copy;
import static io.skyhop.it.report.ReportFixtures.delete;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.RunsAlone;
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
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * {@code skyhop.measure} on Google Cloud: through Google's Cloud Functions v2 client (HTTP/JSON)
 * against a WireMock stub (scenario {@code src/test/resources/report/measure-gcp}), each sample
 * changes an environment nonce (PATCH, sent as POST with X-HTTP-Method-Override, with an update
 * mask; operation done), then times the first request to the public HTTP function's URL (the stub
 * answers it after 400 ms, the next one at once) from the client; the environment is put back; the
 * queue function is listed as not measured.
 */
@RunsAlone("warm p50 under 400 ms")
class MeasureGcpIT {
  private static final Path SCENARIO = Path.of("src/test/resources/report/measure-gcp");

  private WireMockServer google;
  private Path project;

  @BeforeEach
  void stubGoogle() throws IOException {
    project = Path.of("target/it/report-measure-gcp").toAbsolutePath();
    delete(project);
    copy(SCENARIO.resolve("stubs"), project.resolve("stubs"), Map.of());
    google =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .usingFilesUnderDirectory(project.resolve("stubs").toString()));
    google.start();
    copy(
        SCENARIO.resolve("skyhop"),
        project.resolve("target/skyhop"),
        Map.of("port", Integer.toString(google.port())));
  }

  @AfterEach
  void stop() {
    google.stop();
  }

  @Test
  @Timeout(120)
  void timesTheFirstRequestAfterEachForcedRevision() throws IOException {
    Map<String, String> values =
        Map.of(
            "skyhop.targets", "gcp",
            "skyhop.durationMs", "100",
            "skyhop.memoryMb", "512",
            "skyhop.measure", "2",
            "skyhop.region", "europe-west1",
            "skyhop.gcp.project", "demo",
            "skyhop.gcp.endpoint", "http://127.0.0.1:" + google.port());
    GoogleCredentials token =
        GoogleCredentials.create(
            new AccessToken(
                "ya29.skyhop-lab-token", new Date(System.currentTimeMillis() + 3_600_000)));
    List<String> log = new ArrayList<>();
    new Reporter(
            BuildListener.collecting(log),
            () ->
                ProviderClients.standard()
                    .with(
                        AwsCredentialsProvider.class,
                        () -> {
                          throw new AssertionError("no AWS credentials are needed");
                        })
                    .with(GcpCredentials.class, GcpCredentials.of(token)),
            millis -> {})
        .run(
            new ReportRequest(
                "orders",
                project,
                project.resolve("target/skyhop"),
                ReportSettings.of(values, project),
                LabTools.withoutRuntimes(),
                values));

    assertThat(google.findAllUnmatchedRequests()).isEmpty();
    JsonObject report =
        JsonParser.parseString(Files.readString(project.resolve("target/skyhop/report.json")))
            .getAsJsonObject();
    List<JsonObject> provider =
        report.getAsJsonArray("results").asList().stream()
            .map(e -> e.getAsJsonObject())
            .filter(r -> r.get("source").getAsString().equals("provider"))
            .toList();
    assertThat(provider).hasSize(1);
    JsonObject get = provider.get(0);
    assertThat(get.get("target").getAsString()).isEqualTo("gcp");
    assertThat(get.get("function").getAsString()).isEqualTo("get");
    assertThat(get.get("label").getAsString()).isEqualTo("gcp (Cloud Functions, provider)");
    JsonObject cold = get.getAsJsonObject("coldStartMs");
    assertThat(cold.get("samples").getAsInt()).isEqualTo(2);
    assertThat(cold.get("p50").getAsDouble()).isGreaterThanOrEqualTo(400);
    assertThat(get.getAsJsonObject("warmMs").get("p50").getAsDouble()).isLessThan(400);
    assertThat(get.has("initMs")).isFalse();
    assertThat(get.get("plan").getAsString()).isEqualTo("gcp");
    assertThat(get.get("notes").toString()).contains("first-request statuses: [200]");
    assertThat(report.get("notes").toString())
        .contains("gcp, on-order: not measured on the provider")
        .contains(
            "Google reports no cold-start figure; cold start = the first request after an"
                + " environment change forced a new revision, timed by the client");

    List<LoggedRequest> updates =
        google.findAll(
            postRequestedFor(
                    urlPathEqualTo("/v2/projects/demo/locations/europe-west1/functions/orders-get"))
                .withHeader("X-HTTP-Method-Override", equalTo("PATCH")));
    assertThat(updates).hasSize(3);
    assertThat(updates)
        .allSatisfy(
            u ->
                assertThat(u.queryParameter("updateMask").firstValue())
                    .isEqualTo("serviceConfig.environmentVariables"));
    assertThat(variables(updates.get(0)).get("SKYHOP_MEASURE_NONCE").getAsString())
        .isNotEqualTo(variables(updates.get(1)).get("SKYHOP_MEASURE_NONCE").getAsString());
    assertThat(variables(updates.get(2)).toString()).isEqualTo("{\"SKYHOP_FUNCTION\":\"get\"}");
    google.verify(4, getRequestedFor(urlEqualTo("/orders/lab-1")));
    assertThat(log).anyMatch(l -> l.contains("forcing 2 new revisions of Cloud Function"));
  }

  private static JsonObject variables(LoggedRequest update) {
    return JsonParser.parseString(update.getBodyAsString())
        .getAsJsonObject()
        .getAsJsonObject("serviceConfig")
        .getAsJsonObject("environmentVariables");
  }
}
