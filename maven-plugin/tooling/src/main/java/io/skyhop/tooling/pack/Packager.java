package io.skyhop.tooling.pack;

import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionIndex;
import io.skyhop.core.MissingIndex;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.runtime.JavaRuntimes;
import io.skyhop.tooling.settings.StageEnvironment;
import io.skyhop.tooling.settings.StageSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code skyhop:package}: builds every requested target's artifacts and the manifest. */
public final class Packager {
  private final BuildListener listener;
  private final Clock clock;

  /** A packager reporting to {@code listener}, checking runtime dates against today. */
  public Packager(BuildListener listener) {
    this(listener, Clock.systemUTC());
  }

  /** A packager reporting to {@code listener}, checking runtime dates against {@code clock}. */
  public Packager(BuildListener listener, Clock clock) {
    this.listener = listener;
    this.clock = clock;
  }

  /**
   * Reads the index of the compiled classes.
   *
   * @throws ConfigurationException when the project holds no function
   */
  public static FunctionIndex readIndex(Path classesDir) throws IOException {
    Path file = classesDir.resolve(FunctionIndex.RESOURCE);
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException(
          "@Function",
          MissingIndex.message(
              "is missing in " + classesDir, MissingIndex.annotatedClasses(classesDir)));
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return FunctionIndex.parse(in);
    }
  }

  /** Packages every target of the request and writes {@code manifest.json}. */
  public Manifest pack(PackageRequest request) throws IOException {
    FunctionIndex compiled = readIndex(request.classesDir());
    if (compiled.functions().isEmpty()) {
      throw new ConfigurationException("@Function", "The compile-time index lists no function.");
    }
    JavaRuntimes runtimes = JavaRuntimes.builtIn();
    for (Target target : request.targets()) {
      if (runtimes.covers(target)) {
        runtimes.check(target, request.javaRelease(), LocalDate.now(clock), listener);
      }
    }
    FunctionIndex index =
        StageEnvironment.resolve(
            compiled, StageSettings.from(request.options()), request.targets(), listener);
    Files.createDirectories(request.outputDir());
    Map<Target, TargetPackager> packagers = new LinkedHashMap<>();
    for (Target target : request.targets()) {
      packagers.put(target, Packagers.of(target));
    }
    Portability.check(
        Portability.findings(manifest(request, index, packagers, Map.of()), request.targets()),
        request.option(Portability.STRICT).map(Boolean::parseBoolean).orElse(false),
        listener);
    for (Map.Entry<Target, TargetPackager> e : packagers.entrySet()) {
      List<Path> files = e.getValue().pack(request, index, listener);
      for (Path f : files) {
        listener.info(e.getKey().id() + ": " + request.outputDir().getParent().relativize(f));
      }
      List<Library> jars = new ArrayList<>(request.dependencies());
      jars.addAll(request.adapters(e.getKey()));
      SizeBudget.check(
          e.getKey(), files, jars, TargetProviders.of(e.getKey()).sizeLimits(), listener);
    }
    Map<String, PackageArchives.Digest> archives =
        PackageArchives.write(request.outputDir(), request.app(), request.targets());
    Manifest manifest = manifest(request, index, packagers, archives);
    ManifestFile.write(request.outputDir(), manifest);
    listener.info(
        "manifest.json: " + index.functions().size() + " functions, targets " + request.targets());
    return manifest;
  }

  private static Manifest manifest(
      PackageRequest request,
      FunctionIndex index,
      Map<Target, TargetPackager> packagers,
      Map<String, PackageArchives.Digest> archives) {
    List<Manifest.Function> functions = new ArrayList<>();
    for (FunctionDef f : index.functions()) {
      Map<String, TargetEntry> targets = new LinkedHashMap<>();
      packagers.forEach((t, p) -> targets.put(t.id(), p.manifestEntry(request, f)));
      functions.add(
          new Manifest.Function(
              f.name(),
              f.className(),
              f.method(),
              Manifest.Trigger.of(f.trigger()),
              f.memoryMb(),
              f.timeoutSeconds(),
              f.maxConcurrency(),
              f.env(),
              f.secrets(),
              targets,
              FunctionLevers.of(index.levers(f.name())),
              index.smoke(f.name()).map(FunctionSmoke::of).orElse(null)));
    }
    return new Manifest(
        request.app(), request.version(), request.javaRelease(), functions, archives);
  }
}
