package io.skyhop.maven;

import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.policy.PolicyPrinter;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Prints the least-privilege permissions the identity that deploys this app to {@code
 * skyhop.target} (and {@code skyhop.stage}) needs, and writes them to {@code
 * target/skyhop/policy-<target>[-<stage>].json}; with {@code skyhop.artifact}, for a published
 * build, without a project.
 */
@Mojo(name = "policy", requiresProject = false, threadSafe = true)
public class PolicyMojo extends AbstractDeployMojo {
  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    execute(
        () -> {
          promote();
          new PolicyPrinter(listener()).print(TargetProviders.of(target()), request());
        });
  }
}
