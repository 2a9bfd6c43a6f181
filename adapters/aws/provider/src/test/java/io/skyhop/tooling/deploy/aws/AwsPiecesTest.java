package io.skyhop.tooling.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.pack.Manifest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.model.GetPolicyResponse;

/** The small pure parts of the AWS deployer. */
class AwsPiecesTest {
  @Test
  void codeSha256IsBase64OfTheZipsSha256() {
    // sha256("abc") = ba7816bf...
    assertThat(LambdaFunctions.Code.of("abc".getBytes(StandardCharsets.US_ASCII)).sha256())
        .isEqualTo("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  }

  @Test
  void readsStatementIdsOfAPolicy() {
    GetPolicyResponse policy =
        GetPolicyResponse.builder()
            .policy(
                "{\"Version\":\"2012-10-17\",\"Id\":\"default\",\"Statement\":["
                    + "{\"Sid\":\"FunctionURLAllowPublicAccess\",\"Effect\":\"Allow\"},"
                    + "{\"Sid\":\"skyhop-eventbridge\",\"Effect\":\"Allow\"}]}")
            .build();
    assertThat(Permissions.sids(policy))
        .containsExactlyInAnyOrder("FunctionURLAllowPublicAccess", "skyhop-eventbridge");
  }

  @Test
  void aPublicUrlNeedsBothStatementsOfOctober2025() {
    var requests = FunctionUrls.publicAccess("orders-get");
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).action()).isEqualTo("lambda:InvokeFunctionUrl");
    assertThat(requests.get(0).functionUrlAuthTypeAsString()).isEqualTo("NONE");
    assertThat(requests.get(1).action()).isEqualTo("lambda:InvokeFunction");
    assertThat(requests.get(1).invokedViaFunctionUrl()).isTrue();
    assertThat(requests).allSatisfy(r -> assertThat(r.principal()).isEqualTo("*"));
  }

  @Test
  void printsMethodsAndTheUrlWithThePath() {
    assertThat(
            FunctionUrls.endpoint(
                "https://abc.lambda-url.us-east-1.on.aws/",
                Manifest.Trigger.http("/orders/{id}", List.of("GET"), "ANONYMOUS")))
        .isEqualTo("GET https://abc.lambda-url.us-east-1.on.aws/orders/{id}");
  }

  @Test
  void mapsStorageEventsToS3EventNames() {
    assertThat(
            BucketNotifications.events(
                Manifest.Trigger.storage("uploads", List.of("CREATED", "DELETED"))))
        .containsExactly("s3:ObjectCreated:*", "s3:ObjectRemoved:*");
  }

  @Test
  void buildsArnsPerPartition() {
    assertThat(Arns.queue("us-east-1", "123456789012", "orders"))
        .isEqualTo("arn:aws:sqs:us-east-1:123456789012:orders");
    assertThat(Arns.queue("us-east-1", "123456789012", "arn:aws:sqs:eu-west-1:1:q"))
        .isEqualTo("arn:aws:sqs:eu-west-1:1:q");
    assertThat(Arns.function("cn-north-1", "123456789012", "orders-get"))
        .isEqualTo("arn:aws-cn:lambda:cn-north-1:123456789012:function:orders-get");
    assertThat(Arns.account("arn:aws:iam::123456789012:role/orders-skyhop-role"))
        .isEqualTo("123456789012");
    assertThat(Arns.managedPolicy("us-east-1", ExecutionRole.BASIC))
        .isEqualTo("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
  }

  @Test
  void translatesTheScheduleToEventBridge() {
    assertThat(ScheduleRules.expression(Manifest.Trigger.schedule("0 3 * * *", "UTC")))
        .isEqualTo("cron(0 3 * * ? *)");
  }

  @Test
  void refusesANonUtcScheduleBeforeAnyCall() {
    AwsSettings settings =
        AwsSettings.of("orders", new Settings(Map.of("skyhop.region", "us-east-1")));
    Manifest manifest =
        new Manifest(
            "orders",
            "1",
            17,
            List.of(
                new Manifest.Function(
                    "nightly",
                    Manifest.Trigger.schedule("0 3 * * *", "Europe/Paris"),
                    256,
                    60,
                    0,
                    Map.of(),
                    Map.of())));
    assertThatThrownBy(() -> AwsDeployer.validate(settings, manifest))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "@ScheduleTrigger(timezone) = 'Europe/Paris' cannot be used on aws: EventBridge rules"
                + " run in UTC (function nightly). Fix: set timezone = \"UTC\" and write the cron in"
                + " UTC");
  }

  @Test
  void aPersistentServiceErrorNamesTheCallAwsErrorAndTheFix() {
    AwsServiceException e =
        AwsServiceException.builder()
            .statusCode(500)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("ServiceException")
                    .errorMessage("An internal error occurred.")
                    .build())
            .build();
    assertThatThrownBy(
            () ->
                AwsCalls.call(
                    "Lambda CreateFunction orders-explode",
                    () -> {
                      throw e;
                    }))
        .isInstanceOf(AwsDeployException.class)
        .hasMessage(
            "AWS call Lambda CreateFunction orders-explode failed: ServiceException (HTTP 500): An"
                + " internal error occurred. Fix: AWS kept failing after retries with backoff;"
                + " re-run later (a re-run continues where this one stopped)");
  }

  @Test
  void accessDeniedSaysWhichPermissionsTheDeployerNeeds() {
    AwsServiceException e =
        AwsServiceException.builder()
            .statusCode(403)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("AccessDeniedException")
                    .errorMessage("User: arn:aws:iam::1:user/ci is not authorized")
                    .build())
            .build();
    assertThatThrownBy(
            () ->
                AwsCalls.call(
                    "Lambda GetFunction orders-get",
                    () -> {
                      throw e;
                    }))
        .hasMessage(
            "AWS call Lambda GetFunction orders-get failed: AccessDeniedException (HTTP 403): User:"
                + " arn:aws:iam::1:user/ci is not authorized. Fix: give the identity of the AWS"
                + " default credential chain permission for this call (lambda:*,"
                + " iam:GetRole/CreateRole/AttachRolePolicy/PassRole/GetRolePolicy/PutRolePolicy,"
                + " events:*, sqs:* and s3:* on the app's queues and buckets,"
                + " secretsmanager:DescribeSecret on its secrets), then re-run");
  }

  @Test
  void notFoundOfTheNamedCodeIsEmptyAndOtherErrorsPassOn() {
    AwsServiceException missing =
        AwsServiceException.builder()
            .statusCode(404)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("NoSuchEntity").build())
            .build();
    assertThat(
            AwsCalls.find(
                "IAM GetRole r",
                "NoSuchEntity",
                () -> {
                  throw missing;
                }))
        .isEmpty();
    assertThatThrownBy(
            () ->
                AwsCalls.find(
                    "IAM GetRole r",
                    "ResourceNotFoundException",
                    () -> {
                      throw missing;
                    }))
        .isInstanceOf(AwsDeployException.class);
  }

  @Test
  void missingCredentialsNameTheDefaultChainAndHowToSetIt() {
    AwsCredentialsProvider none =
        () -> {
          throw SdkClientException.create("Unable to load credentials from any of the providers");
        };
    assertThatThrownBy(() -> Credentials.check(none))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(Credentials.MISSING)
        .hasMessageContaining("AWS default credential chain")
        .hasMessageContaining("export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
  }
}
