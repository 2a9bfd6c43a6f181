package io.skyhop.tooling.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.ResourceBindings;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.naming.aws.AwsNames;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsResourcesTest {
  private static final String ACCOUNT = "123456789012";

  private static AwsResources resources(Map<String, String> values) {
    return new AwsResources(
        ResourceBindings.of(new Settings(values)),
        "eu-west-1",
        AwsNames.of(io.skyhop.tooling.naming.Naming.of("orders", "prod")));
  }

  @Test
  void unboundQueuesAndBucketsAreTheAppsOwnUnderPhysicalNames() {
    AwsResources r = resources(Map.of("skyhop.region", "eu-west-1"));
    assertThat(r.queueArn("orders", ACCOUNT))
        .isEqualTo("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":orders-prod-orders");
    String bucket =
        AwsNames.of(io.skyhop.tooling.naming.Naming.of("orders", "prod"))
            .bucket(ACCOUNT, "uploads");
    assertThat(bucket).matches("orders-prod-uploads-[a-z0-9]{8}");
    assertThat(r.bucket("uploads", ACCOUNT)).isEqualTo(bucket);
    assertThat(r.bucketArn("uploads", ACCOUNT)).isEqualTo("arn:aws:s3:::" + bucket);
    assertThat(r.bucket("uploads", AwsResources.UNKNOWN_ACCOUNT))
        .as("a dry run of a new app cannot know the hash yet")
        .isEqualTo("<bucket uploads>");
    assertThat(r.bound("orders")).isFalse();
  }

  @Test
  void boundResourcesAreUsedAsTheyAre() {
    AwsResources r =
        resources(
            Map.of(
                "skyhop.resources.orders", "arn:aws:sqs:eu-west-1:999999999999:shared-orders",
                "skyhop.resources.uploads", "arn:aws:s3:::team-uploads"));
    assertThat(r.queueArn("orders", ACCOUNT))
        .isEqualTo("arn:aws:sqs:eu-west-1:999999999999:shared-orders");
    assertThat(r.bucket("uploads", ACCOUNT)).isEqualTo("team-uploads");
    assertThat(r.bucketArn("uploads", ACCOUNT)).isEqualTo("arn:aws:s3:::team-uploads");
    assertThat(r.bound("orders")).isTrue();
    assertThat(r.queueArn("other", ACCOUNT)).endsWith(":orders-prod-other");
  }

  @Test
  void aBindingThatIsNotAnArnOfTheRightKindNamesTheSettingAndTheFix() {
    AwsResources r =
        resources(
            Map.of(
                "skyhop.resources.orders", "shared-orders",
                "skyhop.resources.uploads", "arn:aws:sqs:eu-west-1:999999999999:uploads"));
    assertThatThrownBy(() -> r.queueArn("orders", ACCOUNT))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.resources.orders = 'shared-orders' is not an SQS queue ARN. Fix: bind the"
                + " logical name 'orders' to arn:aws:sqs:<region>:<account>:<queue>, or remove the"
                + " setting");
    assertThatThrownBy(() -> r.bucket("uploads", ACCOUNT))
        .hasMessage(
            "skyhop.resources.uploads = 'arn:aws:sqs:eu-west-1:999999999999:uploads' is not an S3"
                + " bucket ARN. Fix: bind the logical name 'uploads' to arn:aws:s3:::<bucket>, or"
                + " remove the setting");
  }

  @Test
  void theRolePolicyNamesExactlyTheQueuesAndBucketsAndNoWildcardResource() {
    String doc =
        AppPolicy.document(
                java.util.List.of("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":orders-prod-orders"),
                java.util.List.of("arn:aws:s3:::orders-prod-uploads-1a2b3c4d"))
            .orElseThrow();
    assertThat(doc)
        .isEqualTo(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"SkyhopQueues\",\"Effect\":"
                + "\"Allow\",\"Action\":[\"sqs:ReceiveMessage\",\"sqs:DeleteMessage\","
                + "\"sqs:GetQueueAttributes\",\"sqs:ChangeMessageVisibility\"],\"Resource\":"
                + "[\"arn:aws:sqs:eu-west-1:123456789012:orders-prod-orders\"]},{\"Sid\":"
                + "\"SkyhopBucketObjects\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],"
                + "\"Resource\":[\"arn:aws:s3:::orders-prod-uploads-1a2b3c4d/*\"]}]}");
    assertThat(AppPolicy.document(java.util.List.of(), java.util.List.of())).isEmpty();
  }
}
