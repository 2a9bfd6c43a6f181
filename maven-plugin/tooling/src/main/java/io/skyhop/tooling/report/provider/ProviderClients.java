package io.skyhop.tooling.report.provider;

import com.azure.core.credential.TokenCredential;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.cloud.functions.v2.FunctionServiceClient;
import com.google.cloud.functions.v2.FunctionServiceSettings;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.aws.AwsSettings;
import io.skyhop.tooling.deploy.azure.AzureManagement;
import io.skyhop.tooling.deploy.azure.AzureSettings;
import io.skyhop.tooling.deploy.gcp.GcpCredentials;
import io.skyhop.tooling.deploy.gcp.GcpSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Creates the provider clients {@code skyhop.measure} uses, from the deploy settings ({@code
 * skyhop.region}, {@code skyhop.aws.endpoint}, {@code skyhop.gcp.project}, {@code
 * skyhop.gcp.endpoint}, {@code skyhop.azure.*}) and credentials: each provider's standard chain for
 * users, fixed credentials in tests.
 */
public final class ProviderClients {
  private final AwsCredentialsProvider awsCredentials;
  private final GcpCredentials gcpCredentials;
  private final Supplier<TokenCredential> azureCredentials;

  /**
   * Clients signing with the given AWS and Google credentials; Azure's come from {@code
   * DefaultAzureCredential}.
   *
   * @param awsCredentials where AWS credentials come from
   * @param gcpCredentials where Google credentials come from
   */
  public ProviderClients(AwsCredentialsProvider awsCredentials, GcpCredentials gcpCredentials) {
    this(awsCredentials, gcpCredentials, AzureManagement::defaultCredential);
  }

  /**
   * Clients signing with the given credentials.
   *
   * @param awsCredentials where AWS credentials come from
   * @param gcpCredentials where Google credentials come from
   * @param azureCredentials creates the Azure credential when Azure is first measured
   */
  public ProviderClients(
      AwsCredentialsProvider awsCredentials,
      GcpCredentials gcpCredentials,
      Supplier<TokenCredential> azureCredentials) {
    this.awsCredentials = awsCredentials;
    this.gcpCredentials = gcpCredentials;
    this.azureCredentials = azureCredentials;
  }

  /**
   * Clients using each provider's standard credential chain (AWS default chain, Google
   * application-default credentials, {@code DefaultAzureCredential}), resolved when first used.
   */
  public static ProviderClients standard() {
    return new ProviderClients(
        DefaultCredentialsProvider.builder().build(), GcpCredentials.applicationDefault());
  }

  /** A Cloud Functions v2 client over HTTP/JSON for the settings' endpoint; close it after use. */
  FunctionServiceClient gcpFunctions(GcpSettings settings) throws IOException {
    FunctionServiceSettings.Builder builder =
        FunctionServiceSettings.newHttpJsonBuilder()
            .setCredentialsProvider(FixedCredentialsProvider.create(gcpCredentials.load()));
    settings.endpoint().ifPresent(builder::setEndpoint);
    return FunctionServiceClient.create(builder.build());
  }

  /**
   * ARM access to the settings' function app, after a first token was fetched.
   *
   * @throws io.skyhop.tooling.ConfigurationException when no Azure credential yields a token
   */
  AzureManagement azure(AzureSettings settings, BuildListener listener) {
    return AzureManagement.connect(settings, azureCredentials.get(), listener);
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
