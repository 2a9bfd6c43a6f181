package io.skyhop.it.deploy.aws;

import static io.skyhop.it.deploy.aws.AwsExpectations.ACCESS_KEY;
import static io.skyhop.it.deploy.aws.AwsExpectations.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Promotion to AWS: examples/orders installed with its aws package, then {@code skyhop:deploy
 * -Dskyhop.artifact=io.skyhop.examples:orders:<version>} from an empty directory against the same
 * WireMock stubs as AwsDeployIT's fresh deploy: every function is created from exactly the zip the
 * installed package holds, and the record names the artifact and its digest. Then a re-deploy and a
 * remove of the same artifact (AwsDeployIT's "deployed" and "remove" stubs), and every call of the
 * three runs is checked against the IAM policy {@code skyhop:policy} prints for the build.
 */
class AwsPromoteIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(4);
  private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  @Test
  void anInstalledBuildDeploysFromAnEmptyDirectory() throws Exception {
    MavenBuild orders =
        credentials(MavenBuild.copy(Repo.root().resolve("examples/orders"), "aws-promote"));
    MavenBuild.Result install =
        orders.run(
            TIMEOUT,
            "install",
            "-Dskyhop.targets=aws",
            "-DskipTests",
            "-Dspotless.apply.skip=true");
    assertThat(install.succeeded()).as(install + "\n" + install.output()).isTrue();
    String version = Repo.version();
    Path installed =
        Path.of(System.getProperty("skyhop.localRepository"))
            .resolve("io/skyhop/examples/orders/" + version)
            .resolve("orders-" + version + "-skyhop-aws.zip");
    byte[] zip;
    try (ZipFile pkg = new ZipFile(installed.toFile());
        InputStream in = pkg.getInputStream(pkg.getEntry("orders.zip"))) {
      zip = in.readAllBytes();
    }
    assertThat(zip)
        .isEqualTo(Files.readAllBytes(orders.dir().resolve("target/skyhop/aws/orders.zip")));

    MavenBuild empty =
        credentials(
            MavenBuild.copy(Files.createTempDirectory("skyhop-empty"), "aws-promote-empty"));
    String artifact = "-Dskyhop.artifact=io.skyhop.examples:orders:" + version;
    List<AwsCall> journal = new ArrayList<>();
    try (AwsEmulators.Sqs sqs = AwsEmulators.startSqs("us-east-1", ACCOUNT)) {
      String[] common = {
        artifact,
        "-Dskyhop.target=aws",
        "-Dskyhop.region=us-east-1",
        "-Dskyhop.aws.endpoint.sqs=" + sqs.front().endpoint(),
        "-Dskyhop.resources.orders=arn:aws:sqs:us-east-1:" + ACCOUNT + ":orders",
        "-Dskyhop.resources.uploads=arn:aws:s3:::uploads",
        // as examples/orders' pom: its explode function answers 500 on purpose
        "-Dskyhop.verify=false"
      };
      try (AwsStubs aws = AwsStubs.serve("fresh", Map.of())) {
        MavenBuild.Result r = run(empty, aws, "deploy", common);
        assertThat(aws.unmatched()).isEmpty();
        List<AwsCall> calls = aws.calls();
        journal.addAll(calls);
        AwsExpectations.signed(calls);
        assertThat(
                calls.stream()
                    .filter(c -> c.operation().equals("CreateFunction") && c.status() == 201))
            .hasSize(6);
        AwsExpectations.functionsCreated(calls, zip, manifestAws(empty.dir()));
        String sha =
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(installed)));
        assertThat(r.output())
            .contains(
                "Deployed io.skyhop.examples:orders:"
                    + version
                    + " (skyhop-aws sha256 "
                    + sha
                    + ")")
            .contains("Verified: 6 functions active (smoke calls off: skyhop.verify=false)");
        JsonObject details =
            JsonParser.parseString(
                    Files.readString(empty.dir().resolve("target/skyhop/deploy-aws.json")))
                .getAsJsonObject()
                .getAsJsonObject("details");
        assertThat(details.get("artifact").getAsString())
            .isEqualTo("io.skyhop.examples:orders:" + version);
        assertThat(details.get("sha256").getAsString()).isEqualTo(sha);
      }
      try (AwsStubs aws =
          AwsStubs.serve("deployed", Map.of("codeSha256", AwsExpectations.sha256(zip)))) {
        run(empty, aws, "deploy", common);
        assertThat(aws.unmatched()).isEmpty();
        journal.addAll(aws.calls());
      }
      try (AwsStubs aws = AwsStubs.serve("remove", Map.of())) {
        run(empty, aws, "remove", common);
        assertThat(aws.unmatched()).isEmpty();
        journal.addAll(aws.calls());
      }
      // the policy the deploying identity needs, printed for the same build and checked against
      // every call of the three runs
      MavenBuild.Result policy =
          empty.run(
              TIMEOUT,
              "io.skyhop:skyhop-maven-plugin:" + version + ":policy",
              artifact,
              "-Dskyhop.target=aws",
              "-Dskyhop.region=us-east-1",
              "-Dskyhop.resources.orders=arn:aws:sqs:us-east-1:" + ACCOUNT + ":orders",
              "-Dskyhop.resources.uploads=arn:aws:s3:::uploads");
      assertThat(policy.succeeded()).as(policy + "\n" + policy.output()).isTrue();
      assertThat(policy.output()).contains("\"Version\": \"2012-10-17\"");
      JsonObject document =
          JsonParser.parseString(
                  Files.readString(empty.dir().resolve("target/skyhop/policy-aws.json")))
              .getAsJsonObject();
      assertThat(AwsPolicyCoverage.covered(document, journal))
          .contains("lambda:CreateFunction", "lambda:DeleteFunction", "lambda:GetFunction");
    }
  }

  private static MavenBuild.Result run(
      MavenBuild empty, AwsStubs aws, String goal, String... common) {
    List<String> args = new ArrayList<>();
    args.add("io.skyhop:skyhop-maven-plugin:" + Repo.version() + ":" + goal);
    args.add("-Dskyhop.aws.endpoint=" + aws.endpoint());
    args.addAll(List.of(common));
    MavenBuild.Result r = empty.run(TIMEOUT, args.toArray(String[]::new));
    assertThat(r.succeeded()).as(r + "\n" + r.output()).isTrue();
    assertThat(r.output()).as("secrets never reach the log").doesNotContain(SECRET_KEY);
    return r;
  }

  private static MavenBuild credentials(MavenBuild build) {
    return build
        .env("AWS_ACCESS_KEY_ID", ACCESS_KEY)
        .env("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", "/nonexistent/aws-config")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
  }

  private static Map<String, JsonObject> manifestAws(Path dir) throws Exception {
    JsonObject manifest =
        JsonParser.parseString(Files.readString(dir.resolve("target/skyhop/manifest.json")))
            .getAsJsonObject();
    Map<String, JsonObject> aws = new LinkedHashMap<>();
    manifest
        .getAsJsonArray("functions")
        .forEach(
            f ->
                aws.put(
                    f.getAsJsonObject().get("name").getAsString(),
                    f.getAsJsonObject().getAsJsonObject("targets").getAsJsonObject("aws")));
    return aws;
  }
}
