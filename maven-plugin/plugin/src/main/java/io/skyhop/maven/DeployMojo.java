package io.skyhop.maven;

import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.deploy.Deployment;
import io.skyhop.tooling.promote.Promotion;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Deploys the packaged functions to {@code skyhop.target} (default {@code local}), prints each
 * function's URL or trigger and writes {@code target/skyhop/deploy-<target>.json}. A failed deploy
 * fails the build. With {@code -Dskyhop.artifact} it deploys a published build's packages instead,
 * digests checked, and needs no project. Then it verifies what it deployed and rolls a deploy that
 * does not work back ({@code skyhop.verify}, {@code skyhop.rollback}).
 */
@Mojo(
    name = "deploy",
    defaultPhase = LifecyclePhase.DEPLOY,
    requiresProject = false,
    threadSafe = true)
public class DeployMojo extends AbstractDeployMojo {
  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    execute(
        () -> {
          Optional<Promotion> promotion = promote();
          new Deployment(listener())
              .deployVerified(TargetProviders.of(target()), request(), promotion);
        });
  }
}
