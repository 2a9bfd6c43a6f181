package io.skyhop.maven;

import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.TargetProviders;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * The providers a goal needs, resolved when it runs: each built-in provider's artifact ({@link
 * TargetProviders#builtIn()}) and its run-time dependencies through Maven's resolver, in a class
 * loader of its own whose parent is the plugin's (the engine and the SPI). {@link #loader} is what
 * the goal runs with as its context class loader, where {@link TargetProviders} looks. The loaders
 * stay open after the goal, like the plugin's own: Maven reads the message of a failure (a
 * provider's exception) after the goal returned, which may load more of the provider's classes.
 */
final class ProviderResolver {
  private final List<DependencyNode> roots;
  private final ClassLoader loader;

  private ProviderResolver(
      ClassLoader parent, List<URLClassLoader> loaders, List<DependencyNode> roots) {
    this.roots = List.copyOf(roots);
    this.loader = new Providers(parent, loaders);
  }

  /**
   * Resolves the providers of {@code ids} (comma-separated target ids); ids the plugin already
   * holds a provider for, and unknown ids (which {@code Target.of} reports), are skipped.
   */
  static ProviderResolver resolve(
      String ids,
      String version,
      RepositorySystem system,
      RepositorySystemSession session,
      List<RemoteRepository> repositories,
      ClassLoader plugin)
      throws DependencyResolutionException, ArtifactDescriptorException {
    Map<String, String> builtIn = TargetProviders.builtIn();
    // the providers the plugin itself depends on (local)
    Set<String> held = new HashSet<>();
    ServiceLoader.load(TargetProvider.class, plugin).forEach(p -> held.add(p.target().id()));
    Set<String> wanted = new LinkedHashSet<>();
    for (String id : ids.split(",")) {
      String v = id.trim().toLowerCase(Locale.ROOT);
      if (builtIn.containsKey(v) && !held.contains(v)) {
        wanted.add(v);
      }
    }
    List<URLClassLoader> loaders = new ArrayList<>();
    List<DependencyNode> roots = new ArrayList<>();
    for (String id : wanted) {
      String[] ga = builtIn.get(id).split(":");
      DefaultArtifact artifact = new DefaultArtifact(ga[0], ga[1], "jar", version);
      CollectRequest collect =
          new CollectRequest(new Dependency(artifact, "runtime"), repositories);
      // the versions the provider was built and tested with (its BOM imports), not the nearest
      collect.setManagedDependencies(
          system
              .readArtifactDescriptor(
                  session, new ArtifactDescriptorRequest(artifact, repositories, null))
              .getManagedDependencies());
      // compile and runtime scopes: the engine, which the provider declares provided, comes from
      // the plugin's class loader, the parent
      DependencyRequest request =
          new DependencyRequest(
              collect,
              (node, parents) ->
                  node.getDependency() == null
                      || List.of("compile", "runtime").contains(node.getDependency().getScope()));
      DependencyNode root = system.resolveDependencies(session, request).getRoot();
      roots.add(root);
      // the provider's optional dependencies (its lab runtime) stay out of its class loader
      List<URL> urls = new ArrayList<>();
      collect(root, true, urls);
      loaders.add(new URLClassLoader("skyhop-provider-" + id, urls.toArray(URL[]::new), plugin));
    }
    return new ProviderResolver(plugin, loaders, roots);
  }

  private static void collect(DependencyNode node, boolean skipOptional, List<URL> urls) {
    Dependency d = node.getDependency();
    if (skipOptional && d != null && d.isOptional()) {
      return;
    }
    if (node.getArtifact() != null && node.getArtifact().getFile() != null) {
      try {
        URL url = node.getArtifact().getFile().toURI().toURL();
        if (!urls.contains(url)) {
          urls.add(url);
        }
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
    for (DependencyNode child : node.getChildren()) {
      collect(child, skipOptional, urls);
    }
  }

  /**
   * The jar of {@code artifactId} among the resolved providers' dependencies, with the jars it
   * brings (a lab runtime of {@code skyhop:report}); empty when no resolved provider has it.
   */
  List<Path> closure(String artifactId) {
    List<URL> urls = new ArrayList<>();
    for (DependencyNode root : roots) {
      find(root, artifactId).ifPresent(n -> collect(n, false, urls));
    }
    List<Path> paths = new ArrayList<>();
    for (URL u : urls) {
      try {
        paths.add(Path.of(u.toURI()));
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return paths;
  }

  private static Optional<DependencyNode> find(DependencyNode node, String artifactId) {
    if (node.getArtifact() != null && node.getArtifact().getArtifactId().equals(artifactId)) {
      return Optional.of(node);
    }
    for (DependencyNode child : node.getChildren()) {
      Optional<DependencyNode> found = find(child, artifactId);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The goal's context class loader: the plugin's, plus each resolved provider. */
  ClassLoader loader() {
    return loader;
  }

  /** Finds classes and service files in each provider's loader, after the plugin's. */
  private static final class Providers extends ClassLoader {
    private final List<URLClassLoader> providers;

    Providers(ClassLoader parent, List<URLClassLoader> providers) {
      super("skyhop-providers", parent);
      this.providers = List.copyOf(providers);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      for (URLClassLoader p : providers) {
        try {
          return p.loadClass(name);
        } catch (ClassNotFoundException e) {
          // the next provider's
        }
      }
      throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
      for (URLClassLoader p : providers) {
        URL url = p.findResource(name);
        if (url != null) {
          return url;
        }
      }
      return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
      List<URL> urls = new ArrayList<>();
      for (URLClassLoader p : providers) {
        urls.addAll(Collections.list(p.findResources(name)));
      }
      return Collections.enumeration(urls);
    }
  }
}
