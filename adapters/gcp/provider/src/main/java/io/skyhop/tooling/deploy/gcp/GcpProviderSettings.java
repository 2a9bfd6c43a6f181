package io.skyhop.tooling.deploy.gcp;

import io.skyhop.tooling.settings.ProviderSetting;
import java.util.List;

/** The gcp target's own settings ({@code skyhop.gcp.*}), as docs/settings.md lists them. */
final class GcpProviderSettings {
  private GcpProviderSettings() {}

  static List<ProviderSetting> all() {
    return List.of(
        ProviderSetting.of("skyhop.gcp.project", "The project id."),
        ProviderSetting.of(
            "skyhop.gcp.pollMillis",
            "First pause between polls of long-running operations, doubling to ten times it (default 1000; tests)."),
        ProviderSetting.of(
            "skyhop.gcp.endpoint",
            "API endpoint override, e.g. http://127.0.0.1:8089 for a stub."));
  }
}
