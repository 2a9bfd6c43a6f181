package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.ConfigurationException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** The AWS default credential chain, checked before any call. Credentials are never printed. */
final class Credentials {
  /** The name of the "setting" a missing-credentials error names. */
  static final String SETTING = "AWS default credential chain";

  /** The message when the chain finds nothing. */
  static final String MISSING =
      "No AWS credentials found: Skyhop signs with the AWS default credential chain (environment"
          + " variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY [+ AWS_SESSION_TOKEN], system"
          + " properties aws.accessKeyId and aws.secretAccessKey, the profile AWS_PROFILE (default"
          + " 'default') in ~/.aws/credentials or ~/.aws/config, web identity, or the container or"
          + " EC2 instance role), and none of them gave credentials. Fix: run 'aws configure' (or"
          + " 'aws sso login --profile <name>' and set AWS_PROFILE), or export AWS_ACCESS_KEY_ID and"
          + " AWS_SECRET_ACCESS_KEY before running Maven. Credentials never go in the pom.";

  private Credentials() {}

  /** The default chain (close it after use). */
  static DefaultCredentialsProvider defaultChain() {
    return DefaultCredentialsProvider.builder().build();
  }

  /** Closes {@code provider} when it holds resources (the default chain does), else nothing. */
  static SdkAutoCloseable closing(AwsCredentialsProvider provider) {
    return provider instanceof SdkAutoCloseable closeable ? closeable : () -> {};
  }

  /**
   * Resolves credentials once, locally or from the chain's own sources, before any AWS call.
   *
   * @throws ConfigurationException naming the chain and how to set it
   */
  static void check(AwsCredentialsProvider provider) {
    try {
      provider.resolveCredentials();
    } catch (SdkClientException e) {
      throw new ConfigurationException(SETTING, MISSING);
    }
  }
}
