package io.skyhop.tooling.logs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.skyhop.tooling.BuildListener;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The same three invocations as CloudWatch Logs, Cloud Logging and Application Insights return them
 * (WireMock stubs shaped from botocore's {@code logs} model, googleapis {@code logging/v2} and the
 * Application Insights query API; fixtures under {@code logs/}) print the same neutral lines,
 * {@code logs/expected.txt}. The in-house runtime prints them for real in {@code LogsLocalIT}.
 */
@Timeout(60)
class ProviderLogsTest {
  static final String AWS_TARGET = "Logs_20140328.FilterLogEvents";
  static final Instant NOW = Instant.parse("2026-12-07T10:05:00Z");
  static final String SUBSCRIPTION = "/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333";
  static final String COMPONENT =
      SUBSCRIPTION + "/resourceGroups/shop-rg/providers/Microsoft.Insights/components/shop";
  static final String APP_ID = "6b4e1f2a-93c5-4d7e-8a10-2f3e4d5c6b7a";

  final WireMockServer wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
  final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  final List<String> said = new ArrayList<>();
  final List<LogSource> opened = new ArrayList<>();

  @BeforeEach
  void start() {
    wm.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (LogSource source : opened) {
      source.close();
    }
    wm.stop();
  }

  private LogSource opened(LogSource source) {
    opened.add(source);
    return source;
  }

