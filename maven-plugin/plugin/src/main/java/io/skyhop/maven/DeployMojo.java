package io.skyhop.maven;

import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.deploy.Deployment;
import io.skyhop.tooling.deploy.MultiDeployment;
import io.skyhop.tooling.promote.Promotion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Deploys the packaged functions to {@code skyhop.target} (default {@code local}), prints each
 * function's URL or trigger and writes target/skyhop/deploy-TARGET.json. A failed deploy fails the
 * build. With {@code -Dskyhop.artifact} it deploys a published build's packages instead, digests
 * checked, and needs no project. Then it verifies what it deployed and rolls a deploy that does not
 * work back ({@code skyhop.verify}, {@code skyhop.rollback}).
 *
 * <p>With {@code -Dskyhop.targets=a,b,c} on the command line and no {@code -Dskyhop.target}, it
 * deploys to each of those targets at once ({@link MultiDeployment}; one target alone deploys as
 * {@code skyhop.target} would); when both are given, {@code skyhop.target} wins and {@code
 * skyhop.targets} only chooses what {@code skyhop:package} packages.
 *
 * <p>Each target's own settings are skyhop.TARGET.* properties (e.g. skyhop.aws.role,
 * skyhop.gcp.project, skyhop.local.url), declared by that target's provider and listed in
 * docs/settings.md; one the provider does not declare fails the goal naming the known ones.
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
          List<Target> targets =
              several()
                  .map(list -> Target.list(list, MultiDeployment.TARGETS))
                  .orElseGet(() -> List.of(target()));
          if (targets.size() > 1) {
            deployToEach(targets);
            return;
          }
          Target one = targets.get(0);
          Optional<Promotion> promotion = promote(one);
          new Deployment(listener())
              .deployVerified(TargetProviders.of(one), request(one), promotion);
        });
  }

  @Override
  String targetIds() {
    return several().orElseGet(super::targetIds);
  }

  /** {@code -Dskyhop.targets} when given on the command line without {@code -Dskyhop.target}. */
  private Optional<String> several() {
    if (session.getUserProperties().containsKey("skyhop.target")) {
      return Optional.empty();
    }
    return Optional.ofNullable(session.getUserProperties().getProperty(MultiDeployment.TARGETS));
  }

  private void deployToEach(List<Target> targets) throws InterruptedException {
    List<MultiDeployment.Job> jobs = new ArrayList<>();
    for (Target t : targets) {
      try {
        Optional<Promotion> promotion = promote(t);
        jobs.add(MultiDeployment.Job.of(TargetProviders.of(t), request(t), promotion));
      } catch (IOException | RuntimeException e) {
        jobs.add(MultiDeployment.Job.failed(t, e));
      }
    }
    new MultiDeployment(listener()).deploy(jobs);
  }
}
