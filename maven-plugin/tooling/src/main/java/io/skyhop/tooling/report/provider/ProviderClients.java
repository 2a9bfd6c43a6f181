package io.skyhop.tooling.report.provider;

import io.skyhop.tooling.deploy.aws.AwsSettings;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Creates the provider clients {@code skyhop.measure} uses, from the deploy settings ({@code
 * skyhop.region}, {@code skyhop.aws.endpoint}) and a credentials provider: the AWS default chain
 * for users, fixed credentials in tests.
 */
public final class ProviderClients {
  private final AwsCredentialsProvider awsCredentials;

  /**
   * Clients signing with {@code awsCredentials}.
   *
   * @param awsCredentials where AWS credentials come from
   */
  public ProviderClients(AwsCredentialsProvider awsCredentials) {
    this.awsCredentials = awsCredentials;
  }

  /** Clients using each provider's standard credential chain. */
  public static ProviderClients standard() {
    return new ProviderClients(DefaultCredentialsProvider.builder().build());
  }

  /** A Lambda client for the settings' region and endpoint; close it after use. */
  LambdaClient lambda(AwsSettings settings) {
    var builder =
        LambdaClient.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(awsCredentials)
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofMinutes(15))
                    .build())
            .overrideConfiguration(
                ClientOverrideConfiguration.builder()
                    .apiCallTimeout(Duration.ofMinutes(16))
                    .build());
    settings.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
