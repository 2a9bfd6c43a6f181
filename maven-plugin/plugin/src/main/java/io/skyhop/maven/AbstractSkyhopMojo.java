package io.skyhop.maven;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.pack.Library;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.runtime.JavaRelease;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/** What every Skyhop goal shares: the project, the app name, and error translation. */
abstract class AbstractSkyhopMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  RepositorySystemSession repositorySession;

  @Component RepositorySystem repositorySystem;

  /**
   * The app name used in provider resource names ({@code <app>-<function>}); default the
   * artifactId.
   */
  @Parameter(property = "skyhop.app", defaultValue = "${project.artifactId}")
  String app;

  /** The project's release (command line first, then the pom), read by {@link #javaRelease}. */
  @Parameter(defaultValue = "${maven.compiler.release}", readonly = true)
  String compilerRelease;

  /** The project's target (command line first, then the pom), read by {@link #javaRelease}. */
  @Parameter(defaultValue = "${maven.compiler.target}", readonly = true)
  String compilerTarget;

  /** Skip this goal. */
  @Parameter(property = "skyhop.skip", defaultValue = "false")
  boolean skip;

  /** Runs the goal's work; tooling exceptions become build failures with their message. */
  interface Work {
    void run() throws Exception;
  }

  /**
   * The ids of the targets this goal acts on, comma-separated: their providers are resolved when
   * the goal runs ({@link ProviderResolver}).
   */
  String targetIds() {
    return "";
  }

  /**
   * Whether the goal acts without a project of its own: on a published build ({@code
   * -Dskyhop.artifact}), or on a deployed app ({@code skyhop:rollback}).
   */
  boolean runsWithoutProject() {
    return false;
  }

  /** The providers resolved for the running goal ({@link #execute(Work)}). */
  ProviderResolver providers;

  final void execute(Work work) throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping (skyhop.skip)");
      return;
    }
    if (!"jar".equals(project.getPackaging()) && !runsWithoutProject()) {
      getLog().info("Skipping: packaging '" + project.getPackaging() + "' holds no functions");
      return;
    }
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try {
      providers =
          ProviderResolver.resolve(
              targetIds(),
              plugin.getVersion(),
              repositorySystem,
              repositorySession,
              project.getRemotePluginRepositories(),
              getClass().getClassLoader());
      Thread.currentThread().setContextClassLoader(providers.loader());
      work.run();
    } catch (ConfigurationException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (Exception e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  BuildListener listener() {
    return new BuildListener() {
      @Override
      public void info(String message) {
        getLog().info(message);
      }

      @Override
      public void warn(String message) {
        getLog().warn(message);
      }
    };
  }

  Path outputDir() {
    return Path.of(project.getBuild().getDirectory(), "skyhop");
  }

  /**
   * The release the project compiles for: {@code maven.compiler.release}, else the compiler
   * plugin's {@code <release>}, else {@code maven.compiler.target}.
   */
  int javaRelease() {
    Optional<String> pluginRelease =
        Optional.ofNullable(project.getPlugin("org.apache.maven.plugins:maven-compiler-plugin"))
            .map(p -> p.getConfiguration())
            .filter(Xpp3Dom.class::isInstance)
            .map(c -> ((Xpp3Dom) c).getChild("release"))
            .map(Xpp3Dom::getValue);
    return JavaRelease.of(
        Optional.ofNullable(compilerRelease), pluginRelease, Optional.ofNullable(compilerTarget));
  }

  /** What packaging {@code targets} of this project takes, with the packagers' options. */
  PackageRequest packageRequest(List<Target> targets, Map<String, String> options)
      throws DependencyResolutionException {
    return new PackageRequest(
        app,
        project.getVersion(),
        javaRelease(),
        Path.of(project.getBuild().getOutputDirectory()),
        dependencies(),
        adapters(),
        outputDir(),
        targets,
        options);
  }

  /** The project's runtime dependencies, as libraries. */
  List<Library> dependencies() {
    List<Library> libs = new ArrayList<>();
    for (Artifact a : project.getArtifacts()) {
      String scope = a.getScope();
      if (a.getFile() != null
          && (Artifact.SCOPE_COMPILE.equals(scope) || Artifact.SCOPE_RUNTIME.equals(scope))) {
        libs.add(library(a));
      }
    }
    return libs;
  }

  /**
   * Per target, the adapter jar and its runtime dependencies. They are resolved from the adapter's
   * own dependency graph: in the plugin's artifacts a jar the tooling also uses (adapter core,
   * Gson) carries the tooling's dependency trail, not the adapter's, so the trails miss it.
   */
  Map<Target, List<Library>> adapters() throws DependencyResolutionException {
    Map<Target, List<Library>> result = new LinkedHashMap<>();
    for (TargetProvider provider : TargetProviders.loaded()) {
      result.put(
          provider.target(),
          runtimeClosure(
              new DefaultArtifact(
                  "io.skyhop", provider.adapterArtifact(), "jar", plugin.getVersion())));
    }
    return result;
  }

  private List<Library> runtimeClosure(DefaultArtifact adapter)
      throws DependencyResolutionException {
    CollectRequest collect =
        new CollectRequest(
            new Dependency(adapter, "runtime"), project.getRemotePluginRepositories());
    // compile and runtime scopes: what the adapter needs at run time (maven-resolver-util, which
    // has a ready-made filter, is not visible to plugins)
    DependencyRequest request =
        new DependencyRequest(
            collect,
            (node, parents) ->
                node.getDependency() == null
                    || List.of("compile", "runtime").contains(node.getDependency().getScope()));
    List<Library> libs = new ArrayList<>();
    for (ArtifactResult r :
        repositorySystem.resolveDependencies(repositorySession, request).getArtifactResults()) {
      org.eclipse.aether.artifact.Artifact a = r.getArtifact();
      libs.add(
          new Library(a.getGroupId(), a.getArtifactId(), a.getBaseVersion(), a.getFile().toPath()));
    }
    return libs;
  }

  private static Library library(Artifact a) {
    return new Library(a.getGroupId(), a.getArtifactId(), a.getBaseVersion(), a.getFile().toPath());
  }
}
