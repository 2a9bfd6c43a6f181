package io.skyhop.tooling.invoke;

import io.skyhop.tooling.naming.aws.AwsNames;
import io.skyhop.tooling.pack.Manifest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * AWS: an HTTP function through its Function URL, signed with SigV4 for the {@code lambda} service
 * when it is {@code Auth.FUNCTION} (the URL's auth type {@code AWS_IAM}); a queue function by a
 * message on its SQS queue, {@code AwsNames.queue(logical)}; a schedule function by Lambda's {@code
 * Invoke} with the event its EventBridge rule sends ({@link LambdaInvoke}).
 */
final class AwsRemote implements RemoteTarget {
  private final AwsCredentialsProvider credentials;
  private final String region;
  private final SqsClient sqs;
  private final AwsNames names;
  private final LambdaClient lambda;
  private final S3Client s3;

  AwsRemote(
      AwsCredentialsProvider credentials,
      String region,
      SqsClient sqs,
      LambdaClient lambda,
      S3Client s3,
      AwsNames names) {
    this.credentials = credentials;
    this.region = region;
    this.sqs = sqs;
    this.lambda = lambda;
    this.s3 = s3;
    this.names = names;
  }

  /**
   * Puts the object in the app's bucket, {@code AwsNames.bucket(account, logical)} (the account
   * read from the function's ARN); its S3 notification fires the function.
   */
  @Override
  public Invocation storage(Manifest.Function function, String key, byte[] payload) {
    String arn =
        lambda
            .getFunctionConfiguration(b -> b.functionName(names.function(function.name())))
            .functionArn();
    String bucket = names.bucket(arn.split(":")[4], HttpCalls.bucket(function));
    long start = System.nanoTime();
    PutObjectResponse put =
        s3.putObject(
            b -> b.bucket(bucket).key(key).contentType("application/json"),
            RequestBody.fromBytes(payload));
    return new Invocation(
        200,
        "object s3://" + bucket + "/" + key + " (ETag " + put.eTag() + ")",
        Duration.ofNanos(System.nanoTime() - start),
        Optional.empty(),
        Optional.empty(),
        "S3 PutObject to " + bucket);
  }

  @Override
  public Invocation schedule(Manifest.Function function) {
    return new LambdaInvoke(lambda, Clock.systemUTC())
        .schedule(names.function(function.name()), names.rule(function.name()), region);
  }

  @Override
  public Invocation http(Manifest.Function function, String url, byte[] payload) throws Exception {
    String method = HttpCalls.method(function, payload);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (!HttpCalls.needsAuth(function)) {
      return HttpCalls.send(method, url, headers, payload, "Function URL");
    }
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .uri(URI.create(url))
            .method(SdkHttpMethod.fromValue(method))
            .putHeader("Content-Type", "application/json")
            .build();
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(credentials.resolveCredentials())
                        .request(unsigned)
                        .payload(() -> new ByteArrayInputStream(payload))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    for (Map.Entry<String, List<String>> h : signed.request().headers().entrySet()) {
      if (!h.getKey().equalsIgnoreCase("Host")) {
        headers.put(h.getKey(), String.join(",", h.getValue()));
      }
    }
    return HttpCalls.send(method, url, headers, payload, "Function URL, signed with SigV4 (IAM)");
  }

  @Override
  public Invocation queue(Manifest.Function function, byte[] payload) {
    String queue = names.queue(HttpCalls.queue(function));
    long start = System.nanoTime();
    String queueUrl = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    SendMessageResponse sent =
        sqs.sendMessage(
            b -> b.queueUrl(queueUrl).messageBody(new String(payload, StandardCharsets.UTF_8)));
    return new Invocation(
        200,
        "message " + sent.messageId(),
        Duration.ofNanos(System.nanoTime() - start),
        Optional.empty(),
        Optional.empty(),
        "SQS SendMessage to " + queue);
  }

  @Override
  public void close() {
    sqs.close();
    lambda.close();
    s3.close();
  }
}
