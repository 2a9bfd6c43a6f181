package io.skyhop.tooling.deploy.azure;

import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.Portability;
import io.skyhop.tooling.pack.PortabilityFinding;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings a Flex Consumption function app cannot honour per function: memory is one instance
 * size for the whole app ({@link FlexApp}), the instance limit is app-wide, the timeout is the
 * app's {@code functionTimeout} (left at the Flex default), and timers run in UTC.
 */
final class AzurePortability {
  /** The Flex Consumption default of host.json's {@code functionTimeout}: 30 minutes. */
  static final int DEFAULT_TIMEOUT_SECONDS = 1800;

  private static final int LARGEST_INSTANCE_MB = 4096;

  private AzurePortability() {}

  static List<PortabilityFinding> of(Manifest manifest) {
    int memory = 0;
    int instances = 0;
    for (Manifest.Function f : manifest.functions()) {
      memory = Math.max(memory, f.memoryMb());
      instances = Math.max(instances, f.maxConcurrency());
    }
    String appMemory =
        memory > LARGEST_INSTANCE_MB
            ? "refused by deploy: the largest Flex instance is 4096 MB"
            : FlexApp.instanceMemory(memory)
                + " (Flex instance size for the whole app: the largest any function asks for,"
                + " rounded up to 512, 2048 or 4096)";
    List<PortabilityFinding> findings = new ArrayList<>();
    for (Manifest.Function f : manifest.functions()) {
      if (memory > LARGEST_INSTANCE_MB || f.memoryMb() != FlexApp.instanceMemory(memory)) {
        findings.add(finding(f, "@Function(memoryMb)", f.memoryMb(), appMemory));
      }
      if (f.maxConcurrency() > 0) {
        findings.add(
            finding(
                f,
                "@Function(maxConcurrency)",
                f.maxConcurrency(),
                instances
                    + " instances for the whole app (maximumInstanceCount, the largest of its"
                    + " functions), each running several executions at once"));
      }
      findings.add(
          finding(
              f,
              "@Function(timeoutSeconds)",
              f.timeoutSeconds(),
              DEFAULT_TIMEOUT_SECONDS
                  + " (host.json functionTimeout is one value for the whole app, left at the Flex"
                  + " Consumption default)"));
      Portability.scheduleOutsideUtc(
              Target.named("azure"), f, "refused by package: timer triggers run in UTC")
          .ifPresent(findings::add);
    }
    return findings;
  }

  private static PortabilityFinding finding(
      Manifest.Function f, String setting, int asked, String applied) {
    return new PortabilityFinding(
        Target.named("azure"), f.name(), setting, Integer.toString(asked), applied);
  }
}