  @Test
  void everyProviderPrintsTheSameNeutralLines() throws Exception {
    stubCloudWatch();
    stubCloudLogging();
    stubAppInsights();
    stubKnative();
    List<String> expected = Files.readAllLines(fixture("expected.txt"));
    for (LogSource source : List.of(cloudWatch(), cloudLogging(), appInsights(), knative())) {
      lines.clear();
      assertThat(run(source, settings(Map.of()))).isEqualTo(3);
      assertThat(lines).as(source.followedBy()).containsExactlyElementsOf(expected);
    }
    // the window's start reaches each provider's API
    wm.verify(
        getRequestedFor(
                urlPathEqualTo(
                    "/api/v1/namespaces/apps/pods/shop-00001-deployment-7c9f8d6b5-x2k4q/log"))
            .withQueryParam("sinceTime", equalTo("2026-12-07T09:55:00Z")));
    wm.verify(
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(AWS_TARGET))
            .withHeader("Authorization", containing("Credential=AKIDLOGS/"))
            .withRequestBody(matchingJsonPath("$.startTime", equalTo("1796637300000"))));
    wm.verify(
        postRequestedFor(urlPathEqualTo("/v2/entries:list"))
            .withHeader("Authorization", equalTo("Bearer ya29.logs"))
            .withRequestBody(
                matchingJsonPath(
                    "$.filter",
                    equalTo(
                        "resource.type=\"cloud_run_revision\" AND"
                            + " resource.labels.service_name=(\"shop-hello\" OR \"shop-bye\")"
                            + " AND timestamp>=\"2026-12-07T09:55:00Z\""))));
    wm.verify(
        postRequestedFor(urlPathEqualTo("/v1/apps/" + APP_ID + "/query"))
            .withRequestBody(
                matchingJsonPath(
                    "$.query",
                    containing(
                        "where timestamp >= datetime(2026-12-07T09:55:00Z) and cloud_RoleName =~"
                            + " 'shop' and operation_Name in ('hello', 'bye')"))));
  }

  @Test
  void filtersByFunctionTimeAndTextAlike() throws Exception {
    stubCloudWatch();
    stubCloudLogging();
    stubAppInsights();
    stubKnative();
    for (LogSource source : List.of(cloudWatch(), cloudLogging(), appInsights(), knative())) {
      lines.clear();
      run(source, settings(Map.of(LogSettings.FUNCTION, "bye")));
      run(source, settings(Map.of(LogSettings.SINCE, "2026-12-07T10:00:01.140Z")));
      run(source, settings(Map.of(LogSettings.FILTER, "GREETING")));
      assertThat(lines)
          .as(source.followedBy())
          .containsExactly(
              "2026-12-07T10:00:05.007Z bye 3f1c9a2e-5b7d-4e21-9c0a-6d8e2f4b0002 INFO bye",
              "2026-12-07T10:00:01.150Z hello 3f1c9a2e-5b7d-4e21-9c0a-6d8e2f4b0001 WARN slow"
                  + " greeting",
              "2026-12-07T10:00:05.007Z bye 3f1c9a2e-5b7d-4e21-9c0a-6d8e2f4b0002 INFO bye",
              "2026-12-07T10:00:01.150Z hello 3f1c9a2e-5b7d-4e21-9c0a-6d8e2f4b0001 WARN slow"
                  + " greeting");
    }
  }

  @Test
  void jsonFormatIsOneObjectPerLine() throws Exception {
    stubCloudWatch();
    run(cloudWatch(), settings(Map.of(LogSettings.FORMAT, "json", LogSettings.FUNCTION, "bye")));
    assertThat(lines)
        .containsExactly(
            "{\"time\":\"2026-12-07T10:00:05.007Z\",\"function\":\"bye\",\"requestId\":"
                + "\"3f1c9a2e-5b7d-4e21-9c0a-6d8e2f4b0002\",\"level\":\"INFO\",\"message\":\"bye\"}");
  }

  @Test
  void followPrintsEachNewRecordOnceUntilStopped() throws Exception {
    stubCloudWatch();
    wm.stubFor(
        cloudWatchCall("/aws/lambda/shop-hello", null)
            .inScenario("late")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json("cloudwatch/hello-page1.json"))
            .willSetStateTo("page2"));
    wm.stubFor(
        cloudWatchCall("/aws/lambda/shop-hello", "Bxkq6kVGFtq2y_MoigeqscPOdhXVbhiVtLoAmXb5jCoh")
            .inScenario("late")
            .whenScenarioStateIs("page2")
            .willReturn(json("cloudwatch/hello-page2.json"))
            .willSetStateTo("late"));
    wm.stubFor(
        cloudWatchCall("/aws/lambda/shop-hello", null)
            .inScenario("late")
            .whenScenarioStateIs("late")
            .willReturn(json("cloudwatch/hello-late.json")));
    AtomicBoolean stop = new AtomicBoolean();
    LogSettings follow =
        settings(
            Map.of(
                LogSettings.FOLLOW, "true", LogSettings.POLL, "20", LogSettings.FUNCTION, "hello"));
    Thread follower =
        new Thread(
            () -> {
              try {
                run(cloudWatch(), follow, stop::get);
              } catch (Exception e) {
                lines.add("FAILED " + e);
              }
            });
    follower.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (lines.size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(200); // more polls: nothing printed twice
    stop.set(true);
    follower.join(5000);
    assertThat(follower.isAlive()).isFalse();
    assertThat(lines)
        .containsExactly(
            "2026-12-07T10:00:01.123Z hello 3f1c9a2e-5b7d-4e21-9c0a-6d8e2f4b0001 INFO hello ada",
            "2026-12-07T10:00:01.150Z hello 3f1c9a2e-5b7d-4e21-9c0a-6d8e2f4b0001 WARN slow"
                + " greeting",
            "2026-12-07T10:00:09.500Z hello 3f1c9a2e-5b7d-4e21-9c0a-6d8e2f4b0003 INFO hello grace");
    assertThat(said)
        .contains("Following (polls CloudWatch Logs FilterLogEvents); stop with Ctrl-C");
  }

  @Test
  void saysWhyNothingPrinted() throws Exception {
    stubCloudWatch();
    stubCloudLogging();
    stubAppInsights();
    LogSettings filtered = settings(Map.of(LogSettings.FILTER, "no such text"));
    for (LogSource source : List.of(cloudWatch(), cloudLogging(), appInsights())) {
      assertThat(run(source, filtered)).isZero();
    }
    String head =
        "No log lines for hello, bye containing 'no such text' since 2026-12-07T09:55:00Z: ";
    assertThat(said)
        .containsExactly(
            head + "2 invocation(s) in that window, none of which logged a matching line",
            head + "1 invocation(s) in that window, none of which logged a matching line",
            head + "2 invocation(s) in that window, none of which logged a matching line");
    assertThat(lines).isEmpty();

    said.clear();
    wm.resetAll();
    wm.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(AWS_TARGET))
            .willReturn(json("cloudwatch/not-found.json").withStatus(400)));
    run(cloudWatch(), settings(Map.of(LogSettings.FUNCTION, "hello")));
    assertThat(said)
        .containsExactly(
            "No log lines for hello since 2026-12-07T09:55:00Z: no log group /aws/lambda/shop-hello"
                + " exists: the function has not run since it was deployed (Lambda creates the"
                + " group at the first invocation), or it is not deployed in eu-west-1");
  }

  @Test
  void aMissingPermissionFailsNamingIt() throws Exception {
    wm.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(AWS_TARGET))
            .willReturn(json("cloudwatch/access-denied.json").withStatus(400)));
    wm.stubFor(
        post(urlPathEqualTo("/v2/entries:list"))
            .willReturn(json("cloudlogging/permission-denied.json").withStatus(403)));
    wm.stubFor(get(urlPathEqualTo(COMPONENT)).willReturn(json("appinsights/component.json")));
    wm.stubFor(
        post(urlPathEqualTo("/v1/apps/" + APP_ID + "/query"))
            .willReturn(json("appinsights/forbidden.json").withStatus(403)));
    LogSettings hello = settings(Map.of(LogSettings.FUNCTION, "hello"));
    assertThatThrownBy(() -> run(cloudWatch(), hello))
        .isInstanceOf(LogsException.class)
        .hasMessage(
            "CloudWatch Logs refused FilterLogEvents on /aws/lambda/shop-hello"
                + " (AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not"
                + " authorized to perform: logs:FilterLogEvents on resource:"
                + " arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/shop-hello:log-stream:"
                + " because no identity-based policy allows the logs:FilterLogEvents action). Fix:"
                + " grant the identity running Maven logs:FilterLogEvents on"
                + " arn:aws:logs:eu-west-1:<account>:log-group:/aws/lambda/*");
    assertThatThrownBy(() -> run(cloudLogging(), hello))
        .isInstanceOf(LogsException.class)
        .hasMessage(
            "Cloud Logging refused entries.list on projects/shop-prod (403 PERMISSION_DENIED:"
                + " Permission 'logging.logEntries.list' denied on resource (or it may not exist).)."
                + " Fix: grant the identity running Maven roles/logging.viewer (permission"
                + " logging.logEntries.list) on project shop-prod");
    assertThatThrownBy(() -> run(appInsights(), hello))
        .isInstanceOf(LogsException.class)
        .hasMessage(
            "Application Insights query was refused (403 InsufficientAccessError: The provided"
                + " credentials have insufficient access to perform the requested operation). Fix:"
                + " grant the identity running Maven the role Monitoring Reader on the Application"
                + " Insights component shop");
  }

  @Test
  void cloudLoggingRetriesThrottling() throws Exception {
    stubCloudLogging();
    wm.stubFor(
        post(urlPathEqualTo("/v2/entries:list"))
            .atPriority(1)
            .inScenario("throttled")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withBody(
                        "{\"error\":{\"code\":429,\"message\":\"Quota exceeded for quota metric"
                            + " 'Read requests'\",\"status\":\"RESOURCE_EXHAUSTED\"}}"))
            .willSetStateTo("ok"));
    assertThat(run(cloudLogging(), settings(Map.of()))).isEqualTo(3);
  }

  private int run(LogSource source, LogSettings settings) throws Exception {
    return run(source, settings, () -> true);
  }

  private int run(LogSource source, LogSettings settings, java.util.function.BooleanSupplier stop)
      throws Exception {
    return new Logs(Clock.fixed(NOW, ZoneOffset.UTC), BuildListener.collecting(said), lines::add)
        .run(source, settings, stop);
  }

  static LogSettings settings(Map<String, String> values) {
    return LogSettings.of(new io.skyhop.tooling.deploy.Settings(values), List.of("hello", "bye"));
  }

  private LogSource cloudWatch() {
    CloudWatchLogsClient client =
        CloudWatchLogsClient.builder()
            .endpointOverride(URI.create(wm.baseUrl()))
            .region(Region.EU_WEST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOGS", "s3cr3t")))
            .httpClient(UrlConnectionHttpClient.builder().build())
            .overrideConfiguration(ClientOverrideConfiguration.builder().build())
            .build();
    return opened(new CloudWatchLogs(client, f -> "shop-" + f, "eu-west-1"));
  }

  private LogSource cloudLogging() {
    GoogleCredentials credentials =
        GoogleCredentials.create(
            new AccessToken("ya29.logs", Date.from(Instant.now().plus(Duration.ofHours(1)))));
    return opened(
        new CloudLoggingLogs(
            credentials,
            wm.baseUrl(),
            "shop-prod",
            Map.of("shop-hello", "hello", "shop-bye", "bye"),
            Duration.ofMillis(10)));
  }

  private LogSource appInsights() {
    // the production pipelines add a bearer token (azure-core allows it over https only)
    com.azure.core.http.HttpHeaders auth =
        new com.azure.core.http.HttpHeaders().set("Authorization", "Bearer eyJ0.test");
    return opened(
        new AppInsightsLogs(
            new HttpPipelineBuilder().policies(new AddHeadersPolicy(auth)).build(),
            new HttpPipelineBuilder().policies(new AddHeadersPolicy(auth)).build(),
            wm.baseUrl() + COMPONENT,
            wm.baseUrl(),
            "shop"));
  }

  private LogSource knative() {
    return opened(
        new KnativeLogs(
            new KubernetesClientBuilder()
                .withConfig(
                    new ConfigBuilder(Config.empty())
                        .withMasterUrl(wm.baseUrl())
                        .withNamespace("apps")
                        .withOauthToken("k8s-token")
                        .build())
                .build(),
            "apps",
            "shop"));
  }

  private void stubKnative() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/api/v1/namespaces/apps/pods"))
            .withQueryParam("labelSelector", equalTo("skyhop.io/app=shop"))
            .withHeader("Authorization", equalTo("Bearer k8s-token"))
            .willReturn(json("knative/pods.json")));
    for (String[] pod :
        List.of(
            new String[] {"shop-00001-deployment-7c9f8d6b5-x2k4q", "knative/http-pod.log"},
            new String[] {
              "shop-queues-00001-deployment-5b8d7c9f6-m7p2r", "knative/queues-pod.log"
            })) {
      wm.stubFor(
          get(urlPathEqualTo("/api/v1/namespaces/apps/pods/" + pod[0] + "/log"))
              .withQueryParam("container", equalTo("user-container"))
              .willReturn(aResponse().withBody(Files.readString(fixture(pod[1])))));
    }
  }

  private void stubCloudWatch() throws Exception {
    wm.stubFor(
        cloudWatchCall("/aws/lambda/shop-hello", null)
            .willReturn(json("cloudwatch/hello-page1.json")));
    wm.stubFor(
        cloudWatchCall("/aws/lambda/shop-hello", "Bxkq6kVGFtq2y_MoigeqscPOdhXVbhiVtLoAmXb5jCoh")
            .willReturn(json("cloudwatch/hello-page2.json")));
    wm.stubFor(
        cloudWatchCall("/aws/lambda/shop-bye", null).willReturn(json("cloudwatch/bye.json")));
  }

  private static MappingBuilder cloudWatchCall(String group, String token) {
    MappingBuilder call =
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(AWS_TARGET))
            .withRequestBody(matchingJsonPath("$.logGroupName", equalTo(group)));
    return token == null
        ? call.withRequestBody(
            com.github.tomakehurst.wiremock.client.WireMock.notContaining("nextToken"))
        : call.withRequestBody(matchingJsonPath("$.nextToken", equalTo(token)));
  }

  private void stubCloudLogging() throws Exception {
    wm.stubFor(
        post(urlPathEqualTo("/v2/entries:list"))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.notContaining("pageToken"))
            .willReturn(json("cloudlogging/entries.json")));
    wm.stubFor(
        post(urlPathEqualTo("/v2/entries:list"))
            .withRequestBody(matchingJsonPath("$.pageToken", equalTo("EAA4suKu3qnLwbtrSg")))
            .willReturn(json("cloudlogging/entries-page2.json")));
  }

  private void stubAppInsights() throws Exception {
    wm.stubFor(
        get(urlEqualTo(COMPONENT + "?api-version=2020-02-02"))
            .withHeader("Authorization", equalTo("Bearer eyJ0.test"))
            .willReturn(json("appinsights/component.json")));
    wm.stubFor(
        post(urlPathEqualTo("/v1/apps/" + APP_ID + "/query"))
            .withRequestBody(matchingJsonPath("$.query", containing("traces |")))
            .willReturn(json("appinsights/traces.json")));
    wm.stubFor(
        post(urlPathEqualTo("/v1/apps/" + APP_ID + "/query"))
            .withRequestBody(matchingJsonPath("$.query", containing("requests |")))
            .willReturn(json("appinsights/requests-count.json")));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String name)
      throws Exception {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(Files.readString(fixture(name)));
  }

  static Path fixture(String name) throws Exception {
    return Path.of(ProviderLogsTest.class.getResource("/logs/" + name).toURI());
  }

  static Optional<String> none() {
    return Optional.empty();
  }
}
