package io.skyhop.it.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A project generated from the installed archetype builds, passes its tests, and packages every
 * default target: what a newcomer gets from {@code mvn archetype:generate}. The generated project
 * is built on every JDK in {@code skyhop.it.javaHomes} (comma-separated JAVA_HOMEs; default the JDK
 * running Maven), each as its {@code JAVA_HOME}: {@code .ci/run} adds JDK 25, where javac runs no
 * annotation processor found on the class path unless the pom names it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchetypeIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  /** The release the archetype writes into {@code maven.compiler.release}. */
  private static final int ARCHETYPE_RELEASE = 21;

  private Path project;

  @BeforeAll
  void generate() throws IOException {
    MavenBuild workspace =
        MavenBuild.copy(
            Path.of("src/test/resources/archetype/workspace").toAbsolutePath(), "archetype");
    MavenBuild.Result generated =
        workspace.run(
            TIMEOUT,
            "org.apache.maven.plugins:maven-archetype-plugin:3.2.1:generate",
            "-DarchetypeGroupId=io.skyhop",
            "-DarchetypeArtifactId=skyhop-function-archetype",
            "-DarchetypeVersion=" + Repo.version(),
            "-DgroupId=com.acme",
            "-DartifactId=demo",
            "-Dversion=1.0-SNAPSHOT",
            "-Dpackage=com.acme.demo",
            "-DinteractiveMode=false");
    assertThat(generated.succeeded()).as(generated.toString()).isTrue();
    project = workspace.dir().resolve("demo");
  }

  @Test
  void generatedProjectCarriesWhatAStarterCarries() throws IOException {
    assertThat(project.resolve("src/main/java/com/acme/demo/Functions.java")).isRegularFile();
    assertThat(project.resolve("src/test/java/com/acme/demo/FunctionsTest.java")).isRegularFile();
    assertThat(Files.readString(project.resolve("pom.xml")))
        .contains("<skyhop.version>" + Repo.version() + "</skyhop.version>")
        .contains("<maven.compiler.release>" + ARCHETYPE_RELEASE + "</maven.compiler.release>")
        .contains("<maven.deploy.skip>true</maven.deploy.skip>")
        .contains("<annotationProcessorPaths>");
    assertThat(Files.readString(project.resolve("README.md")))
        .contains("mvn deploy -Dskyhop.target=aws")
        .contains("<maven.compiler.release>25</maven.compiler.release>")
        .doesNotContain("](https://github.com/skyhop)");
    assertThat(Files.readString(project.resolve(".gitignore"))).contains("target/");
    assertThat(project.resolve("__gitignore__")).doesNotExist();
    assertThat(Files.readString(project.resolve(".mvn/wrapper/maven-wrapper.properties")))
        .contains("distributionUrl=https://repo.maven.apache.org/maven2/");
    assertThat(Files.isExecutable(project.resolve("mvnw"))).as("mvnw is executable").isTrue();
    assertThat(Files.readString(project.resolve("mvnw"))).contains("${MAVEN_USER_HOME");
    assertThat(project.resolve("mvnw.cmd")).isRegularFile();
  }

  /** The JDKs to build the generated project on. */
  static List<Path> javaHomes() {
    return JavaHomes.list();
  }

  @ParameterizedTest(name = "JAVA_HOME={0}")
  @MethodSource("javaHomes")
  void generatedProjectVerifiesAndPackagesEveryTarget(Path javaHome) throws IOException {
    int jdk = JavaHomes.feature(javaHome);
    MavenBuild demo =
        MavenBuild.copy(project, "archetype-demo-jdk" + jdk).env("JAVA_HOME", "" + javaHome);
    // unchanged on every JDK: 21 by default, 17 through the pom's on-jdk-17 profile on JDK 17

    MavenBuild.Result version = demo.run(TIMEOUT, "-v");
    assertThat(version.output()).contains("Java version: " + jdk);

    MavenBuild.Result verify = demo.run(TIMEOUT, "verify");
    assertThat(verify.succeeded()).as(verify.toString()).isTrue();
    // the generated test calls the functions through every target view, with only sdk-api and
    // skyhop-test as dependencies
    assertThat(verify.output()).contains("Tests run: 4, Failures: 0, Errors: 0");
    assertThat(
            Files.readString(demo.dir().resolve("target/classes/META-INF/skyhop/functions.json")))
        .contains("\"name\": \"hello\"")
        .contains("\"name\": \"nightly\"");

    MavenBuild.Result pack = demo.run(TIMEOUT, "package", "-DskipTests");
    assertThat(pack.succeeded()).as(pack.toString()).isTrue();
    Path skyhop = demo.dir().resolve("target/skyhop");
    assertThat(Files.readString(skyhop.resolve("manifest.json")))
        .contains("\"name\": \"hello\"")
        .contains("\"name\": \"nightly\"")
        .contains("\"runtime\": \"java" + Math.min(jdk, ARCHETYPE_RELEASE) + "\"");
    assertThat(skyhop.resolve("aws/demo.zip")).isRegularFile();
    assertThat(skyhop.resolve("aws/template.yaml")).isRegularFile();
    assertThat(skyhop.resolve("azure/demo/host.json")).isRegularFile();
    assertThat(skyhop.resolve("azure/demo/hello/function.json")).isRegularFile();
    assertThat(skyhop.resolve("azure/demo/nightly/function.json")).isRegularFile();
    assertThat(skyhop.resolve("azure/demo.zip")).isRegularFile();
    assertThat(skyhop.resolve("gcp/demo.zip")).isRegularFile();
    assertThat(skyhop.resolve("local/demo.zip")).isRegularFile();
    // the adapters the test kit brings for the target views stay out of every package
    assertThat(entries(skyhop.resolve("aws/demo.zip")))
        .noneMatch(e -> e.startsWith("io/skyhop/test/") || e.startsWith("com/amazonaws/"))
        .noneMatch(e -> e.contains("azure-functions") || e.contains("functions-framework"));
    assertThat(entries(skyhop.resolve("azure/demo.zip")))
        .noneMatch(e -> e.contains("skyhop-test") || e.contains("azure-functions-java-library"))
        .noneMatch(e -> e.contains("skyhop-aws-lambda") || e.contains("skyhop-gcp-functions"));
    assertThat(entries(skyhop.resolve("local/demo.zip")))
        .noneMatch(e -> e.contains("skyhop-test") || e.contains("skyhop-aws-lambda"));
  }

  private static List<String> entries(Path zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      file.stream().map(ZipEntry::getName).forEach(names::add);
    }
    return names;
  }
}
