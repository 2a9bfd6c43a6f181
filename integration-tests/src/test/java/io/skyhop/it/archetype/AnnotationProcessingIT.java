package io.skyhop.it.archetype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes that carry {@code @Function} but were compiled without the SDK's processor: {@code
 * skyhop:package} and the test kit fail with one message that names the class, the real cause and
 * the pom lines that fix it — with {@code <proc>none</proc>} on any JDK, and on JDK 23+ (from
 * {@code skyhop.it.javaHomes}) for a pom that relies on javac finding the processor on the class
 * path. Fixture: {@code src/test/resources/processing}.
 */
class AnnotationProcessingIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private static String expected(String where) {
    return "No Skyhop functions found: META-INF/skyhop/functions.json "
        + where
        + ", yet com.acme.Greeter carries @Function: annotation processing did not run. Since JDK"
        + " 23 javac runs no annotation processor found on the class path unless asked to, and"
        + " -proc:none (<proc>none</proc>) switches it off. Fix: declare the processor in pom.xml"
        + " (the version is that of your skyhop-sdk-api dependency), remove any -proc:none, then"
        + " run mvn clean verify:\n"
        + "<plugin>\n"
        + "  <groupId>org.apache.maven.plugins</groupId>\n"
        + "  <artifactId>maven-compiler-plugin</artifactId>\n"
        + "  <configuration>\n"
        + "    <annotationProcessorPaths>\n"
        + "      <path>\n"
        + "        <groupId>io.skyhop</groupId>\n"
        + "        <artifactId>skyhop-sdk-api</artifactId>\n"
        + "        <version>${skyhop.version}</version>\n"
        + "      </path>\n"
        + "    </annotationProcessorPaths>\n"
        + "  </configuration>\n"
        + "</plugin>";
  }

  /** Maven's output without the "[ERROR] " that starts each line of a multi-line message. */
  private static String unprefixed(MavenBuild.Result result) {
    return result.output().replace("\n[ERROR] ", "\n");
  }

  private static MavenBuild fixture(String scenario) {
    return MavenBuild.copy(Path.of("src/test/resources/processing").toAbsolutePath(), scenario);
  }

  @Test
  void procNoneFailsPackageAndTheTestKitNamingTheCauseAndThePomLines() {
    MavenBuild build = fixture("processing-proc-none");

    MavenBuild.Result pack =
        build.run(
            TIMEOUT,
            "package",
            "-DskipTests",
            "-f",
            "pom-proc-none.xml",
            "-Dskyhop.version=" + Repo.version());
    assertThat(pack.succeeded()).as(pack.toString()).isFalse();
    assertThat(unprefixed(pack))
        .contains(
            "on project greeter-proc-none: "
                + expected("is missing in " + build.dir().resolve("target/classes")));

    MavenBuild.Result verify =
        build.run(
            TIMEOUT, "verify", "-f", "pom-proc-none.xml", "-Dskyhop.version=" + Repo.version());
    assertThat(verify.succeeded()).as(verify.toString()).isFalse();
    assertThat(unprefixed(verify))
        .contains("IndexException: " + expected("is not on the class path"));
  }

  @Test
  void onJdk23AndLaterAPomWithoutAProcessorPathFailsWithTheSameMessage() {
    List<Path> newJdks = JavaHomes.list().stream().filter(h -> JavaHomes.feature(h) >= 23).toList();
    assumeTrue(
        !newJdks.isEmpty(),
        "no JDK 23+ in skyhop.it.javaHomes (.ci/run passes JDK 25 to this test)");
    for (Path home : newJdks) {
      MavenBuild build = fixture("processing-class-path-jdk" + JavaHomes.feature(home));
      build.env("JAVA_HOME", home.toString());

      MavenBuild.Result pack =
          build.run(TIMEOUT, "package", "-DskipTests", "-Dskyhop.version=" + Repo.version());
      assertThat(pack.succeeded()).as(pack.toString()).isFalse();
      assertThat(unprefixed(pack))
          .contains(
              "on project greeter: "
                  + expected("is missing in " + build.dir().resolve("target/classes")));
    }
  }
}
