package io.skyhop.tooling.deploy;

import io.skyhop.tooling.Target;
import io.skyhop.tooling.naming.Naming;
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
  /**
   * The app and stage ({@code skyhop.stage}) this goal acts on, from which every physical name
   * derives.
   *
   * @throws io.skyhop.tooling.ConfigurationException when {@code skyhop.stage} is not a stage name
   */
  public Naming naming() {
    return new Naming(app, settings.get(Naming.STAGE));
  }

  /** {@code target/skyhop/deploy-<target>[-<stage>].json}, the record of the last deploy. */
  public Path recordFile() {
    return skyhopDir.resolve(naming().recordFile(target.id()));
  }

  /** The target's artifact directory, e.g. {@code target/skyhop/aws}. */
  public Path targetDir() {
    return skyhopDir.resolve(target.id());
  }
}
