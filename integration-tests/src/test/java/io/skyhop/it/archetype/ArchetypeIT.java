package io.skyhop.it.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * A project generated from the installed archetype builds, passes its tests, and packages every
 * default target: what a newcomer gets from {@code mvn archetype:generate}.
 */
class ArchetypeIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  @Test
  void generatedProjectVerifiesAndPackagesEveryTarget() throws Exception {
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
    Path project = workspace.dir().resolve("demo");
    assertThat(project.resolve("src/main/java/com/acme/demo/Functions.java")).isRegularFile();
    assertThat(project.resolve("src/test/java/com/acme/demo/FunctionsTest.java")).isRegularFile();
    assertThat(Files.readString(project.resolve("pom.xml")))
        .contains("<skyhop.version>" + Repo.version() + "</skyhop.version>")
        .contains("<maven.deploy.skip>true</maven.deploy.skip>");
    assertThat(Files.readString(project.resolve("README.md")))
        .contains("mvn deploy -Dskyhop.target=aws");

    MavenBuild demo = MavenBuild.copy(project, "archetype-demo");
    MavenBuild.Result verify = demo.run(TIMEOUT, "verify");
    assertThat(verify.succeeded()).as(verify.toString()).isTrue();
    // the generated test calls the functions through every target view, with only sdk-api and
    // skyhop-test as dependencies
    assertThat(verify.output()).contains("Tests run: 4, Failures: 0, Errors: 0");

    MavenBuild.Result pack = demo.run(TIMEOUT, "package", "-DskipTests");
    assertThat(pack.succeeded()).as(pack.toString()).isTrue();
    Path skyhop = demo.dir().resolve("target/skyhop");
    assertThat(skyhop.resolve("manifest.json")).isRegularFile();
    assertThat(Files.readString(skyhop.resolve("manifest.json")))
        .contains("\"name\": \"hello\"")
        .contains("\"name\": \"nightly\"");
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

  private static List<String> entries(Path zip) throws Exception {
    List<String> names = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      file.stream().map(ZipEntry::getName).forEach(names::add);
    }
    return names;
  }
}
