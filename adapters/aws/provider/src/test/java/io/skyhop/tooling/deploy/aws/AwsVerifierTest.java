package io.skyhop.tooling.deploy.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.retry.RetryPolicy;
import io.skyhop.tooling.verify.DeployVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What {@link AwsVerifier} reports when a deploy went through but does not work, through the SDK
 * against stubs shaped as botocore's models (answers under {@code deploy/aws/verify/}): a function
 * whose creation failed, a mapping left Disabled, a rule DISABLED and a notification that is not
 * there; each failure names the function and what was seen.
 */
class AwsVerifierTest {
  private static final String ACCOUNT_ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
  private final WireMockServer wm =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  @TempDir Path dir;

  @BeforeEach
  void start() throws IOException {
    wm.start();
    Files.writeString(dir.resolve("manifest.json"), file("manifest.json"));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void eachFunctionThatDoesNotWorkIsNamedWithWhatWasSeen() throws Exception {
    answer(
        get(urlPathEqualTo("/2015-03-31/functions/shop-get/configuration")),
        "configuration-failed.json");
    answer(
        get(
            urlPathMatching(
                "/2015-03-31/functions/shop-(nightly|on-order|on-upload)/configuration")),
        "configuration-active.json");
    answer(get(urlPathEqualTo("/2015-03-31/event-source-mappings")), "mappings-disabled.json");
    answer(
        post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSEvents.DescribeRule")),
        "rule-disabled.json");
    wm.stubFor(
        get(urlPathEqualTo("/shop-uploads-1a2b3c"))
            .withQueryParam("notification", equalTo(""))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/xml")
                    .withBody(file("notification-other.xml"))));

    List<DeployVerifier.Failure> failures =
        new AwsVerifier(
                () ->
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret")),
                new Pacer(
                    Duration.ofMillis(1),
                    Duration.ofMillis(2),
                    Duration.ofMillis(20),
                    RetryPolicy.Sleeper.THREAD))
            .verify(request(), result(), true, BuildListener.collecting(new ArrayList<>()));

    assertThat(failures)
        .extracting(Object::toString)
        .containsExactly(
            "get (shop-get is State=Failed (The function could not be created: the role cannot be"
                + " assumed), LastUpdateStatus=Failed (The role cannot be assumed))",
            "nightly (the EventBridge rule shop-nightly is DISABLED)",
            "on-order (the event source mapping a1b2c3d4-5678-90ab-cdef-22222EXAMPLE from"
                + " arn:aws:sqs:us-east-1:123456789012:shop-orders is Disabled (USER_INITIATED),"
                + " PROBLEM: Function call failed)",
            "on-upload (the S3 bucket shop-uploads-1a2b3c has no notification shop-on-upload to "
                + ACCOUNT_ARN
                + "shop-on-upload)");
    assertThat(wm.findAllUnmatchedRequests()).isEmpty();
  }

  private DeployRequest request() {
    return new DeployRequest(
        Target.named("aws"),
        "shop",
        dir,
        new Settings(Map.of("skyhop.region", "us-east-1", "skyhop.aws.endpoint", wm.baseUrl())),
        false);
  }

  private static DeployResult result() {
    return new DeployResult(
        "aws",
        "shop",
        null,
        List.of(
            function("get", Map.of("functionUrl", "https://x.lambda-url.us-east-1.on.aws/")),
            function("nightly", Map.of("rule", "shop-nightly")),
            function(
                "on-order", Map.of("queueArn", "arn:aws:sqs:us-east-1:123456789012:shop-orders")),
            function("on-upload", Map.of("bucket", "shop-uploads-1a2b3c"))),
        List.of(),
        Map.of());
  }

  private static DeployResult.Function function(String name, Map<String, Object> trigger) {
    Map<String, Object> details = new java.util.LinkedHashMap<>(trigger);
    details.put("functionArn", ACCOUNT_ARN + "shop-" + name);
    return new DeployResult.Function(
        name, "shop-" + name, DeployResult.Action.UNCHANGED, "", details);
  }

  private void answer(MappingBuilder request, String file) {
    wm.stubFor(
        request.willReturn(
            aResponse().withHeader("Content-Type", "application/json").withBody(file(file))));
  }

  private static String file(String name) {
    try (InputStream in = AwsVerifierTest.class.getResourceAsStream("/deploy/aws/verify/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
