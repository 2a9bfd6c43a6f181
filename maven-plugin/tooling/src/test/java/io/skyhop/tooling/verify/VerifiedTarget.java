package io.skyhop.tooling.verify;

import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.deploy.Deployer;
import io.skyhop.tooling.lab.Harness;
import io.skyhop.tooling.lab.LabContext;
import io.skyhop.tooling.pack.TargetPackager;
import java.util.Optional;

/** A target whose only parts are a verifier and releases, for the engine's verification tests. */
record VerifiedTarget(Target target, DeployVerifier check, Releases kept)
    implements TargetProvider {
  @Override
  public String adapterArtifact() {
    return "none";
  }

  @Override
  public TargetPackager packager() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Deployer deployer() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Harness lab(LabContext lab) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<DeployVerifier> verifier() {
    return Optional.of(check);
  }

  @Override
  public Optional<Releases> releases() {
    return Optional.of(kept);
  }
}
