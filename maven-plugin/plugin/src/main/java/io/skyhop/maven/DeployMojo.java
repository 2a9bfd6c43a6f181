package io.skyhop.maven;

import io.skyhop.tooling.deploy.Deployers;
import io.skyhop.tooling.deploy.Deployment;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Deploys the packaged functions to {@code skyhop.target} (default {@code local}), prints each
 * function's URL or trigger and writes {@code target/skyhop/deploy-<target>.json}. A failed deploy
 * fails the build.
 */
@Mojo(name = "deploy", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class DeployMojo extends AbstractDeployMojo {
  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    execute(() -> new Deployment(listener()).deploy(Deployers.of(target()), request()));
  }
}
