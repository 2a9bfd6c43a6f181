package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.settings.ProviderSetting;
import java.util.List;

/** The aws target's own settings ({@code skyhop.aws.*}), as docs/settings.md lists them. */
final class AwsProviderSettings {
  private AwsProviderSettings() {}

  static List<ProviderSetting> all() {
    return List.of(
        ProviderSetting.of(
            "skyhop.aws.role",
            "The execution role ARN; unset: created as <app>-skyhop-role and reused after."),
        ProviderSetting.of(
            "skyhop.aws.endpoint",
            "Endpoint override of every AWS client, for tests, sovereign clouds and emulators."),
        ProviderSetting.of(
            "skyhop.aws.endpoint.<service>",
            "Endpoint override of one service (sqs, s3), e.g. to reach ElasticMQ and S3Mock."),
        ProviderSetting.of(
                "skyhop.aws.snapStart", "true: SnapStart for every function (Java 21 or later).")
            .atPackaging(),
        ProviderSetting.of(
            "skyhop.aws.secretsLayer",
            "The AWS Parameters and Secrets Lambda Extension layer ARN; functions with secrets read them through it (docs/secrets.md)."));
  }
}
