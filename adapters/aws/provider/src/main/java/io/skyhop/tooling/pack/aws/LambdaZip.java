package io.skyhop.tooling.pack.aws;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.SkyhopJars;
import io.skyhop.tooling.pack.ZipWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lambda's Java deployment package: the compiled classes at the root, every dependency jar in
 * {@code lib/} (the project's and the Skyhop AWS adapter's), without the jars the Lambda Java
 * runtime already provides.
 *
 * <p>Skyhop's own jars (the SDK, the adapter core and the AWS adapter) are unpacked at the root,
 * without the SDK's compile-time annotation processor: Lambda's class loader looks in the root
 * directory first and opens each {@code lib/} jar on a cold start, so three fewer jars to open and
 * search is a measurable part of the adapter's cold-start cost (see {@code benchmarks/aws}).
 */
final class LambdaZip {
  /** What the Lambda Java runtime puts on the class path itself. */
  static final Set<String> PROVIDED =
      Set.of(
          "com.amazonaws:aws-lambda-java-core",
          "com.amazonaws:aws-lambda-java-runtime-interface-client",
          "com.amazonaws:aws-lambda-java-serialization");

  private static final String ADAPTER = "io.skyhop:skyhop-aws-lambda";

  private LambdaZip() {}

  /** Writes {@code target/skyhop/aws/<app>.zip}. */
  static Path write(PackageRequest request, Path zip, BuildListener listener) throws IOException {
    Map<String, Library> libs = libraries(request, listener);
    try (ZipWriter out = ZipWriter.create(zip)) {
      out.addTree(request.classesDir(), "");
      for (Library lib : libs.values()) {
        if (SkyhopJars.isSkyhop(lib)) {
          out.addUnpacked(lib.file(), SkyhopJars.NOT_UNPACKED);
        } else {
          out.addFile(lib.file(), "lib/" + lib.fileName());
        }
      }
    }
    return zip;
  }

  /**
   * The jars of {@code lib/} by {@code groupId:artifactId}: the adapter's versions win over the
   * project's (the adapter is built and tested with them), with a warning.
   */
  static Map<String, Library> libraries(PackageRequest request, BuildListener listener) {
    List<Library> adapters = request.adapters(Target.named("aws"));
    if (adapters.stream().noneMatch(l -> l.key().equals(ADAPTER))) {
      throw new ConfigurationException(
          "skyhop.targets",
          "aws",
          "cannot be packaged: the AWS adapter "
              + ADAPTER
              + " is not among the plugin's artifacts. Fix: use a skyhop-maven-plugin whose"
              + " dependencies include it (any released version does), or remove aws from"
              + " skyhop.targets");
    }
    Map<String, Library> libs = new LinkedHashMap<>();
    for (Library lib : request.dependencies()) {
      if (PROVIDED.contains(lib.key())) {
        listener.info(
            "aws: leaving "
                + lib.fileName()
                + " out of the zip: the Lambda Java runtime provides it (declare it with"
                + " <scope>provided</scope>)");
      } else {
        libs.put(lib.key(), lib);
      }
    }
    for (Library lib : adapters) {
      if (PROVIDED.contains(lib.key())) {
        continue;
      }
      Library project = libs.put(lib.key(), lib);
      if (project != null && !project.version().equals(lib.version())) {
        listener.warn(
            "aws: the project depends on "
                + project.key()
                + " "
                + project.version()
                + " but the Skyhop adapter needs "
                + lib.version()
                + "; the zip holds "
                + lib.version()
                + ". Fix: depend on "
                + lib.version()
                + " to run what you test");
      }
    }
    return libs;
  }
}
