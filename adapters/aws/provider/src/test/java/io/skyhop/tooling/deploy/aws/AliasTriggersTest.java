package io.skyhop.tooling.deploy.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A function behind the {@code live} alias gets its schedule and its bucket notification through
 * the alias, so a rollback of the alias moves their traffic too: the EventBridge target and the S3
 * notification name {@code <function ARN>:live}, and the invoke permissions sit on the alias.
 */
class AliasTriggersTest {
  private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
  private final WireMockServer wm =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  @TempDir Path dir;
  private AwsSettings settings;
  private Manifest manifest;

  @BeforeEach
  void start() throws IOException {
    wm.start();
    try (InputStream in = getClass().getResourceAsStream("/deploy/aws/verify/manifest.json")) {
      Files.write(dir.resolve("manifest.json"), in.readAllBytes());
    }
    manifest = ManifestFile.read(dir);
    settings =
        AwsSettings.of(
            "shop",
            new Settings(
                Map.of("skyhop.region", "us-east-1", "skyhop.aws.endpoint", wm.baseUrl())));
    // nothing of the triggers exists yet
    wm.stubFor(
        post(urlPathEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AWSEvents.DescribeRule"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody(
                        "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Rule shop-nightly"
                            + " does not exist on EventBus default.\"}")));
    wm.stubFor(
        post(urlPathEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AWSEvents.PutRule"))
            .willReturn(
                json("{\"RuleArn\":\"arn:aws:events:us-east-1:123456789012:rule/shop-nightly\"}")));
    wm.stubFor(
        post(urlPathEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AWSEvents.PutTargets"))
            .willReturn(json("{\"FailedEntryCount\":0,\"FailedEntries\":[]}")));
    wm.stubFor(
        get(urlPathMatching("/2015-03-31/functions/shop-[a-z-]+(:|%3A)live/policy"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                    .withBody(
                        "{\"Type\":\"User\",\"Message\":\"The resource you requested does not exist.\"}")));
    wm.stubFor(
        post(urlPathMatching("/2015-03-31/functions/shop-[a-z-]+(:|%3A)live/policy"))
            .willReturn(json("{\"Statement\":\"{}\"}").withStatus(201)));
    wm.stubFor(
        get(urlPathMatching("/shop-uploads-[0-9a-f]+"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/xml")
                    .withBody(
                        "<NotificationConfiguration"
                            + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>")));
    wm.stubFor(put(urlPathMatching("/shop-uploads-[0-9a-f]+")).willReturn(aResponse()));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void scheduleAndStorageTriggersCallTheLiveAlias() {
    List<String> lines = new ArrayList<>();
    try (AwsClients clients =
        new AwsClients(
            settings,
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret")))) {
      Triggers triggers =
          new Triggers(clients, settings, new PlanLog(BuildListener.collecting(lines), false));
      for (String name : List.of("nightly", "on-upload")) {
        Manifest.Function f =
            manifest.functions().stream().filter(m -> m.name().equals(name)).findFirst().get();
        FunctionSpec spec = FunctionSpec.of(settings, f, "arn:aws:iam::123456789012:role/r");
        triggers.wire(
            new LiveFunction(
                spec, Optional.of(ARN + spec.name()), Optional.of("123456789012"), false, "live"),
            f);
      }
    }

    LoggedRequest targets =
        wm.findAll(
                postRequestedFor(urlPathEqualTo("/"))
                    .withHeader("X-Amz-Target", equalTo("AWSEvents.PutTargets")))
            .get(0);
    assertThat(targets.getBodyAsString())
        .isEqualTo(
            "{\"Rule\":\"shop-nightly\",\"Targets\":[{\"Id\":\"skyhop\",\"Arn\":\""
                + ARN
                + "shop-nightly:live\"}]}");
    assertThat(
            wm
                .findAll(postRequestedFor(urlPathMatching("/2015-03-31/functions/.*/policy")))
                .stream()
                .map(r -> r.getUrl().replace("%3A", ":")))
        .containsExactly(
            "/2015-03-31/functions/shop-nightly:live/policy",
            "/2015-03-31/functions/shop-on-upload:live/policy");
    String notification =
        wm.findAll(putRequestedFor(urlPathMatching("/shop-uploads-[0-9a-f]+")))
            .get(0)
            .getBodyAsString();
    assertThat(notification)
        .contains("<CloudFunction>" + ARN + "shop-on-upload:live</CloudFunction>");
    assertThat(wm.findAllUnmatchedRequests()).isEmpty();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
  }
}
