package io.skyhop.tooling.deploy.gcp;

import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.PortabilityFinding;
import java.util.ArrayList;
import java.util.List;

/** What Cloud Functions 2nd gen cannot take as asked: event functions' timeout is capped. */
final class GcpPortability {
  private GcpPortability() {}

  static List<PortabilityFinding> of(Manifest manifest) {
    List<PortabilityFinding> findings = new ArrayList<>();
    for (Manifest.Function f : manifest.functions()) {
      boolean event = "queue".equals(f.triggerType()) || "storage".equals(f.triggerType());
      if (event && f.timeoutSeconds() > FunctionSpec.MAX_EVENT_TIMEOUT) {
        findings.add(
            new PortabilityFinding(
                Target.named("gcp"),
                f.name(),
                "@Function(timeoutSeconds)",
                Integer.toString(f.timeoutSeconds()),
                "refused by deploy: event functions run at most "
                    + FunctionSpec.MAX_EVENT_TIMEOUT
                    + " s"));
      }
    }
    return findings;
  }
}
