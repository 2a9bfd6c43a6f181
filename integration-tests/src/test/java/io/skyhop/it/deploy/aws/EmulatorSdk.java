package io.skyhop.it.deploy.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What a test needs to look at {@link AwsEmulators} as a user would: the official SDK's SQS and S3
 * clients pointed at them, and the mutating calls they received.
 */
public final class EmulatorSdk {
  private EmulatorSdk() {}

  /** An SQS client for ElasticMQ (us-east-1). */
  public static SqsClient sqs(AwsEmulators emulators, AwsCredentialsProvider credentials) {
    return SqsClient.builder()
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials)
        .endpointOverride(URI.create(emulators.sqs().endpoint()))
        .build();
  }

  /** A path-style S3 client for S3Mock (us-east-1). */
  public static S3Client s3(AwsEmulators emulators, AwsCredentialsProvider credentials) {
    return S3Client.builder()
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials)
        .forcePathStyle(true)
        .endpointOverride(URI.create(emulators.s3().endpoint()))
        .build();
  }

  /**
   * The mutating calls both emulators received, as {@code <operation> <queue or bucket>}: SQS
   * operations from {@code X-Amz-Target}, S3 ones from method, path and sub-resource.
   */
  public static List<String> writes(AwsEmulators emulators) {
    List<String> writes = new ArrayList<>();
    for (String call : emulators.sqs().calls()) {
      String[] parts = call.split(" ");
      String op = parts[2].substring(parts[2].indexOf('.') + 1);
      if (!op.startsWith("Get") && !op.startsWith("List")) {
        writes.add(op + (parts.length > 3 ? " " + parts[3] : ""));
      }
    }
    for (String call : emulators.s3().calls()) {
      String[] parts = call.split(" ");
      String method = parts[0];
      String path = parts[1];
      String bucket = path.substring(1).split("[/?]")[0];
      String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
      String op =
          switch (method) {
            case "PUT" ->
                query.startsWith("tagging")
                    ? "PutBucketTagging"
                    : query.startsWith("publicAccessBlock")
                        ? "PutPublicAccessBlock"
                        : query.startsWith("encryption")
                            ? "PutBucketEncryption"
                            : query.startsWith("notification")
                                ? "PutBucketNotificationConfiguration"
                                : path.indexOf('/', 1) > 0 ? "PutObject" : "CreateBucket";
            case "POST" -> query.startsWith("delete") ? "DeleteObjects" : "Post";
            case "DELETE" -> path.indexOf('/', 1) > 0 ? "DeleteObject" : "DeleteBucket";
            default -> "";
          };
      if (!op.isEmpty()) {
        writes.add(op + " " + bucket);
      }
    }
    return writes;
  }
}
