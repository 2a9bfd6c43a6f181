package io.skyhop.it.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin resolves the providers a goal needs when it runs: {@code mvn deploy
 * -Dskyhop.targets=aws -Dskyhop.target=aws} (package, then deploy against the AWS stubs) of a copy
 * of {@code examples/orders}, on an empty local repository whose only remote is a file-based one
 * holding what the build installed, downloads the AWS provider and no Azure, Google Cloud,
 * Kubernetes (fabric8), Jib, Netty or gRPC jar. The copy drops the example's test kit (a test
 * dependency that brings the Azure and Google run-time APIs its sample events fake), so that what
 * is downloaded is the plugin's.
 */
class AwsOnDemandIT {
  private static final List<String> FORBIDDEN =
      List.of(
          "com/azure/",
          "com/microsoft/azure/",
          "com/google/cloud/",
          "com/google/api/",
          "com/google/auth/",
          "io/fabric8/",
          "io/netty/",
          "io/grpc/");

  @TempDir Path work;

  @Test
  void anAwsBuildDownloadsNoOtherProvider() throws IOException {
    Path built = Path.of(System.getProperty("skyhop.localRepository"));
    Path settings = work.resolve("settings.xml");
    Files.writeString(
        settings,
        Files.readString(Path.of("src/test/resources/structure/settings.xml"))
            .replace("@BUILT@", built.toAbsolutePath().toString()));
    Path fresh = work.resolve("m2");
    MavenBuild build =
        MavenBuild.copy(Repo.root().resolve("examples/orders"), "aws-on-demand")
            .env("AWS_ACCESS_KEY_ID", AwsExpectations.ACCESS_KEY)
            .env("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_CONFIG_FILE", "/nonexistent/aws-config")
            .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials")
            // the build's own -Dmaven.repo.local must not reach this one
            .env("MAVEN_OPTS", "-XX:TieredStopAtLevel=1");
    Path pom = build.dir().resolve("pom.xml");
    String withKit = Files.readString(pom);
    String withoutKit =
        withKit.replaceAll(
            "(?s)\\s*<dependency>\\s*<groupId>io.skyhop</groupId>\\s*<artifactId>skyhop-test</artifactId>.*?</dependency>",
            "");
    assertThat(withoutKit).isNotEqualTo(withKit);
    Files.writeString(pom, withoutKit);

    try (AwsStubs aws = AwsStubs.serve("fresh", Map.of())) {
      MavenBuild.Result r =
          build.run(
              Duration.ofMinutes(5),
              "deploy",
              "-s",
              settings.toString(),
              "-Dmaven.repo.local=" + fresh,
              "-Dskyhop.targets=aws",
              "-Dskyhop.target=aws",
              "-Dskyhop.region=us-east-1",
              "-Dskyhop.aws.endpoint=" + aws.endpoint(),
              // the stubbed account's queue and bucket, bound (creating owned ones is
              // AwsAppResourcesIT's, against emulators)
              "-Dskyhop.resources.orders=arn:aws:sqs:us-east-1:"
                  + AwsExpectations.ACCOUNT
                  + ":orders",
              "-Dskyhop.resources.uploads=arn:aws:s3:::uploads",
              "-Dmaven.test.skip=true",
              "-Dmaven.install.skip=true",
              "-Dspotless.apply.skip=true");
      assertThat(r.succeeded()).as("%s\n%s", r, r.output()).isTrue();
      assertThat(r.output()).contains("Recorded in ");
      assertThat(aws.calls()).isNotEmpty();
    }

    List<String> jars;
    try (Stream<Path> files = Files.walk(fresh)) {
      jars =
          files
              .filter(f -> f.toString().endsWith(".jar"))
              .map(f -> fresh.relativize(f).toString().replace('\\', '/'))
              .sorted()
              .toList();
    }
    assertThat(jars)
        .as("the AWS provider and its SDK were downloaded when the goal ran")
        .anyMatch(j -> j.startsWith("io/skyhop/skyhop-provider-aws/"))
        .anyMatch(j -> j.startsWith("software/amazon/awssdk/lambda/"));
    assertThat(jars)
        .as("no other provider's jar")
        .noneMatch(j -> FORBIDDEN.stream().anyMatch(j::startsWith))
        // skyhop-provider-local is the plugin's own dependency (skyhop:run, skyhop:invoke), no SDK
        .noneMatch(
            j ->
                j.contains("/skyhop-provider-")
                    && !j.contains("skyhop-provider-aws")
                    && !j.contains("skyhop-provider-local"))
        .noneMatch(j -> j.contains("/jib-core/"));
  }
}
