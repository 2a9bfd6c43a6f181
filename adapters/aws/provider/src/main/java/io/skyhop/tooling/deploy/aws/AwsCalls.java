package io.skyhop.tooling.deploy.aws;

import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one AWS call and turns what the SDK throws (after its own retries of throttling and 5xx)
 * into an {@link AwsDeployException} naming the call and the fix.
 */
final class AwsCalls {
  private AwsCalls() {}

  /**
   * Runs {@code call}.
   *
   * @param what the service, operation and resource, e.g. {@code Lambda CreateFunction orders-get}
   */
  static <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (AwsServiceException e) {
      throw failure(what, e);
    } catch (SdkClientException e) {
      throw new AwsDeployException(
          what,
          "",
          "AWS call "
              + what
              + " failed before AWS answered: "
              + e.getMessage()
              + ". Fix: check the network, "
              + AwsSettings.REGION
              + " and "
              + AwsSettings.ENDPOINT
              + ", then re-run (a re-run continues where this one stopped)",
          e);
    }
  }

  /**
   * Runs {@code call}; when AWS answers that the resource does not exist (error code {@code
   * notFoundCode}, e.g. {@code ResourceNotFoundException}), gives empty.
   */
  static <T> Optional<T> find(String what, String notFoundCode, Supplier<T> call) {
    try {
      return Optional.of(call(what, call));
    } catch (AwsDeployException e) {
      if (e.getCause() instanceof AwsServiceException s && notFoundCode.equals(code(s))) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** AWS's error code of an exception, e.g. {@code ResourceConflictException}. */
  static String code(SdkException e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
      String code = s.awsErrorDetails().errorCode();
      return code == null ? "" : code;
    }
    return "";
  }

  private static AwsDeployException failure(String what, AwsServiceException e) {
    String code = code(e);
    String message =
        e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
            ? e.awsErrorDetails().errorMessage()
            : "(no message)";
    if (message.endsWith(".")) {
      message = message.substring(0, message.length() - 1);
    }
    return new AwsDeployException(
        what,
        code,
        "AWS call "
            + what
            + " failed: "
            + (code.isEmpty() ? "error" : code)
            + " (HTTP "
            + e.statusCode()
            + "): "
            + message
            + ". Fix: "
            + fix(e.statusCode(), code),
        e);
  }

  private static String fix(int status, String code) {
    if (status == 403 || code.contains("AccessDenied") || code.contains("Unauthorized")) {
      return "give the identity of the AWS default credential chain permission for this call"
          + " (lambda:*, iam:GetRole/CreateRole/AttachRolePolicy/PassRole/GetRolePolicy/"
          + "PutRolePolicy, events:*, sqs:* and s3:* on the app's queues and buckets,"
          + " secretsmanager:DescribeSecret on its secrets), then re-run";
    }
    if (code.contains("InvalidClientTokenId")
        || code.contains("SignatureDoesNotMatch")
        || code.contains("ExpiredToken")
        || code.contains("UnrecognizedClient")) {
      return "the AWS credentials are invalid or expired; renew them (aws configure / aws sso"
          + " login, or AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) and re-run";
    }
    if (status == 413 || code.contains("RequestEntityTooLarge")) {
      return "the package is too large for a direct upload; make it smaller (fewer or smaller"
          + " dependencies)";
    }
    if (status == 429 || status >= 500) {
      return "AWS kept failing after retries with backoff; re-run later (a re-run continues where"
          + " this one stopped)";
    }
    return "correct the resource or setting AWS names above, then re-run";
  }
}
