package io.skyhop.tooling.deploy.local;

import io.skyhop.tooling.settings.ProviderSetting;
import java.util.List;

/** The local target's own settings ({@code skyhop.local.*}), as docs/settings.md lists them. */
final class LocalProviderSettings {
  private LocalProviderSettings() {}

  static List<ProviderSetting> all() {
    return List.of(
        ProviderSetting.of("skyhop.local.url", "The in-house runtime's URL.")
            .withDefault("http://127.0.0.1:8080"),
        ProviderSetting.of(
            "skyhop.local.token",
            "The in-house runtime's admin token; default: read from its data directory."),
        ProviderSetting.of(
            "skyhop.local.data",
            "The data directory of a runtime mvn deploy starts in the background (default ~/.skyhop/runtime)."),
        ProviderSetting.of(
            "skyhop.local.runtimeJar",
            "The in-house runtime jar; set by the plugin to the one it ships."));
  }
}
