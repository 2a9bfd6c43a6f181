package io.skyhop.maven;

import io.skyhop.tooling.deploy.Deployers;
import io.skyhop.tooling.deploy.Deployment;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Removes this project's functions from {@code skyhop.target}, and nothing else; with {@code
 * -Dskyhop.artifact}, those of a published build, without a project.
 */
@Mojo(name = "remove", requiresProject = false, threadSafe = true)
public class RemoveMojo extends AbstractDeployMojo {
  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    execute(
        () -> {
          promote();
          new Deployment(listener()).remove(Deployers.of(target()), request());
        });
  }
}
