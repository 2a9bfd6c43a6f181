package io.skyhop.tooling.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.ResourceBindings;
import io.skyhop.tooling.deploy.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsResourcesTest {
  private static final String ACCOUNT = "123456789012";

  private static AwsResources resources(Map<String, String> values) {
    return new AwsResources(ResourceBindings.of(new Settings(values)), "eu-west-1");
  }

  @Test
  void unboundQueuesAndBucketsAreTheLogicalNamesInTheAccount() {
    AwsResources r = resources(Map.of("skyhop.region", "eu-west-1"));
    assertThat(r.queueArn("orders", ACCOUNT))
        .isEqualTo("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":orders");
    assertThat(r.bucket("uploads")).isEqualTo("uploads");
    assertThat(r.bucketArn("uploads")).isEqualTo("arn:aws:s3:::uploads");
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
    assertThat(r.bucket("uploads")).isEqualTo("team-uploads");
    assertThat(r.bucketArn("uploads")).isEqualTo("arn:aws:s3:::team-uploads");
    assertThat(r.queueArn("other", ACCOUNT)).endsWith(":other");
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
    assertThatThrownBy(() -> r.bucket("uploads"))
        .hasMessage(
            "skyhop.resources.uploads = 'arn:aws:sqs:eu-west-1:999999999999:uploads' is not an S3"
                + " bucket ARN. Fix: bind the logical name 'uploads' to arn:aws:s3:::<bucket>, or"
                + " remove the setting");
  }

  @Test
  void theRecordListsEachQueueAndBucketOnceAsNotOwned() throws Exception {
    AwsResources r =
        resources(Map.of("skyhop.resources.orders", "arn:aws:sqs:eu-west-1:999999999999:shared"));
    var manifest =
        io.skyhop.tooling.pack.ManifestFile.read(
            java.nio.file.Path.of("src/test/resources/deploy/gcp"));
    assertThat(r.describe(manifest, ACCOUNT))
        .containsExactly(
            new DeployResult.Resource(
                "orders",
                "queue",
                "arn:aws:sqs:eu-west-1:999999999999:shared",
                false,
                DeployResult.Action.UNCHANGED),
            new DeployResult.Resource(
                "uploads", "bucket", "arn:aws:s3:::uploads", false, DeployResult.Action.UNCHANGED));
  }
}
