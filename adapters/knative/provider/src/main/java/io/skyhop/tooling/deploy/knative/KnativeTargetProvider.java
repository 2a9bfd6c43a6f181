package io.skyhop.tooling.deploy.knative;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.Deployer;
import io.skyhop.tooling.invoke.RemoteTarget;
import io.skyhop.tooling.lab.Harness;
import io.skyhop.tooling.lab.LabContext;
import io.skyhop.tooling.logs.KnativeLogs;
import io.skyhop.tooling.logs.LogSource;
import io.skyhop.tooling.pack.TargetPackager;
import io.skyhop.tooling.pack.knative.KnativePackager;
import io.skyhop.tooling.policy.DeployerPolicy;
import io.skyhop.tooling.secret.SecretStore;
import io.skyhop.tooling.settings.ProviderSetting;
import io.skyhop.tooling.settings.ReservedKeys;
import io.skyhop.tooling.verify.DeployVerifier;
import io.skyhop.tooling.verify.Releases;
import java.util.List;
import java.util.Optional;

/** The knative target: everything Skyhop needs of it (registered in META-INF/services). */
public final class KnativeTargetProvider implements TargetProvider {
  @Override
  public Target target() {
    return Target.named("knative");
  }

  @Override
  public String adapterArtifact() {
    return "skyhop-runtime";
  }

  @Override
  public TargetPackager packager() {
    return new KnativePackager();
  }

  @Override
  public Deployer deployer() {
    return new KnativeDeployer();
  }

  @Override
  public LogSource logs(DeployRequest request, List<String> functions, BuildListener listener) {
    return KnativeLogs.open(request);
  }

  @Override
  public RemoteTarget remote(DeployRequest request) {
    return KnativeRemote.open(request);
  }

  @Override
  public Optional<String> envRefusal(String key) {
    return ReservedKeys.byRule(key, target(), "Knative Serving", List.of("K_"), List.of("PORT"));
  }

  @Override
  public Optional<String> labRefusal() {
    return Optional.of("it runs the in-house runtime, measured as local");
  }

  @Override
  public Harness lab(LabContext lab) {
    throw new IllegalArgumentException("knative is not measured");
  }

  @Override
  public Optional<DeployVerifier> verifier() {
    return Optional.of(new KnativeVerifier());
  }

  @Override
  public Optional<Releases> releases() {
    return Optional.of(new KnativeReleases());
  }

  @Override
  public Optional<DeployerPolicy> deployerPolicy() {
    return Optional.of(new KnativeRole());
  }

  @Override
  public SecretStore secretStore() {
    throw new ConfigurationException(
        "skyhop.target",
        target().id(),
        "has no secret store skyhop:secret writes to yet. Fix: create the Kubernetes Secret"
            + " docs/secrets.md names with kubectl");
  }

  @Override
  public List<ProviderSetting> settings() {
    return KnativeProviderSettings.all();
  }
}
