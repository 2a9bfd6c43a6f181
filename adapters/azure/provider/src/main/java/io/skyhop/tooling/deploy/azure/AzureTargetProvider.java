package io.skyhop.tooling.deploy.azure;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.cost.Plan;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.Deployer;
import io.skyhop.tooling.invoke.AzureInvoke;
import io.skyhop.tooling.invoke.RemoteTarget;
import io.skyhop.tooling.lab.Harness;
import io.skyhop.tooling.lab.LabContext;
import io.skyhop.tooling.lab.azure.AzureHarness;
import io.skyhop.tooling.logs.AzureLogs;
import io.skyhop.tooling.logs.LogSource;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.PortabilityFinding;
import io.skyhop.tooling.pack.TargetPackager;
import io.skyhop.tooling.pack.azure.AzurePackager;
import io.skyhop.tooling.policy.DeployerPolicy;
import io.skyhop.tooling.report.provider.AzureMeasurements;
import io.skyhop.tooling.report.provider.CloudMeasurement;
import io.skyhop.tooling.report.provider.MeasurementContext;
import io.skyhop.tooling.secret.SecretStore;
import io.skyhop.tooling.settings.ProviderSetting;
import io.skyhop.tooling.settings.ReservedKeys;
import io.skyhop.tooling.verify.DeployVerifier;
import io.skyhop.tooling.verify.Releases;
import java.util.List;
import java.util.Optional;

/** The azure target: everything Skyhop needs of it (registered in META-INF/services). */
public final class AzureTargetProvider implements TargetProvider {
  @Override
  public Target target() {
    return Target.named("azure");
  }

  @Override
  public String adapterArtifact() {
    return "skyhop-azure-functions";
  }

  @Override
  public TargetPackager packager() {
    return new AzurePackager();
  }

  @Override
  public Deployer deployer() {
    return new AzureDeployer();
  }

  @Override
  public Optional<DeployVerifier> verifier() {
    return Optional.of(new AzureVerifier(new AzureDeployer()));
  }

  @Override
  public Optional<Releases> releases() {
    return Optional.of(new AzureReleases(new AzureDeployer()));
  }

  @Override
  public Optional<DeployerPolicy> deployerPolicy() {
    return Optional.of(new AzureDeployerPolicy());
  }

  @Override
  public LogSource logs(DeployRequest request, List<String> functions, BuildListener listener) {
    return AzureLogs.open(request);
  }

  @Override
  public RemoteTarget remote(DeployRequest request) throws Exception {
    return AzureInvoke.open(request);
  }

  @Override
  public Harness lab(LabContext lab) {
    return AzureHarness.open(lab);
  }

  @Override
  public List<String> labRuntime() {
    return List.of("azure-functions-java-library");
  }

  @Override
  public Optional<String> labNote() {
    return Optional.of(
        "local harness: the app folder loaded like the Azure Java worker does, not the Azure"
            + " host; duration = the execution as the harness timed it");
  }

  @Override
  public Optional<String> labCaveat() {
    return Optional.of(
        "azure (local harness): the Azure Functions host and Java worker cannot run here; the app"
            + " folder is loaded the way the worker loads it, so the figures show the app's own"
            + " start-up, not the host's.");
  }

  @Override
  public Optional<String> chartColor() {
    return Optional.of("#0078d4");
  }

  @Override
  public List<Plan> plans() {
    return List.of(Plan.AZURE_FLEX, Plan.AZURE_CONSUMPTION);
  }

  @Override
  public Optional<String> envRefusal(String key) {
    if (key.contains("__")) {
      return Optional.of(
          "holds '__', which Azure Functions reads as a hierarchy separator in app settings");
    }
    return ReservedKeys.byRule(
        key,
        target(),
        "Azure Functions",
        List.of(
            "FUNCTIONS_",
            "WEBSITE_",
            "WEBSITES_",
            "AZUREWEBJOBS",
            "AZUREFUNCTIONSJOBHOST",
            "SCM_",
            "APPSETTING_"),
        List.of());
  }

  @Override
  public Optional<CloudMeasurement> cloudMeasurement(MeasurementContext context) {
    return Optional.of(new AzureMeasurements(context));
  }

  @Override
  public SecretStore secretStore() {
    return new AzureSecretStore();
  }

  @Override
  public List<PortabilityFinding> portability(Manifest manifest) {
    return AzurePortability.of(manifest);
  }

  @Override
  public List<ProviderSetting> settings() {
    return AzureProviderSettings.all();
  }
}
