package io.skyhop.tooling.deploy;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.pack.PackageArchives;
import io.skyhop.tooling.promote.Promotion;
import io.skyhop.tooling.verify.Releases;
import io.skyhop.tooling.verify.RollbackRecord;
import io.skyhop.tooling.verify.Verification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a deployer and records the result in {@code target/skyhop/deploy-<target>[-<stage>].json}.
 */
public final class Deployment {
  private final BuildListener listener;

  /** A deployment reporting to {@code listener}. */
  public Deployment(BuildListener listener) {
    this.listener = listener;
  }

  /** Validates, deploys, prints each function's endpoint and writes the record. */
  public DeployResult deploy(Deployer deployer, DeployRequest request) throws Exception {
    return deploy(deployer, request, Optional.empty());
  }

  /**
   * Deploys as {@link #deploy(Deployer, DeployRequest)}; a promoted build's record names the
   * artifact and the digest of the package deployed.
   */
  public DeployResult deploy(
      Deployer deployer, DeployRequest request, Optional<Promotion> promotion) throws Exception {
    requirePackaged(request);
    deployer.validate(request);
    DeployResult result =
        deployer.deploy(request, listener).withStage(request.naming().stageLabel());
    if (promotion.isPresent()) {
      result = promoted(result, promotion.get());
      listener.info(
          "Deployed "
              + promotion.get().artifact()
              + " ("
              + PackageArchives.classifier(request.target().id())
              + " sha256 "
              + promotion.get().sha256()
              + ")");
    }
    for (DeployResult.Function f : result.functions()) {
      listener.info(
          String.format("%-9s %-24s %s", f.action().name().toLowerCase(), f.name(), f.endpoint()));
    }
    if (!request.dryRun()) {
      Path record = request.recordFile();
      DeployRecordFile.write(record, result);
      listener.info("Recorded in " + record);
    }
    return result;
  }

  private static DeployResult promoted(DeployResult result, Promotion promotion) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (result.details() != null) {
      details.putAll(result.details());
    }
    details.put("artifact", promotion.artifact().toString());
    details.put("sha256", promotion.sha256());
    return new DeployResult(
        result.target(),
        result.app(),
        result.stage(),
        result.functions(),
        result.resources(),
        details);
  }

  /**
   * {@code skyhop:deploy}: deploys, then verifies what it deployed through the target's provider (a
   * dry run is not verified).
   *
   * @throws io.skyhop.tooling.verify.DeployVerificationException naming each function that does not
   *     work, after rolling back unless {@code skyhop.rollback=false}
   */
  public DeployResult deployVerified(
      TargetProvider provider, DeployRequest request, Optional<Promotion> promotion)
      throws Exception {
    DeployResult result = deploy(provider.deployer(), request, promotion);
    if (!request.dryRun()) {
      new Verification(listener).afterDeploy(provider, request, result);
    }
    return result;
  }

  /**
   * {@code skyhop:rollback}: returns the app and stage to the last version that verified.
   *
   * @throws ConfigurationException when the target cannot roll back or keeps no good version
   */
  public void rollback(TargetProvider provider, DeployRequest request) throws Exception {
    String target = request.target().id();
    Releases releases =
        provider
            .releases()
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "skyhop.target",
                        target,
                        "cannot roll back yet. Fix: deploy the earlier build again with"
                            + " -Dskyhop.artifact=groupId:artifactId:version"));
    provider.deployer().validate(request);
    String done =
        releases
            .restore(request, listener)
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "skyhop.target",
                        target,
                        "keeps no good version of "
                            + request.naming().cluster().app()
                            + " to roll back to: none of its deploys has verified yet. Fix: deploy"
                            + " a working build with skyhop:deploy"));
    RollbackRecord.rolledBack(request, Optional.empty(), done, "skyhop:rollback", List.of());
    listener.info("Rolled back: " + done + " serves again");
  }

  /** Validates and removes. */
  public void remove(Deployer deployer, DeployRequest request) throws Exception {
    deployer.validate(request);
    deployer.remove(request, listener);
  }

  private static void requirePackaged(DeployRequest request) throws IOException {
    if (!Files.isRegularFile(request.skyhopDir().resolve("manifest.json"))
        || !Files.isDirectory(request.targetDir())) {
      throw new ConfigurationException(
          "skyhop.targets",
          request.target().id()
              + " is not packaged: "
              + request.targetDir()
              + " is missing. Fix: run 'mvn package' (or skyhop:package) with "
              + request.target().id()
              + " in skyhop.targets before deploying");
    }
  }
}
