package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.Portability;
import io.skyhop.tooling.pack.PortabilityFinding;
import io.skyhop.tooling.pack.SizeLimit;
import java.util.ArrayList;
import java.util.List;

/**
 * What Lambda cannot take as asked: schedules outside UTC (EventBridge rules run in UTC), and
 * packages above its deployment package quotas (the zip is uploaded directly, not through S3).
 */
final class AwsLimits {
  /** Lambda quotas, "Deployment package (.zip file archive) size". */
  static final String QUOTAS =
      "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html";

  /** Lambda's 50 MB zipped direct upload and 250 MB unzipped (AccountLimit's figures, in bytes). */
  static final List<SizeLimit> SIZE_LIMITS =
      List.of(
          new SizeLimit(
              "Lambda zipped direct upload", SizeLimit.Measure.ZIPPED, 52_428_800L, QUOTAS),
          new SizeLimit("Lambda unzipped", SizeLimit.Measure.UNZIPPED, 262_144_000L, QUOTAS));

  private AwsLimits() {}

  static List<PortabilityFinding> portability(Manifest manifest) {
    List<PortabilityFinding> findings = new ArrayList<>();
    for (Manifest.Function f : manifest.functions()) {
      Portability.scheduleOutsideUtc(
              Target.named("aws"), f, "refused by deploy: EventBridge rules run in UTC")
          .ifPresent(findings::add);
    }
    return findings;
  }
}
