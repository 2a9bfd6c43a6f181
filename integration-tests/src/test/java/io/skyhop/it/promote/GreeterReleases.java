package io.skyhop.it.promote;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The promotion fixture ({@code src/test/resources/promote/greeter}): installed into the local
 * repository once per release, then deployed with {@code -Dskyhop.artifact} from an empty directory
 * by the Skyhop plugin's full coordinates (no project, so no prefix resolution through a pom).
 */
final class GreeterReleases {
  static final Duration MAVEN = Duration.ofMinutes(5);
  static final String GOOD = "1.0.0";

  private GreeterReleases() {}

  /**
   * Installs release {@code version} of the fixture, packaged for {@code targets} (each test class
   * its own versions: the classes may run in parallel).
   */
  static void install(String version, String targets, String... extra) {
    MavenBuild build =
        MavenBuild.copy(
            Path.of("src/test/resources/promote/greeter").toAbsolutePath(), "greeter-" + version);
    List<String> args =
        new ArrayList<>(
            List.of(
                "install",
                "-Drevision=" + version,
                "-Dskyhop.targets=" + targets,
                "-Dspotless.apply.skip=true"));
    args.addAll(List.of(extra));
    MavenBuild.Result r = build.run(MAVEN, args.toArray(String[]::new));
    assertThat(r.succeeded()).as(r + "\n" + r.output()).isTrue();
  }

  /** The installed file of one of release {@code version}'s attached artifacts. */
  static Path installed(String version, String classifier, String type) {
    return Path.of(System.getProperty("skyhop.localRepository"))
        .resolve("io/skyhop/it/greeter/" + version)
        .resolve("greeter-" + version + "-" + classifier + "." + type);
  }

  /** A build in an empty directory (nothing but what Maven writes under {@code target/}). */
  static MavenBuild emptyDirectory(String scenario) throws Exception {
    Path empty = Files.createTempDirectory("skyhop-empty");
    return MavenBuild.copy(empty, scenario);
  }

  /** {@code io.skyhop:skyhop-maven-plugin:<version>:<goal>}. */
  static String goal(String goal) {
    return "io.skyhop:skyhop-maven-plugin:" + Repo.version() + ":" + goal;
  }

  /** {@code -Dskyhop.artifact} naming release {@code version}. */
  static String artifact(String version) {
    return "-Dskyhop.artifact=io.skyhop.it:greeter:" + version;
  }
}
