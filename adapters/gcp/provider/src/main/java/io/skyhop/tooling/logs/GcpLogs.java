package io.skyhop.tooling.logs;

import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.gcp.GcpCredentials;
import io.skyhop.tooling.deploy.gcp.GcpSettings;
import io.skyhop.tooling.naming.gcp.GcpNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code skyhop:logs} on gcp: Cloud Logging. */
public final class GcpLogs {
  private GcpLogs() {}

  /** The source, with the provider's standard credentials (never from the pom, never printed). */
  public static LogSource open(DeployRequest request, List<String> functions) {
    GcpSettings gcp = GcpSettings.of(request.settings());
    Map<String, String> byService = new HashMap<>();
    functions.forEach(f -> byService.put(GcpNames.of(request.naming()).function(f), f));
    return new CloudLoggingLogs(
        GcpCredentials.applicationDefault().load(),
        gcp.endpoint().orElse(CloudLoggingLogs.PUBLIC_ENDPOINT),
        gcp.project(),
        byService,
        Duration.ofSeconds(1));
  }
}
