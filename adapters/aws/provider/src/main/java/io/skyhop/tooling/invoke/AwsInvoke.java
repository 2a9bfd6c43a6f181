package io.skyhop.tooling.invoke;

import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.aws.AwsSettings;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * {@code skyhop:invoke -Dskyhop.remote=true} on aws: Function URLs signed with SigV4, SQS, S3,
 * EventBridge.
 */
public final class AwsInvoke {
  private AwsInvoke() {}

  /** The remote target of {@code request}, with the provider's standard credentials. */
  public static RemoteTarget open(DeployRequest request) throws Exception {
    AwsSettings aws = AwsSettings.of(request.app(), request.settings());
    AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    SqsClientBuilder sqs =
        SqsClient.builder()
            .region(Region.of(aws.region()))
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.builder().build());
    LambdaClientBuilder lambda =
        LambdaClient.builder()
            .region(Region.of(aws.region()))
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.builder().build());
    S3ClientBuilder s3 =
        S3Client.builder()
            .region(Region.of(aws.region()))
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.builder().build())
            // an endpoint override (emulator, test stub) cannot serve bucket host names
            .forcePathStyle(aws.endpoint("s3").isPresent());
    aws.endpoint("sqs").ifPresent(sqs::endpointOverride);
    aws.endpoint().ifPresent(lambda::endpointOverride);
    aws.endpoint("s3").ifPresent(s3::endpointOverride);
    return new AwsRemote(
        credentials, aws.region(), sqs.build(), lambda.build(), s3.build(), aws.names());
  }
}
