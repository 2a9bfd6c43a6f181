package io.skyhop.tooling.logs;

import com.azure.core.credential.TokenCredential;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.aws.AwsSettings;
import io.skyhop.tooling.deploy.azure.AzureCredentials;
import io.skyhop.tooling.deploy.azure.AzureSettings;
import io.skyhop.tooling.deploy.azure.SignedPipeline;
import io.skyhop.tooling.deploy.gcp.GcpCredentials;
import io.skyhop.tooling.deploy.gcp.GcpSettings;
import io.skyhop.tooling.deploy.knative.KnativeSettings;
import io.skyhop.tooling.deploy.local.LocalConnection;
import java.io.File;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClientBuilder;

/**
 * The {@link LogSource} of each target, built from the goal's settings with the provider's standard
 * credentials (never from the pom, never printed).
 */
public final class LogSources {
  /** Binds the Application Insights component {@code skyhop:logs} reads on Azure. */
  public static final String APP_INSIGHTS = "skyhop.azure.appInsights";

  private static final String PUBLIC_QUERY = "https://api.applicationinsights.io";

  private LogSources() {}

  /**
   * The source for {@code request.target()}.
   *
   * @param functions the app's functions (their physical names derive from them)
   * @throws ConfigurationException for a target without a log source, or bad settings
   */
  public static LogSource open(
      DeployRequest request, List<String> functions, BuildListener listener) throws Exception {
    return switch (request.target()) {
      case LOCAL ->
          new LocalLogs(LocalConnection.open(request, listener), request.naming().cluster().app());
      case AWS -> aws(request);
      case GCP -> gcp(request, functions);
      case AZURE -> azure(request);
      default ->
          throw new ConfigurationException(
              "skyhop.target",
              request.target().id(),
              "has no log source in skyhop:logs yet. Fix: read the pods' logs with 'kubectl logs -l"
                  + " serving.knative.dev/service=<app>-<function>'");
    };
  }

  private static LogSource knative(DeployRequest request) {
    Config config =
        request
            .settings()
            .get(KnativeSettings.KUBECONFIG)
            .map(p -> Config.fromKubeconfig(new File(p)))
            .orElseGet(() -> Config.autoConfigure(null));
    return new KnativeLogs(
        new KubernetesClientBuilder().withConfig(config).build(),
        request.settings().get(KnativeSettings.NAMESPACE).orElse("default"),
        request.naming().cluster().app());
  }

  private static LogSource aws(DeployRequest request) {
    AwsSettings aws = AwsSettings.of(request.app(), request.settings());
    CloudWatchLogsClientBuilder builder =
        CloudWatchLogsClient.builder()
            .region(Region.of(aws.region()))
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .httpClient(UrlConnectionHttpClient.builder().build())
            .overrideConfiguration(
                ClientOverrideConfiguration.builder()
                    .retryStrategy(
                        AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(5).build())
                    .build());
    aws.endpoint().ifPresent(builder::endpointOverride);
    return new CloudWatchLogs(builder.build(), aws::functionName, aws.region());
  }

  private static LogSource gcp(DeployRequest request, List<String> functions) {
    GcpSettings gcp = GcpSettings.of(request.settings());
    Map<String, String> byService = new HashMap<>();
    functions.forEach(f -> byService.put(request.naming().gcp().function(f), f));
    return new CloudLoggingLogs(
        GcpCredentials.applicationDefault().load(),
        gcp.endpoint().orElse(CloudLoggingLogs.PUBLIC_ENDPOINT),
        gcp.project(),
        byService,
        Duration.ofSeconds(1));
  }

  private static LogSource azure(DeployRequest request) {
    AzureSettings azure = AzureSettings.of(request.settings(), request.app());
    TokenCredential credential = AzureCredentials.defaultChain(System::getenv);
    boolean publicCloud = azure.endpoint().equals(AzureSettings.PUBLIC_ARM);
    String queryEndpoint = publicCloud ? PUBLIC_QUERY : azure.endpoint();
    String component =
        request
            .settings()
            .get(APP_INSIGHTS)
            .map(
                n ->
                    n.startsWith("/subscriptions/")
                        ? n
                        : azure.groupId() + "/providers/Microsoft.Insights/components/" + n)
            .orElse(
                azure.groupId()
                    + "/providers/Microsoft.Insights/components/"
                    + azure.functionApp());
    return new AppInsightsLogs(
        SignedPipeline.of(credential, azure.scope()),
        SignedPipeline.of(credential, queryEndpoint + "/.default"),
        azure.endpoint() + component,
        queryEndpoint,
        azure.functionApp());
  }
}
