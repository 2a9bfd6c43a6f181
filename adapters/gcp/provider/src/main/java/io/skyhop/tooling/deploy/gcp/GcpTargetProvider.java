package io.skyhop.tooling.deploy.gcp;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.cost.Plan;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.Deployer;
import io.skyhop.tooling.invoke.GcpInvoke;
import io.skyhop.tooling.invoke.RemoteTarget;
import io.skyhop.tooling.lab.Harness;
import io.skyhop.tooling.lab.LabContext;
import io.skyhop.tooling.lab.gcp.GcpHarness;
import io.skyhop.tooling.logs.GcpLogs;
import io.skyhop.tooling.logs.LogSource;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.PortabilityFinding;
import io.skyhop.tooling.pack.TargetPackager;
import io.skyhop.tooling.pack.gcp.GcpPackager;
import io.skyhop.tooling.policy.DeployerPolicy;
import io.skyhop.tooling.policy.gcp.GcpDeployerPolicy;
import io.skyhop.tooling.report.provider.CloudMeasurement;
import io.skyhop.tooling.report.provider.GcpMeasurements;
import io.skyhop.tooling.report.provider.MeasurementContext;
import io.skyhop.tooling.secret.SecretStore;
import io.skyhop.tooling.settings.ProviderSetting;
import io.skyhop.tooling.settings.ReservedKeys;
import io.skyhop.tooling.verify.DeployVerifier;
import io.skyhop.tooling.verify.Releases;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The gcp target: everything Skyhop needs of it (registered in META-INF/services). */
public final class GcpTargetProvider implements TargetProvider {
  @Override
  public Target target() {
    return Target.named("gcp");
  }

  @Override
  public String adapterArtifact() {
    return "skyhop-gcp-functions";
  }

  @Override
  public TargetPackager packager() {
    return new GcpPackager();
  }

  @Override
  public Deployer deployer() {
    return new GcpDeployer();
  }

  @Override
  public LogSource logs(DeployRequest request, List<String> functions, BuildListener listener)
      throws Exception {
    return GcpLogs.open(request, functions);
  }

  @Override
  public RemoteTarget remote(DeployRequest request) throws Exception {
    return GcpInvoke.open(request);
  }

  @Override
  public Harness lab(LabContext lab) throws IOException {
    return GcpHarness.open(lab);
  }

  @Override
  public List<String> labRuntime() {
    return List.of("java-function-invoker");
  }

  @Override
  public Optional<String> labNote() {
    return Optional.of(
        "Google's function invoker; cold start = process start to the first response, no"
            + " server-side duration (billed time is the client-side latency)");
  }

  @Override
  public Optional<String> chartColor() {
    return Optional.of("#34a853");
  }

  @Override
  public List<Plan> plans() {
    return List.of(Plan.GCP);
  }

  @Override
  public Optional<String> envRefusal(String key) {
    return ReservedKeys.byRule(
        key,
        target(),
        "Google Cloud Functions",
        List.of("K_", "X_GOOGLE_"),
        List.of("FUNCTION_TARGET", "FUNCTION_SIGNATURE_TYPE", "PORT"));
  }

  @Override
  public Optional<CloudMeasurement> cloudMeasurement(MeasurementContext context) {
    return Optional.of(new GcpMeasurements(context));
  }

  @Override
  public SecretStore secretStore() {
    return new GcpSecretStore();
  }

  @Override
  public Optional<DeployVerifier> verifier() {
    return Optional.of(new GcpVerifier());
  }

  @Override
  public Optional<Releases> releases() {
    return Optional.of(new GcpReleases());
  }

  @Override
  public Optional<DeployerPolicy> deployerPolicy() {
    return Optional.of(new GcpDeployerPolicy());
  }

  @Override
  public List<PortabilityFinding> portability(Manifest manifest) {
    return GcpPortability.of(manifest);
  }

  @Override
  public List<ProviderSetting> settings() {
    return GcpProviderSettings.all();
  }
}
