package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.cost.Plan;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.Deployer;
import io.skyhop.tooling.invoke.AwsInvoke;
import io.skyhop.tooling.invoke.RemoteTarget;
import io.skyhop.tooling.lab.Harness;
import io.skyhop.tooling.lab.LabContext;
import io.skyhop.tooling.lab.aws.AwsHarness;
import io.skyhop.tooling.logs.AwsLogs;
import io.skyhop.tooling.logs.LogSource;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.PortabilityFinding;
import io.skyhop.tooling.pack.SizeLimit;
import io.skyhop.tooling.pack.TargetPackager;
import io.skyhop.tooling.pack.aws.AwsPackager;
import io.skyhop.tooling.policy.DeployerPolicy;
import io.skyhop.tooling.policy.aws.AwsDeployerPolicy;
import io.skyhop.tooling.report.provider.CloudMeasurement;
import io.skyhop.tooling.report.provider.LambdaMeasurements;
import io.skyhop.tooling.report.provider.MeasurementContext;
import io.skyhop.tooling.secret.SecretStore;
import io.skyhop.tooling.settings.ProviderSetting;
import io.skyhop.tooling.settings.ReservedKeys;
import io.skyhop.tooling.verify.DeployVerifier;
import io.skyhop.tooling.verify.Releases;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The aws target: everything Skyhop needs of it (registered in META-INF/services). */
public final class AwsTargetProvider implements TargetProvider {
  @Override
  public Target target() {
    return Target.named("aws");
  }

  @Override
  public String adapterArtifact() {
    return "skyhop-aws-lambda";
  }

  @Override
  public TargetPackager packager() {
    return new AwsPackager();
  }

  @Override
  public Deployer deployer() {
    return new AwsDeployer();
  }

  @Override
  public LogSource logs(DeployRequest request, List<String> functions, BuildListener listener) {
    return AwsLogs.open(request);
  }

  @Override
  public RemoteTarget remote(DeployRequest request) throws Exception {
    return AwsInvoke.open(request);
  }

  @Override
  public Harness lab(LabContext lab) throws IOException {
    return AwsHarness.open(lab);
  }

  @Override
  public List<String> labRuntime() {
    return List.of("aws-lambda-java-runtime-interface-client", "aws-lambda-java-core");
  }

  @Override
  public Optional<String> labNote() {
    return Optional.of(
        "Amazon's runtime interface client against a local Runtime API emulator; init = process"
            + " start to the first /next call, duration = event handed out to response posted");
  }

  @Override
  public Optional<String> chartColor() {
    return Optional.of("#ff9900");
  }

  @Override
  public List<Plan> plans() {
    return List.of(Plan.AWS_X86_64, Plan.AWS_ARM64);
  }

  @Override
  public Optional<String> envRefusal(String key) {
    return ReservedKeys.byRule(
        key,
        target(),
        "AWS Lambda",
        List.of("AWS_", "LAMBDA_"),
        List.of("_HANDLER", "_X_AMZN_TRACE_ID"));
  }

  @Override
  public Optional<CloudMeasurement> cloudMeasurement(MeasurementContext context) {
    return Optional.of(new LambdaMeasurements(context));
  }

  @Override
  public SecretStore secretStore() {
    return new AwsSecretStore();
  }

  @Override
  public Optional<DeployVerifier> verifier() {
    return Optional.of(new AwsVerifier());
  }

  @Override
  public Optional<Releases> releases() {
    return Optional.of(new AwsReleases());
  }

  @Override
  public Optional<DeployerPolicy> deployerPolicy() {
    return Optional.of(new AwsDeployerPolicy());
  }

  @Override
  public List<PortabilityFinding> portability(Manifest manifest) {
    return AwsLimits.portability(manifest);
  }

  @Override
  public List<SizeLimit> sizeLimits() {
    return AwsLimits.SIZE_LIMITS;
  }

  @Override
  public List<ProviderSetting> settings() {
    return AwsProviderSettings.all();
  }
}
