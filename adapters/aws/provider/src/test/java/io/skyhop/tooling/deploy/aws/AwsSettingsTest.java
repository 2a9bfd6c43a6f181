package io.skyhop.tooling.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.Settings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsSettingsTest {
  @Test
  void readsRegionEndpointAndRole() {
    AwsSettings s =
        AwsSettings.of(
            "orders",
            new Settings(
                Map.of(
                    "skyhop.region", "eu-west-1",
                    "skyhop.aws.endpoint", "http://127.0.0.1:4566",
                    "skyhop.aws.role", "arn:aws:iam::123456789012:role/team-lambda")));
    assertThat(s.region()).isEqualTo("eu-west-1");
    assertThat(s.endpoint()).contains(URI.create("http://127.0.0.1:4566"));
    assertThat(s.role()).contains("arn:aws:iam::123456789012:role/team-lambda");
    assertThat(s.createdRoleName()).isEqualTo("orders-skyhop-role");
    assertThat(s.functionName("create-order")).isEqualTo("orders-create-order");
  }

  @Test
  void sqsAndS3HaveTheirOwnEndpointOverridesThatFallBackToTheCommonOne() {
    AwsSettings s =
        AwsSettings.of(
            "orders",
            new Settings(
                Map.of(
                    "skyhop.region", "eu-west-1",
                    "skyhop.aws.endpoint", "http://127.0.0.1:4566",
                    "skyhop.aws.endpoint.sqs", "http://127.0.0.1:9324")));
    assertThat(s.endpoint("sqs")).contains(URI.create("http://127.0.0.1:9324"));
    assertThat(s.endpoint("s3")).contains(URI.create("http://127.0.0.1:4566"));
    assertThatThrownBy(
            () ->
                AwsSettings.of(
                    "orders",
                    new Settings(
                        Map.of("skyhop.region", "eu-west-1", "skyhop.aws.endpoint.s3", "s3mock"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.aws.endpoint.s3 = 's3mock' is not an http(s) URL. Fix: use e.g."
                + " http://127.0.0.1:4566, or leave it unset for AWS");
  }

  @Test
  void missingRegionNamesTheProperty() {
    assertThatThrownBy(() -> AwsSettings.of("orders", new Settings(Map.of())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.region is not set. Fix: pass -Dskyhop.region=… or set <skyhop.region> in the"
                + " pom's <properties>; choose the AWS region to deploy to, e.g."
                + " -Dskyhop.region=us-east-1");
  }

  @Test
  void rejectsANonRegion() {
    assertThatThrownBy(
            () -> AwsSettings.of("orders", new Settings(Map.of("skyhop.region", "Virginia"))))
        .hasMessage(
            "skyhop.region = 'Virginia' is not an AWS region name. Fix: use a region id such as"
                + " us-east-1");
  }

  @Test
  void rejectsARoleThatIsNotAnArn() {
    assertThatThrownBy(
            () ->
                AwsSettings.of(
                    "orders",
                    new Settings(
                        Map.of("skyhop.region", "us-east-1", "skyhop.aws.role", "lambda-role"))))
        .hasMessage(
            "skyhop.aws.role = 'lambda-role' is not an IAM role ARN. Fix: use"
                + " arn:aws:iam::<account>:role/<name>, or leave skyhop.aws.role unset to let Skyhop"
                + " create orders-skyhop-role");
  }

  @Test
  void rejectsAnEndpointWithoutScheme() {
    assertThatThrownBy(
            () ->
                AwsSettings.of(
                    "orders",
                    new Settings(
                        Map.of(
                            "skyhop.region",
                            "us-east-1",
                            "skyhop.aws.endpoint",
                            "localhost:4566"))))
        .hasMessage(
            "skyhop.aws.endpoint = 'localhost:4566' is not an http(s) URL. Fix: use e.g."
                + " http://127.0.0.1:4566, or leave it unset for AWS");
  }

  @Test
  void rejectsAnAppNameLambdaRefuses() {
    assertThatThrownBy(
            () -> AwsSettings.of("my.app", new Settings(Map.of("skyhop.region", "us-east-1"))))
        .hasMessage(
            "skyhop.app = 'my.app' cannot prefix Lambda and IAM names. Fix: use letters, digits,"
                + " '-' and '_', at most 52 characters");
  }
}
