package io.skyhop.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Commands of the documentation that once failed for a newcomer, run as written: the Europe/Berlin
 * schedule of docs/programming-model.md, {@code mvn deploy -Dskyhop.target=aws} in
 * examples/lambda-migration, and every relative link of the Markdown pages.
 */
class DocsCommandsIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final Pattern JAVA = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @Test
  void theBerlinScheduleExamplePackagesForTheTargetsThatKeepTheZone() throws IOException {
    String page = Files.readString(Repo.root().resolve("docs/programming-model.md"));
    String snippet =
        JAVA.matcher(page)
            .results()
            .map(m -> m.group(1))
            .filter(code -> code.contains("Europe/Berlin"))
            .findFirst()
            .orElseThrow();
    String command = "mvn package -Dskyhop.targets=gcp,local";
    assertThat(page).contains("```bash\n" + command + "\n```");
    MavenBuild build =
        MavenBuild.copy(
            Path.of("src/test/resources/docs/schedule-zone").toAbsolutePath(),
            "docs-schedule-zone");
    Path source = build.dir().resolve("src/main/java/com/example/orders/Reports.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, snippet);
    String version = "-Dskyhop.version=" + Repo.version();

    MavenBuild.Result defaults = build.run(TIMEOUT, "package", version);
    assertThat(defaults.succeeded()).as(defaults.toString()).isFalse();
    assertThat(defaults.output()).contains("@ScheduleTrigger(timezone) = 'Europe/Berlin'");

    List<String> args = new ArrayList<>(List.of(command.substring("mvn ".length()).split(" ")));
    args.add(version);
    MavenBuild.Result documented = build.run(TIMEOUT, args.toArray(String[]::new));
    assertThat(documented.succeeded()).as(documented.toString()).isTrue();
    assertThat(Files.readString(build.dir().resolve("target/skyhop/manifest.json")))
        .contains("\"timezone\": \"Europe/Berlin\"");
    assertThat(build.dir().resolve("target/skyhop/gcp/reports.zip")).isRegularFile();
    assertThat(build.dir().resolve("target/skyhop/local/reports.zip")).isRegularFile();
  }

  /**
   * The README's {@code mvn deploy -Dskyhop.target=aws} reaches skyhop:deploy (which, without AWS
   * credentials here, stops at the credentials) instead of failing in maven-deploy-plugin.
   */
  @Test
  void lambdaMigrationDeployRunsSkyhopDeployNotMavenDeploy() throws IOException {
    String readme = Files.readString(Repo.root().resolve("examples/lambda-migration/README.md"));
    String command = "mvn deploy -Dskyhop.target=aws -Dskyhop.region=eu-west-1";
    assertThat(readme).contains(command);
    MavenBuild build =
        MavenBuild.copy(Repo.root().resolve("examples/lambda-migration"), "docs-lambda-migration")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_CONFIG_FILE", "/nonexistent/aws-config")
            .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
    List<String> args = new ArrayList<>(List.of(command.substring("mvn ".length()).split(" ")));
    args.add("-DskipTests");
    args.add("-Dspotless.apply.skip");

    MavenBuild.Result result = build.run(TIMEOUT, args.toArray(String[]::new));

    assertThat(result.output())
        .contains("maven-deploy-plugin")
        .contains("Skipping artifact deployment")
        .containsPattern("Failed to execute goal io\\.skyhop:skyhop-maven-plugin:[^:]+:deploy")
        .contains("credentials");
  }

  @Test
  void everyRelativeLinkOfTheMarkdownPagesResolves() throws IOException {
    List<Path> pages;
    try (Stream<Path> files = Files.walk(Repo.root())) {
      pages =
          files
              .filter(p -> p.toString().endsWith(".md"))
              .filter(p -> Repo.root().relativize(p).toString().split("/").length < 5)
              .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/."))
              .sorted()
              .toList();
    }
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      Matcher m = LINK.matcher(Files.readString(page));
      while (m.find()) {
        String link = m.group(1);
        if (link.matches("^[a-z]+:.*") || link.startsWith("#") || link.contains("${")) {
          continue;
        }
        Path target = page.getParent().resolve(link.replaceFirst("#.*", "")).normalize();
        if (!Files.exists(target)) {
          broken.add(Repo.root().relativize(page) + ": " + link);
        }
      }
    }
    assertThat(pages).hasSizeGreaterThan(10);
    assertThat(broken).as("relative links to missing files").isEmpty();
  }
}
