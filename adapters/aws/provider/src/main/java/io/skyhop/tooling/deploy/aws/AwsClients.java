package io.skyhop.tooling.deploy.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients of one deploy: Lambda, IAM, EventBridge, S3, SQS and Secrets Manager, signed with
 * the default credential chain, retrying throttling and 5xx with the SDK's standard strategy (5
 * attempts, exponential backoff with jitter), over the JDK's HTTP client, all pointed at {@code
 * skyhop.aws.endpoint} when it is set (S3 and SQS at {@code skyhop.aws.endpoint.s3} / {@code .sqs}
 * when those are set).
 */
final class AwsClients implements AutoCloseable {
  /** Attempts per call, the first included, for throttling (429), 5xx and I/O errors. */
  static final int MAX_ATTEMPTS = 5;

  private final SdkHttpClient http;
  final LambdaClient lambda;
  final IamClient iam;
  final EventBridgeClient events;
  final S3Client s3;
  final SqsClient sqs;
  final SecretsManagerClient secrets;

  AwsClients(AwsSettings settings, AwsCredentialsProvider credentials) {
    this.http =
        UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofSeconds(60))
            .build();
    Region region = Region.of(settings.region());
    Optional<URI> common = settings.endpoint();
    this.lambda = configure(LambdaClient.builder(), common, credentials).region(region).build();
    this.iam =
        configure(IamClient.builder(), common, credentials)
            .region(iamRegion(settings.region(), settings.endpoint().isPresent()))
            .build();
    this.events =
        configure(EventBridgeClient.builder(), common, credentials).region(region).build();
    this.s3 =
        configure(S3Client.builder(), settings.endpoint("s3"), credentials)
            .region(region)
            // an endpoint override (emulator, test stub) cannot serve bucket host names
            .forcePathStyle(settings.endpoint("s3").isPresent())
            .build();
    this.sqs =
        configure(SqsClient.builder(), settings.endpoint("sqs"), credentials)
            .region(region)
            .build();
    this.secrets =
        configure(SecretsManagerClient.builder(), common, credentials).region(region).build();
  }

  private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B configure(
      B builder, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
    builder.credentialsProvider(credentials);
    builder.overrideConfiguration(
        ClientOverrideConfiguration.builder()
            .retryStrategy(
                AwsRetryStrategy.standardRetryStrategy().toBuilder()
                    .maxAttempts(MAX_ATTEMPTS)
                    .build())
            .apiCallTimeout(Duration.ofMinutes(5))
            .build());
    endpoint.ifPresent(builder::endpointOverride);
    builder.httpClient(http);
    return builder;
  }

  /**
   * IAM is global per partition. Behind an endpoint override the SDK signs with the client's region
   * as is, so it gets the region IAM signs with in that partition rather than {@code aws-global}.
   */
  static Region iamRegion(String region, boolean endpointOverride) {
    if (region.startsWith("cn-")) {
      return endpointOverride ? Region.CN_NORTH_1 : Region.AWS_CN_GLOBAL;
    }
    if (region.startsWith("us-gov-")) {
      return endpointOverride ? Region.US_GOV_WEST_1 : Region.AWS_US_GOV_GLOBAL;
    }
    return endpointOverride ? Region.US_EAST_1 : Region.AWS_GLOBAL;
  }

  @Override
  public void close() {
    lambda.close();
    iam.close();
    events.close();
    s3.close();
    sqs.close();
    secrets.close();
    http.close();
  }
}
