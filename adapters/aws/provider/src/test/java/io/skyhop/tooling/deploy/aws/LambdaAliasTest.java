package io.skyhop.tooling.deploy.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.pack.FunctionLevers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * SnapStart, provisioned concurrency and arm64 through the AWS SDK against a Lambda stub whose
 * answers are shaped as botocore's lambda 2015-03-31 model (files under {@code
 * deploy/aws/levers/}): the version is published and the alias {@code live} created or moved.
 */
class LambdaAliasTest {
  private static final String FN = "/2015-03-31/functions/orders-get";

  private final WireMockServer wm =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private final List<String> lines = new ArrayList<>();
  private LambdaClient lambda;
  private final Pacer fast =
      new Pacer(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(5), d -> {});

  @BeforeEach
  void start() {
    wm.start();
    lambda =
        LambdaClient.builder()
            .endpointOverride(URI.create(wm.baseUrl()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "x")))
            .build();
  }

  @AfterEach
  void stop() {
    lambda.close();
    wm.stop();
  }

  private PlanLog log() {
    return new PlanLog(
        new BuildListener() {
          @Override
          public void info(String message) {
            lines.add(message);
          }

          @Override
          public void warn(String message) {
            lines.add("WARN " + message);
          }
        },
        false);
  }

  private static String file(String name) {
    try (InputStream in = LambdaAliasTest.class.getResourceAsStream("/deploy/aws/levers/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void answer(
      com.github.tomakehurst.wiremock.client.MappingBuilder request, int status, String file) {
    wm.stubFor(
        request.willReturn(
            aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(file(file))));
  }

  private void snapStartFunction() {
    answer(get(urlEqualTo(FN + "/configuration")), 200, "function-configuration.json");
    answer(put(urlEqualTo(FN + "/configuration")), 200, "function-configuration.json");
    answer(post(urlEqualTo(FN + "/versions")), 201, "published-version.json");
    // the version is Pending while its snapshot is taken, then Active
    wm.stubFor(
        get(urlEqualTo(FN + "/configuration?Qualifier=7"))
            .inScenario("snapshot")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(file("published-version.json")))
            .willSetStateTo("taken"));
    answer(
        get(urlEqualTo(FN + "/configuration?Qualifier=7"))
            .inScenario("snapshot")
            .whenScenarioStateIs("taken"),
        200,
        "version-active.json");
  }

  @Test
  void snapStartPublishesAVersionAndCreatesTheAliasWithProvisionedConcurrency() {
    snapStartFunction();
    wm.stubFor(
        get(urlEqualTo(FN + "/aliases/live"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                    .withBody(file("alias-not-found.json"))));
    answer(post(urlEqualTo(FN + "/aliases")), 201, "alias-created.json");
    // throttled once: the SDK's retry policy answers it
    wm.stubFor(
        put(urlPathEqualTo("/2019-09-30/functions/orders-get/provisioned-concurrency"))
            .inScenario("throttle")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                    .withBody(file("throttled.json")))
            .willSetStateTo("calm"));
    answer(
        put(urlPathEqualTo("/2019-09-30/functions/orders-get/provisioned-concurrency"))
            .inScenario("throttle")
            .whenScenarioStateIs("calm"),
        202,
        "provisioned-concurrency.json");

    Optional<String> alias =
        new LambdaAlias(lambda, fast, log()).publish("orders-get", new FunctionLevers(true, 2));

    assertThat(alias).contains("arn:aws:lambda:us-east-1:123456789012:function:orders-get:live");
    wm.verify(
        putRequestedFor(urlEqualTo(FN + "/configuration"))
            .withRequestBody(equalToJson("{\"SnapStart\":{\"ApplyOn\":\"PublishedVersions\"}}")));
    LoggedRequest create = only(post(urlEqualTo(FN + "/aliases")));
    assertThat(create.getBodyAsString())
        .isEqualTo(
            "{\"Name\":\"live\",\"FunctionVersion\":\"7\",\"Description\":\"Skyhop: the live version\"}");
    wm.verify(
        2,
        putRequestedFor(
                urlEqualTo(
                    "/2019-09-30/functions/orders-get/provisioned-concurrency?Qualifier=live"))
            .withRequestBody(equalToJson("{\"ProvisionedConcurrentExecutions\":2}")));
    assertThat(lines)
        .containsExactly(
            "updated   function     orders-get (SnapStart on published versions)",
            "created   alias        orders-get:live (-> version 7)",
            "updated   provisioned concurrency orders-get:live (2 instance(s))");
  }

  @Test
  void aNewVersionMovesTheExistingAlias() {
    snapStartFunction();
    answer(get(urlEqualTo(FN + "/aliases/live")), 200, "alias-on-6.json");
    answer(put(urlEqualTo(FN + "/aliases/live")), 200, "alias-created.json");

    new LambdaAlias(lambda, fast, log()).publish("orders-get", new FunctionLevers(true, 0));

    LoggedRequest update = only(put(urlEqualTo(FN + "/aliases/live")));
    assertThat(update.getBodyAsString()).isEqualTo("{\"FunctionVersion\":\"7\"}");
    assertThat(lines)
        .containsExactly(
            "updated   function     orders-get (SnapStart on published versions)",
            "updated   alias        orders-get:live (version 6 -> 7)");
    assertThat(
            wm.findAll(
                putRequestedFor(
                    urlPathEqualTo("/2019-09-30/functions/orders-get/provisioned-concurrency"))))
        .isEmpty();
  }

  @Test
  void arm64UploadsTheCodeWithTheArchitecture() {
    answer(get(urlEqualTo(FN + "/configuration")), 200, "function-configuration.json");
    answer(put(urlEqualTo(FN + "/code")), 200, "function-configuration.json");

    new LambdaArchitecture(lambda, fast, log())
        .ensure(
            "orders-get",
            "arm64",
            LambdaFunctions.Code.of("zip".getBytes(StandardCharsets.US_ASCII)),
            false);

    LoggedRequest code = only(put(urlEqualTo(FN + "/code")));
    assertThat(code.getBodyAsString())
        .isEqualTo("{\"ZipFile\":\"emlw\",\"Architectures\":[\"arm64\"]}");
    assertThat(lines)
        .containsExactly("updated   function     orders-get (Architectures [x86_64] -> [arm64])");
  }

  private LoggedRequest only(com.github.tomakehurst.wiremock.client.MappingBuilder request) {
    List<LoggedRequest> found =
        wm.findAll(
            com.github.tomakehurst.wiremock.matching.RequestPatternBuilder.like(
                request.build().getRequest()));
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
