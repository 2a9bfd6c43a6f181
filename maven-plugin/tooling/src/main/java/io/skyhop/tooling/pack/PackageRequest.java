package io.skyhop.tooling.pack;

import io.skyhop.tooling.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything packaging needs, read from the build by the shell (Maven) and passed in as values.
 *
 * @param app the app name ({@code skyhop.app}), used in provider resource names
 * @param version the project version
 * @param javaRelease the Java release the project compiles for (17, 21…)
 * @param classesDir the compiled classes, holding the compile-time index
 * @param dependencies the project's runtime dependencies
 * @param adapters per target, the Skyhop adapter jars and their dependencies to add
 * @param outputDir {@code target/skyhop}
 * @param targets the targets to package
 * @param options target-specific settings by property name (e.g. {@code skyhop.knative.baseImage})
 */
public record PackageRequest(
    String app,
    String version,
    int javaRelease,
    Path classesDir,
    List<Library> dependencies,
    Map<Target, List<Library>> adapters,
    Path outputDir,
    List<Target> targets,
    Map<String, String> options) {

  /** The adapter jars for a target, empty when the shell provided none. */
  public List<Library> adapters(Target target) {
    return adapters.getOrDefault(target, List.of());
  }

  /** A target-specific option. */
  public Optional<String> option(String property) {
    return Optional.ofNullable(options.get(property)).filter(v -> !v.isBlank());
  }

  /** The provider runtime name for the Java release, e.g. {@code java17}. */
  public String javaRuntime() {
    return "java" + javaRelease;
  }

  /** The directory of one target's artifacts. */
  public Path targetDir(Target target) {
    return outputDir.resolve(target.id());
  }
}
