package io.skyhop.tooling.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import io.skyhop.it.deploy.aws.AwsPolicyCoverage;
import io.skyhop.it.deploy.aws.AwsStubs;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.Deployer;
import io.skyhop.tooling.deploy.Deployment;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.lab.Harness;
import io.skyhop.tooling.lab.LabContext;
import io.skyhop.tooling.pack.TargetPackager;
import io.skyhop.tooling.policy.DeployerPolicy;
import io.skyhop.tooling.policy.aws.AwsDeployerPolicy;
import io.skyhop.tooling.retry.RetryPolicy;
import io.skyhop.tooling.verify.DeployVerificationException;
import io.skyhop.tooling.verify.DeployVerifier;
import io.skyhop.tooling.verify.Releases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Verified deploys and rollback on AWS through the engine ({@link Deployment#deployVerified} and
 * {@link Deployment#rollback} with the aws provider's deployer, {@link AwsVerifier} and {@link
 * AwsReleases}; the official SDK, SigV4, real HTTP). The Lambda stub (scenario {@code
 * deploy/aws/releases}) holds {@code greet-hello}, an HTTP function with provisioned concurrency,
 * whose {@code live} and {@code last-good} aliases are on version 6; the deploy publishes version 7
 * and moves {@code live} to it. The aliases are stateful stubs: their state is what AWS would
 * serve. Every call is checked against the policy {@code skyhop:policy} prints.
 */
class AwsVerifyRollbackIT {
  private static final String ROLE = "arn:aws:iam::123456789012:role/greet-runner";
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create(
              "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
  private static final String FAILED =
      "The deploy to aws does not work: hello (GET /hello/skyhop-smoke (Lambda Invoke of"
          + " greet-hello:live) answered 500). ";

  @TempDir Path dir;
  private final List<String> lines = new ArrayList<>();

  @BeforeEach
  void project() throws Exception {
    Files.copy(
        Path.of("src/test/resources/deploy/aws-releases/manifest.json"),
        dir.resolve("manifest.json"));
    Files.createDirectories(dir.resolve("aws"));
    Files.write(dir.resolve("aws/greet.zip"), "PK-greet-1.1".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aFunctionAnswering500TurnsTheDeployRedAndLiveReturnsToTheLastGoodVersion() throws Exception {
    try (AwsStubs aws = serve(500)) {
      assertThatThrownBy(
              () -> deployment().deployVerified(provider(), request(aws), Optional.empty()))
          .isInstanceOf(DeployVerificationException.class)
          .hasMessage(
              FAILED
                  + "Rolled back: live of greet-hello version 6 (was 7) serves again. Fix: correct"
                  + " the functions named and deploy again");

      assertThat(aws.unmatched()).isEmpty();
      assertThat(aliasMoves(aws)).containsExactly("live -> 7", "live -> 6");
      assertThat(aws.state("live")).isEqualTo("live on 6");
      assertThat(aws.state("last-good")).as("the last good version stays").isEqualTo("Started");
      assertCovered(aws);
    }
  }

  @Test
  void withRollbackFalseTheFailedVersionStaysUntilSkyhopRollbackMovesLiveBack() throws Exception {
    try (AwsStubs aws = serve(500)) {
      DeployRequest keepFailed = request(aws, Map.of("skyhop.rollback", "false"));
      assertThatThrownBy(
              () -> deployment().deployVerified(provider(), keepFailed, Optional.empty()))
          .hasMessage(
              FAILED
                  + "The failed version stays deployed (skyhop.rollback=false); 'mvn"
                  + " skyhop:rollback' returns to the last good one. Fix: correct the functions"
                  + " named and deploy again");
      assertThat(aws.state("live")).isEqualTo("live on 7");

      deployment().rollback(provider(), request(aws));

      assertThat(aws.state("live")).isEqualTo("live on 6");
      assertThat(aliasMoves(aws)).containsExactly("live -> 7", "live -> 6");
      assertThat(aws.unmatched()).isEmpty();
      assertCovered(aws);
    }
  }

  @Test
  void aVerifiedDeployBecomesTheLastGoodAndKeepsTheOneBeforeAsPrevious() throws Exception {
    try (AwsStubs aws = serve(200)) {
      deployment().deployVerified(provider(), request(aws), Optional.empty());

      assertThat(aliasMoves(aws)).containsExactly("live -> 7", "previous -> 6", "last-good -> 7");
      assertThat(aws.state("last-good")).isEqualTo("last good 7");
      assertThat(aws.state("previous")).isEqualTo("previous 6");
      assertThat(lines).contains("Verified: 1 functions active, HTTP functions answer");
      assertThat(aws.unmatched()).isEmpty();
      assertCovered(aws);
    }
  }

  @Test
  void verifyFalseSkipsTheSmokeCallOnly() throws Exception {
    try (AwsStubs aws = serve(500)) {
      deployment()
          .deployVerified(
              provider(), request(aws, Map.of("skyhop.verify", "false")), Optional.empty());

      assertThat(aws.calls()).noneMatch(c -> c.operation().equals("Invoke"));
      assertThat(aws.calls())
          .filteredOn(c -> c.operation().equals("GetFunctionConfiguration"))
          .anyMatch(c -> c.request().getUrl().endsWith("/configuration?Qualifier=live"));
      assertThat(lines)
          .contains("Verified: 1 functions active (smoke calls off: skyhop.verify=false)");
    }
  }

  // --- helpers

  private static AwsStubs serve(int status) {
    return AwsStubs.serve(
        "releases",
        Map.of("status", String.valueOf(status), "answer", "hello skyhop-smoke", "version", "7"));
  }

  private Deployment deployment() {
    return new Deployment(BuildListener.collecting(lines));
  }

  private DeployRequest request(AwsStubs aws) {
    return request(aws, Map.of());
  }

  private DeployRequest request(AwsStubs aws, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>();
    settings.put("skyhop.aws.endpoint", aws.endpoint());
    settings.put("skyhop.region", "us-east-1");
    settings.put("skyhop.aws.role", ROLE);
    settings.putAll(extra);
    return new DeployRequest(Target.named("aws"), "greet", dir, new Settings(settings), false);
  }

  /** Each CreateAlias and UpdateAlias, as {@code <alias> -> <version>}, in order. */
  private static List<String> aliasMoves(AwsStubs aws) {
    return aws.calls().stream()
        .filter(c -> c.operation().equals("UpdateAlias") || c.operation().equals("CreateAlias"))
        .map(
            c ->
                (c.operation().equals("CreateAlias")
                        ? c.body().get("Name").getAsString()
                        : c.request().getUrl().replaceAll(".*/aliases/", ""))
                    + " -> "
                    + c.body().get("FunctionVersion").getAsString())
        .toList();
  }

  private void assertCovered(AwsStubs aws) throws Exception {
    DeployRequest request = request(aws);
    String policy = new AwsDeployerPolicy().document(request);
    assertThat(
            AwsPolicyCoverage.covered(
                JsonParser.parseString(policy).getAsJsonObject(), aws.calls()))
        .contains("lambda:InvokeFunction", "lambda:UpdateAlias", "lambda:GetAlias");
  }

  /** The aws provider with the test's credentials and short waits. */
  private static TargetProvider provider() {
    Pacer quick =
        new Pacer(
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            Duration.ofSeconds(5),
            RetryPolicy.Sleeper.THREAD);
    AwsTargetProvider aws = new AwsTargetProvider();
    return new TargetProvider() {
      @Override
      public Target target() {
        return aws.target();
      }

      @Override
      public String adapterArtifact() {
        return aws.adapterArtifact();
      }

      @Override
      public TargetPackager packager() {
        return aws.packager();
      }

      @Override
      public Deployer deployer() {
        return new AwsDeployer(quick, quick, () -> CREDENTIALS);
      }

      @Override
      public Harness lab(LabContext lab) {
        throw new UnsupportedOperationException("not measured here");
      }

      @Override
      public Optional<DeployVerifier> verifier() {
        return Optional.of(new AwsVerifier(() -> CREDENTIALS, quick));
      }

      @Override
      public Optional<Releases> releases() {
        return Optional.of(new AwsReleases(() -> CREDENTIALS));
      }

      @Override
      public Optional<DeployerPolicy> deployerPolicy() {
        return aws.deployerPolicy();
      }
    };
  }
}
