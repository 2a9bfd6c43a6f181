package io.skyhop.tooling.deploy.local;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.cost.Plan;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.Deployer;
import io.skyhop.tooling.lab.Harness;
import io.skyhop.tooling.lab.LabContext;
import io.skyhop.tooling.lab.local.LocalHarness;
import io.skyhop.tooling.logs.LocalRuntimeLogs;
import io.skyhop.tooling.logs.LogSource;
import io.skyhop.tooling.pack.TargetPackager;
import io.skyhop.tooling.pack.local.LocalPackager;
import io.skyhop.tooling.report.provider.CloudMeasurement;
import io.skyhop.tooling.report.provider.MeasurementContext;
import io.skyhop.tooling.secret.SecretStore;
import io.skyhop.tooling.settings.ProviderSetting;
import io.skyhop.tooling.verify.DeployVerifier;
import io.skyhop.tooling.verify.Releases;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The local target: everything Skyhop needs of it (registered in META-INF/services). */
public final class LocalTargetProvider implements TargetProvider {
  @Override
  public Target target() {
    return Target.named("local");
  }

  @Override
  public String adapterArtifact() {
    return "skyhop-adapter-core";
  }

  @Override
  public TargetPackager packager() {
    return new LocalPackager();
  }

  @Override
  public Deployer deployer() {
    return new LocalDeployer();
  }

  @Override
  public LogSource logs(DeployRequest request, List<String> functions, BuildListener listener)
      throws Exception {
    return LocalRuntimeLogs.open(request, listener);
  }

  @Override
  public Harness lab(LabContext lab) throws IOException {
    return LocalHarness.open(lab);
  }

  @Override
  public List<String> labRuntime() {
    return List.of("skyhop-runtime");
  }

  @Override
  public Optional<String> labNote() {
    return Optional.of("the in-house runtime; init and duration from its per-invocation report");
  }

  @Override
  public Optional<String> chartColor() {
    return Optional.of("#7b3fe4");
  }

  @Override
  public List<Plan> plans() {
    return List.of(Plan.LOCAL);
  }

  @Override
  public Optional<DeployVerifier> verifier() {
    return Optional.of(new LocalVerifier());
  }

  @Override
  public Optional<Releases> releases() {
    return Optional.of(new LocalReleases());
  }

  @Override
  public Optional<CloudMeasurement> cloudMeasurement(MeasurementContext context) {
    return Optional.of(new LocalMeasurements(context));
  }

  @Override
  public SecretStore secretStore() {
    return LocalSecrets::put;
  }

  @Override
  public List<ProviderSetting> settings() {
    return LocalProviderSettings.all();
  }
}
