package io.skyhop.tooling.policy;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.deploy.DeployRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints a target's {@link DeployerPolicy} for the app and stage and writes it to {@code
 * target/skyhop/policy-<target>[-<stage>].json}.
 */
public final class PolicyPrinter {
  private final BuildListener listener;

  /** A printer reporting to {@code listener}. */
  public PolicyPrinter(BuildListener listener) {
    this.listener = listener;
  }

  /**
   * Prints and writes the policy.
   *
   * @throws ConfigurationException when the target has no policy table yet
   */
  public Path print(TargetProvider provider, DeployRequest request) throws Exception {
    String target = request.target().id();
    DeployerPolicy policy =
        provider
            .deployerPolicy()
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "skyhop.target",
                        target,
                        "has no deployer policy in skyhop:policy yet. Fix: give the deploying"
                            + " identity the roles docs/ci.md lists for it"));
    String document = policy.document(request);
    Path file =
        request
            .skyhopDir()
            .resolve(request.naming().recordFile(target).replaceFirst("^deploy-", "policy-"));
    Files.createDirectories(file.getParent());
    Files.writeString(file, document, StandardCharsets.UTF_8);
    document.lines().forEach(listener::info);
    listener.info("Written to " + file);
    return file;
  }
}
