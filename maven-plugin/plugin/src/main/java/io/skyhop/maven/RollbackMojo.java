package io.skyhop.maven;

import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.deploy.Deployment;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Returns the app on {@code skyhop.target} (and {@code skyhop.stage}) to its last version that
 * verified; without a project, name the app with {@code skyhop.app} or {@code skyhop.artifact}.
 */
@Mojo(name = "rollback", requiresProject = false, threadSafe = true)
public class RollbackMojo extends AbstractDeployMojo {
  @Override
  boolean runsWithoutProject() {
    return project.getFile() == null || promotes();
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    execute(
        () -> {
          promote();
          new Deployment(listener()).rollback(TargetProviders.of(target()), request());
        });
  }
}
