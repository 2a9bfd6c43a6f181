package io.skyhop.it.multi;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.MavenBuild;
import io.skyhop.it.Repo;
import io.skyhop.it.deploy.aws.AwsStubs;
import io.skyhop.it.deploy.azure.AzureStubs;
import io.skyhop.it.deploy.gcp.GcpCredentialFiles;
import io.skyhop.it.deploy.gcp.GcpStubs;
import io.skyhop.it.report.ReportFixtures;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.gcp.GcpCredentials;
import io.skyhop.tooling.lab.LabTools;
import io.skyhop.tooling.report.ReportRequest;
import io.skyhop.tooling.report.ReportSettings;
import io.skyhop.tooling.report.Reporter;
import io.skyhop.tooling.report.provider.ProviderClients;
import io.skyhop.tooling.report.provider.ProviderMeasurementException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@code mvn deploy -Dskyhop.targets=aws,gcp,azure}: one real Maven run of a copy of {@code
 * examples/orders} deploys to three providers' stubs at once, each through its official SDK: Google
 * and Azure accept everything (the deploy ITs' first-deploy stubs), AWS refuses to create the
 * execution role (scenario {@code deploy/aws/forbidden}: {@code CreateRole}, the first mutating
 * call, answers 403 {@code AccessDenied}). The other two deploy, print their URLs and write their
 * records; the summary lists all three in the order given; the build fails naming aws with its
 * first error line. Region and bound resources are given per target ({@code skyhop.<target>.…}).
 */
class MultiTargetIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(6);
  private static final Path MEASURE = Path.of("src/test/resources/report");

  @Test
  @Timeout(420)
  void threeTargetsAtOnceOneRefusedTheOthersDeployAndTheBuildFailsNamingIt() throws Exception {
    try (AwsStubs aws = AwsStubs.serve("forbidden", Map.of());
        GcpStubs gcp = new GcpStubs();
        AzureStubs azure = new AzureStubs()) {
      gcp.load(Map.of());
      azure.load(Map.of());
      MavenBuild build = project(gcp, azure);

      MavenBuild.Result r =
          build.run(
              TIMEOUT,
              "deploy",
              "-Dskyhop.targets=aws,gcp,azure",
              "-Dskyhop.aws.endpoint=" + aws.endpoint(),
              "-Dskyhop.aws.region=us-east-1",
              "-Dskyhop.gcp.endpoint=" + gcp.endpoint(),
              "-Dskyhop.gcp.project=demo",
              "-Dskyhop.gcp.region=europe-west1",
              "-Dskyhop.azure.endpoint=" + azure.endpoint(),
              "-Dskyhop.azure.blobEndpoint=" + azure.endpoint() + "/{account}",
              "-Dskyhop.azure.queueEndpoint=" + azure.endpoint() + "/{account}",
              "-Dskyhop.azure.subscription=3f2a1b7c-0000-4000-8000-00000000a2b1",
              "-Dskyhop.azure.resourceGroup=orders-rg",
              "-Dskyhop.azure.region=westeurope",
              "-Dskyhop.azure.resources.orders=orders",
              "-Dskyhop.azure.resources.uploads=uploads",
              "-DskipTests",
              "-Dspotless.apply.skip",
              "-Dmaven.install.skip=true",
              "-Dmaven.deploy.skip=true");

      assertThat(r.succeeded()).as("build red: " + r).isFalse();
      String out = r.output();
      String denied =
          "AWS call IAM CreateRole orders-skyhop-role failed: AccessDenied (HTTP 403): User:"
              + " arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:CreateRole"
              + " on resource: arn:aws:iam::123456789012:role/orders-skyhop-role because no"
              + " identity-based policy allows the iam:CreateRole action. Fix: give the identity"
              + " of the AWS default credential chain permission for this call (lambda:*,"
              + " iam:GetRole/CreateRole/AttachRolePolicy/PassRole/GetRolePolicy/PutRolePolicy,"
              + " events:*, sqs:* and s3:* on the app's queues and buckets,"
              + " secretsmanager:DescribeSecret on its secrets), then re-run";
      // the build fails naming the failed target with its first error line, and the others
      assertThat(r.lines())
          .containsSubsequence(
              "[ERROR] Failed to execute goal io.skyhop:skyhop-maven-plugin:"
                  + Repo.version()
                  + ":deploy (default) on project orders: skyhop:deploy failed on aws (1 of 3"
                  + " targets of skyhop.targets):",
              "[ERROR]   aws: " + denied,
              "[ERROR] Deployed: gcp, azure (URLs and records above). Fix: correct what failed,"
                  + " then deploy the failed targets again with -Dskyhop.targets=aws");
      // each target's lines prefixed as they come; the failure shown where it happened
      assertThat(r.lines())
          .contains(
              "[INFO] Deploying to aws, gcp, azure at once (skyhop.targets), lines prefixed",
              "[WARNING] [aws]   failed: " + denied)
          .anyMatch(l -> l.startsWith("[INFO] [gcp]   created   "))
          .anyMatch(l -> l.startsWith("[INFO] [azure] "));
      // the summary after all three ended, in the order given, URLs and records of the two
      Path skyhop = build.dir().resolve("target/skyhop");
      List<String> summary =
          r.lines().stream()
              .dropWhile(l -> !l.equals("[INFO] Deploy summary (skyhop.targets):"))
              .limit(16)
              .toList();
      assertThat(summary)
          .containsExactly(
              "[INFO] Deploy summary (skyhop.targets):",
              "[INFO]   aws    FAILED    " + denied,
              "[INFO]   gcp    deployed  6 functions, recorded in "
                  + skyhop.resolve("deploy-gcp.json"),
              "[INFO]                    get  https://orders-get-abc123-ew.a.run.app/orders/{id}",
              "[INFO]                    create-order "
                  + " https://orders-create-order-abc123-ew.a.run.app/orders",
              "[INFO]                    explode "
                  + " https://orders-explode-abc123-ew.a.run.app/orders/explode",
              "[INFO]                    nightly  Cloud Scheduler job orders-nightly (0 3 * * *"
                  + " UTC)",
              "[INFO]                    on-order  Pub/Sub topic projects/demo/topics/orders-orders",
              summary.get(8),
              "[INFO]   azure  deployed  6 functions, recorded in "
                  + skyhop.resolve("deploy-azure.json"),
              "[INFO]                    get  https://orders.azurewebsites.net/api/orders/{id}",
              "[INFO]                    create-order  https://orders.azurewebsites.net/api/orders",
              "[INFO]                    explode "
                  + " https://orders.azurewebsites.net/api/orders/explode",
              "[INFO]                    nightly  schedule 0 3 * * * (UTC)",
              summary.get(14),
              summary.get(15));
      assertThat(summary.get(8))
          .startsWith("[INFO]                    on-upload  Cloud Storage bucket orders-uploads-");
      assertThat(summary.get(14))
          .startsWith("[INFO]                    on-order  storage queue orders in orders");
      assertThat(skyhop.resolve("deploy-gcp.json")).exists();
      assertThat(skyhop.resolve("deploy-azure.json")).exists();
      assertThat(skyhop.resolve("deploy-aws.json")).doesNotExist();
      assertThat(aws.unmatched()).isEmpty();
      assertThat(azure.unmatched()).isEmpty();
      assertThat(out).doesNotContain("it-client-secret", "wJalrXUtnFEMI");
    }
  }

  /**
   * {@code skyhop:report -Dskyhop.targets=aws,gcp,azure -Dskyhop.measure=2} through the engine (the
   * provider clients and their real HTTP): gcp is measured against the stub of its API and function
   * ({@code report/measure-gcp}); aws was deployed but the Lambda stub refuses the first mutating
   * call of the measurement ({@code UpdateFunctionConfiguration}: 403 {@code
   * AccessDeniedException}); azure has no deploy record. The report is written with all three
   * columns, then the goal fails naming aws.
   */
  @Test
  @Timeout(120)
  void aMeasuredReportOfThreeTargetsShowsTheFailedOneAndFailsNamingIt() throws Exception {
    Path project = Path.of("target/it/multi-measure").toAbsolutePath();
    Path skyhop = project.resolve("target/skyhop");
    Path lambdaStubs = project.resolve("lambda-stubs");
    ReportFixtures.delete(project);
    ReportFixtures.copy(MEASURE.resolve("measure-aws/skyhop"), skyhop, Map.of());
    ReportFixtures.copy(MEASURE.resolve("measure-aws/stubs"), lambdaStubs, Map.of());
    Files.copy(
        Path.of("src/test/resources/multi/lambda-update-denied.json"),
        lambdaStubs.resolve("mappings/update-configuration.json"),
        StandardCopyOption.REPLACE_EXISTING);
    WireMockServer lambda = stub(lambdaStubs);
    WireMockServer google = stub(MEASURE.resolve("measure-gcp/stubs"));
    try {
      Files.writeString(
          skyhop.resolve("deploy-gcp.json"),
          Files.readString(MEASURE.resolve("measure-gcp/skyhop/deploy-gcp.json"))
              .replace("@port@", Integer.toString(google.port())));
      Map<String, String> values =
          Map.of(
              "skyhop.targets", "aws,gcp,azure",
              "skyhop.durationMs", "100",
              "skyhop.memoryMb", "512",
              "skyhop.measure", "2",
              "skyhop.aws.region", "us-east-1",
              "skyhop.aws.endpoint", "http://127.0.0.1:" + lambda.port(),
              "skyhop.gcp.region", "europe-west1",
              "skyhop.gcp.project", "demo",
              "skyhop.gcp.endpoint", "http://127.0.0.1:" + google.port());
      List<String> log = new ArrayList<>();
      GoogleCredentials token =
          GoogleCredentials.create(
              new AccessToken(
                  "ya29.skyhop-lab-token", new Date(System.currentTimeMillis() + 3_600_000)));
      Reporter reporter =
          new Reporter(
              BuildListener.collecting(log),
              () ->
                  ProviderClients.standard()
                      .with(
                          AwsCredentialsProvider.class,
                          StaticCredentialsProvider.create(
                              AwsBasicCredentials.create("AKIDSKYHOPLAB", "lab-secret")))
                      .with(GcpCredentials.class, GcpCredentials.of(token)),
              millis -> {});
      ReportRequest request =
          new ReportRequest(
              "orders",
              project,
              skyhop,
              ReportSettings.of(values, project),
              LabTools.withoutRuntimes(),
              values);

      assertThatThrownBy(() -> reporter.run(request))
          .isInstanceOf(ProviderMeasurementException.class)
          .hasMessageStartingWith(
              "skyhop.measure failed on aws (1 of 3 targets of skyhop.targets):\n  aws: FAILED: ")
          .hasMessageContaining(
              "not authorized to perform: lambda:UpdateFunctionConfiguration on resource:")
          .hasMessageEndingWith(
              "The other targets are in "
                  + skyhop.resolve("report.md")
                  + ". Fix: correct what failed, then measure again with -Dskyhop.targets=aws");

      assertThat(lambda.findAllUnmatchedRequests()).isEmpty();
      assertThat(google.findAllUnmatchedRequests()).isEmpty();
      String md = Files.readString(skyhop.resolve("report.md"));
      assertThat(md)
          .contains(
              "## Measured on the providers, side by side\n\n"
                  + "| target | aws | gcp | azure |\n"
                  + "|---|---|---|---|\n"
                  + "| status | FAILED: ")
          .contains(
              " | measured, 2 forced cold starts a function | not deployed from this project (no"
                  + " deploy record) |\n")
          .doesNotContain("| what-if:")
          .containsPattern("\\| get: cold p50, provider \\| - \\| [0-9.,]+ ms \\| - \\|");
      JsonObject report =
          JsonParser.parseString(Files.readString(skyhop.resolve("report.json"))).getAsJsonObject();
      assertThat(
              report.getAsJsonArray("results").asList().stream()
                  .map(JsonElement::getAsJsonObject)
                  .filter(r -> r.get("source").getAsString().equals("provider"))
                  .map(r -> r.get("target").getAsString() + " " + r.get("function").getAsString()))
          .containsExactly("gcp get");
      assertThat(log).anyMatch(l -> l.startsWith("WARNING aws: FAILED: "));
    } finally {
      lambda.stop();
      google.stop();
    }
  }

  private static WireMockServer stub(Path root) {
    WireMockServer server =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .usingFilesUnderDirectory(root.toString()));
    server.start();
    return server;
  }

  /** A copy of examples/orders that binds skyhop:deploy, with each provider's credentials. */
  private static MavenBuild project(GcpStubs gcp, AzureStubs azure) throws Exception {
    MavenBuild build = MavenBuild.copy(Repo.root().resolve("examples/orders"), "multi-deploy");
    Path pom = build.dir().resolve("pom.xml");
    String text = Files.readString(pom);
    if (!text.contains("<goal>deploy</goal>")) {
      Files.writeString(
          pom, text.replace("<goal>package</goal>", "<goal>package</goal>\n<goal>deploy</goal>"));
    }
    Path gcloud =
        GcpCredentialFiles.gcloudConfig(
            build.dir().resolveSibling("multi-deploy-credentials"), gcp.endpoint() + "/token");
    return build
        .env("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
        .env("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", "/nonexistent/aws-config")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials")
        .env("CLOUDSDK_CONFIG", gcloud.toString())
        .env("AZURE_CLIENT_ID", "0c6b2f1e-0000-4000-8000-0000000000c1")
        .env("AZURE_CLIENT_SECRET", "it-client-secret-Xq8~never-logged")
        .env("AZURE_TENANT_ID", "72f988bf-0000-4000-8000-0000000000aa")
        .env("AZURE_AUTHORITY_HOST", azure.endpoint())
        .env("MAVEN_OPTS", azure.mavenOpts());
  }
}
