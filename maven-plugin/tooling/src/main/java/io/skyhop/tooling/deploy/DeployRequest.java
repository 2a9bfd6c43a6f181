package io.skyhop.tooling.deploy;

import io.skyhop.tooling.Target;
import java.nio.file.Path;

/**
 * What a deploy or remove needs: the packaged artifacts and the settings.
 *
 * @param target the target
 * @param app the app name
 * @param skyhopDir {@code target/skyhop}, holding manifest.json and the target's artifacts
 * @param settings the {@code skyhop.*} settings
 * @param dryRun print the plan, call nothing
 */
public record DeployRequest(
    Target target, String app, Path skyhopDir, Settings settings, boolean dryRun) {
  /** The target's artifact directory, e.g. {@code target/skyhop/aws}. */
  public Path targetDir() {
    return skyhopDir.resolve(target.id());
  }
}
