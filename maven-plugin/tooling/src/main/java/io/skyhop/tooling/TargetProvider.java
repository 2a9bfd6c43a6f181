package io.skyhop.tooling;

import io.skyhop.tooling.cost.Plan;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.Deployer;
import io.skyhop.tooling.invoke.RemoteTarget;
import io.skyhop.tooling.lab.Harness;
import io.skyhop.tooling.lab.LabContext;
import io.skyhop.tooling.logs.LogSource;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.PortabilityFinding;
import io.skyhop.tooling.pack.SizeLimit;
import io.skyhop.tooling.pack.TargetPackager;
import io.skyhop.tooling.policy.DeployerPolicy;
import io.skyhop.tooling.report.provider.CloudMeasurement;
import io.skyhop.tooling.report.provider.MeasurementContext;
import io.skyhop.tooling.secret.SecretStore;
import io.skyhop.tooling.settings.ProviderSetting;
import io.skyhop.tooling.verify.DeployVerifier;
import io.skyhop.tooling.verify.Releases;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Everything Skyhop needs of one target: the one place a provider plugs into the engine. A provider
 * registers its implementation in {@code META-INF/services/io.skyhop.tooling.TargetProvider}
 * ({@link TargetProviders} finds it); shared code asks the provider and names no target.
 *
 * <p>An implementation is cheap to construct (the registry instantiates every provider it finds):
 * it creates its clients in the methods, never in the constructor.
 */
public interface TargetProvider {
  /** The target, whose id users type in {@code skyhop.targets} and {@code skyhop.target}. */
  Target target();

  /**
   * The run-time adapter ({@code io.skyhop:<artifactId>}, at the plugin's version) whose jar and
   * run-time dependencies go into this target's package.
   */
  String adapterArtifact();

  /** {@code skyhop:package} for this target. */
  TargetPackager packager();

  /** {@code skyhop:deploy} and {@code skyhop:remove} for this target. */
  Deployer deployer();

  /**
   * {@code skyhop:logs}: the target's log source, built with the provider's standard credentials.
   *
   * @param functions the app's functions (their physical names derive from them)
   * @throws ConfigurationException when the target has no log source, or for bad settings
   */
  default LogSource logs(DeployRequest request, List<String> functions, BuildListener listener)
      throws Exception {
    throw new ConfigurationException(
        "skyhop.target",
        target().id(),
        "has no log source in skyhop:logs yet. Fix: read the logs with the provider's own tools");
  }

  /**
   * {@code skyhop:invoke -Dskyhop.remote=true}: calls deployed functions as the provider would.
   *
   * @throws ConfigurationException when the target cannot be invoked remotely
   */
  default RemoteTarget remote(DeployRequest request) throws Exception {
    throw new ConfigurationException(
        "skyhop.target",
        target().id(),
        "is not supported by skyhop:invoke -Dskyhop.remote=true yet. Fix: invoke locally without"
            + " skyhop.remote");
  }

  /**
   * {@code skyhop:secret}: the store the target's functions read their secrets from.
   *
   * @throws ConfigurationException when skyhop:secret cannot write to the target's store
   */
  default SecretStore secretStore() {
    throw new ConfigurationException(
        "skyhop.target",
        target().id(),
        "has no secret store skyhop:secret writes to yet. Fix: store the secret with the"
            + " provider's own tools (docs/secrets.md)");
  }

  /**
   * {@code skyhop:report}: why this target cannot be measured on this machine, or empty when its
   * {@link #lab lab harness} can.
   */
  default Optional<String> labRefusal() {
    return Optional.empty();
  }

  /** {@code skyhop:report}: the harness that starts this target's runtime code on this machine. */
  Harness lab(LabContext lab) throws IOException;

  /**
   * {@code skyhop:report}: the artifact ids of the runtime code {@link #lab} starts functions with
   * (optional dependencies of the provider's artifact, or the plugin's own), each with what it
   * brings, as {@link io.skyhop.tooling.lab.LabTools#runtime} lists them, main jar first.
   */
  default List<String> labRuntime() {
    return List.of();
  }

  /** {@code skyhop:report}: how the lab harness takes its figures, one line for the report. */
  default Optional<String> labNote() {
    return Optional.empty();
  }

  /**
   * {@code skyhop:report}: what the lab cannot reproduce of this target on this machine, one note
   * for the report when the target is measured; empty when the lab starts it as the provider does.
   */
  default Optional<String> labCaveat() {
    return Optional.empty();
  }

  /** {@code skyhop:report}: the target's colour in the charts, e.g. {@code #7b3fe4}. */
  default Optional<String> chartColor() {
    return Optional.empty();
  }

  /** The price plans of the target, the main one first (empty: the report does not price it). */
  default List<Plan> plans() {
    return List.of();
  }

  /**
   * {@code skyhop:deploy}: the check that a deploy works (functions active, triggers registered,
   * smoke calls); empty: deploys to the target are not verified yet.
   */
  default Optional<DeployVerifier> verifier() {
    return Optional.empty();
  }

  /**
   * The target's previous versions: what a deploy that does not verify, and {@code
   * skyhop:rollback}, return to; empty: the target cannot roll back yet.
   */
  default Optional<Releases> releases() {
    return Optional.empty();
  }

  /**
   * {@code skyhop:policy}: the permissions the deploying identity needs; empty: the target has no
   * policy table yet.
   */
  default Optional<DeployerPolicy> deployerPolicy() {
    return Optional.empty();
  }

  /**
   * {@code skyhop.env}: why the target refuses {@code key} as an environment key (it sets it
   * itself, or reads it specially), e.g. {@code is reserved by AWS Lambda (target aws)}, usually
   * through {@link io.skyhop.tooling.settings.ReservedKeys#byRule}; empty when it accepts it.
   */
  default Optional<String> envRefusal(String key) {
    return Optional.empty();
  }

  /** {@code skyhop.measure}: cold starts forced and timed on the provider, when it can. */
  default Optional<CloudMeasurement> cloudMeasurement(MeasurementContext context) {
    return Optional.empty();
  }

  /**
   * {@code skyhop:package} and {@code report.md}: every setting of the manifest this target cannot
   * honour exactly (the portability table; none by default).
   */
  default List<PortabilityFinding> portability(Manifest manifest) {
    return List.of();
  }

  /**
   * The provider's own settings, {@code skyhop.<id>.*}: the goals read them from the pom's and
   * {@code -D} properties, fill in their defaults and refuse any other {@code skyhop.<id>.*}
   * property ({@link io.skyhop.tooling.settings.ProviderSettings}); docs/settings.md lists them.
   */
  default List<ProviderSetting> settings() {
    return List.of();
  }

  /** {@code skyhop:package}: the provider's limits on a package's size (none by default). */
  default List<SizeLimit> sizeLimits() {
    return List.of();
  }
}
