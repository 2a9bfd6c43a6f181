package io.skyhop.it.azure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Maven build of a fixture project, in a copy under {@code target/}: the Maven that runs the
 * integration tests, the same local repository, batch mode, a time limit, and the process (with its
 * children) killed whatever happens.
 */
final class MavenBuild {
  private MavenBuild() {}

  /** Copies {@code fixture} to {@code work}, replacing an earlier copy. */
  static Path copy(Path fixture, Path work) throws IOException {
    if (Files.exists(work)) {
      try (Stream<Path> walk = Files.walk(work)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    try (Stream<Path> walk = Files.walk(fixture)) {
      for (Path source : walk.toList()) {
        Path target = work.resolve(fixture.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return work;
  }

  /**
   * Runs {@code mvn -B [-o] <args>} in {@code project}; offline when {@code offline} is true.
   *
   * @return the build log
   * @throws AssertionError when the build fails or exceeds {@code timeoutMinutes}, with the log's
   *     end
   */
  static String run(Path project, boolean offline, int timeoutMinutes, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(mavenExecutable());
    command.add("-B");
    if (offline) {
      command.add("-o");
    }
    String repo = System.getProperty("skyhop.localRepository");
    if (repo != null && !repo.isBlank()) {
      command.add("-Dmaven.repo.local=" + repo);
    }
    command.addAll(args);
    Path log = project.resolve("build.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder
        .environment()
        .put("MAVEN_OPTS", io.skyhop.it.MavenBuild.withFastStart(System.getenv("MAVEN_OPTS")));
    Process process = builder.start();
    try {
      if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        throw new AssertionError(
            "mvn did not finish within " + timeoutMinutes + " minutes: " + command + tail(log));
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            "mvn failed (" + process.exitValue() + "): " + command + tail(log));
      }
      return Files.readString(log);
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /** Whether the local repository already holds an artifact (so the build can run offline). */
  static boolean cached(String groupId, String artifactId, String version) {
    String repo = System.getProperty("skyhop.localRepository");
    Path base =
        repo != null && !repo.isBlank()
            ? Path.of(repo)
            : Path.of(System.getProperty("user.home"), ".m2", "repository");
    return Files.isRegularFile(
        base.resolve(groupId.replace('.', '/'))
            .resolve(artifactId)
            .resolve(version)
            .resolve(artifactId + "-" + version + ".jar"));
  }

  private static String mavenExecutable() {
    String home = System.getProperty("skyhop.maven.home");
    if (home == null || home.isBlank()) {
      throw new IllegalStateException(
          "skyhop.maven.home is not set: run the integration tests through Maven (failsafe sets it"
              + " to the running Maven's home)");
    }
    return Path.of(home, "bin", "mvn").toString();
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return "\n--- last lines of "
        + log
        + " ---\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
