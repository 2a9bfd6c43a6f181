package io.skyhop.tooling.logs;

import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.aws.AwsSettings;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClientBuilder;

/** {@code skyhop:logs} on aws: CloudWatch Logs. */
public final class AwsLogs {
  private AwsLogs() {}

  /** The source, with the provider's standard credentials (never from the pom, never printed). */
  public static LogSource open(DeployRequest request) {
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
}
