package io.skyhop.tooling.report.provider;

import io.skyhop.tooling.cost.Profile;
import io.skyhop.tooling.cost.aws.LambdaReport;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.deploy.aws.AwsSettings;
import io.skyhop.tooling.lab.LabFunction;
import io.skyhop.tooling.lab.Samples;
import io.skyhop.tooling.lab.aws.AwsHarness;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.report.ColdStats;
import io.skyhop.tooling.report.Percentiles;
import io.skyhop.tooling.report.ReportRequest;
import io.skyhop.tooling.report.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** {@code skyhop.measure} on AWS: Lambda's own {@code REPORT} lines ({@link LambdaColdStarts}). */
public final class LambdaMeasurements implements CloudMeasurement {
  private final MeasurementContext context;

  /**
   * Measurements with the report's context.listener(), context.pricing(), clients and
   * context.pause().
   */
  public LambdaMeasurements(MeasurementContext context) {
    this.context = context;
  }

  @Override
  public String note() {
    return "aws (Lambda, provider): Lambda's REPORT lines; cold start = Init (or SnapStart"
        + " Restore) Duration + Duration of an invocation after an environment change forced a new"
        + " execution environment, warm = the next invocation's Duration";
  }

  @Override
  public List<Result> measure(
      ReportRequest request,
      DeployResult record,
      Map<String, Manifest.Function> manifest,
      int count,
      List<String> notes)
      throws IOException {
    AwsSettings settings = AwsSettings.of(request.app(), new Settings(request.values()));
    List<Result> results = new ArrayList<>();
    Samples samples = new Samples(Map.of());
    try (LambdaClient lambda = lambda(settings)) {
      LambdaColdStarts coldStarts = new LambdaColdStarts(lambda, context.pause());
      for (DeployResult.Function deployed : record.functions()) {
        Manifest.Function f = manifest.get(deployed.name());
        if (f == null) {
          continue;
        }
        LabFunction function = new LabFunction(request.app(), f);
        String name =
            deployed.resource() != null ? deployed.resource() : settings.functionName(f.name());
        context
            .listener()
            .info("report: forcing " + count + " cold starts of Lambda function " + name);
        byte[] event =
            Samples.render(AwsHarness.eventTemplate(function), samples.values(function))
                .getBytes(StandardCharsets.UTF_8);
        try {
          results.add(awsResult(function, coldStarts.measure(name, event, count)));
        } catch (SdkException | IllegalStateException e) {
          throw new IOException("aws: measuring " + name + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while measuring " + name, e);
        }
      }
    }
    return results;
  }

  private Result awsResult(LabFunction function, List<LambdaColdStarts.Sample> samples) {
    List<Double> cold =
        samples.stream().map(s -> startup(s.cold()) + s.cold().durationMs()).toList();
    List<Double> init = samples.stream().map(s -> startup(s.cold())).toList();
    List<Double> warm = samples.stream().map(s -> s.warm().durationMs()).toList();
    int memory = samples.get(0).cold().memorySizeMb();
    int peak =
        samples.stream()
            .mapToInt(s -> Math.max(s.cold().maxMemoryUsedMb(), s.warm().maxMemoryUsedMb()))
            .max()
            .orElse(0);
    double handler = Percentiles.of(warm, 50);
    Profile profile =
        context
            .pricing()
            .profile(memory, handler, Percentiles.of(init, 50), OptionalInt.of(Math.max(1, peak)));
    String note =
        String.format(
            Locale.ROOT,
            "Lambda billed %.0f ms cold and %.0f ms warm (medians of its Billed Duration); cold"
                + " start as the client waited, network included: %.0f ms (median)",
            Percentiles.of(
                samples.stream().map(s -> (double) s.cold().billedDurationMs()).toList(), 50),
            Percentiles.of(
                samples.stream().map(s -> (double) s.warm().billedDurationMs()).toList(), 50),
            Percentiles.of(
                samples.stream().map(LambdaColdStarts.Sample::coldClientMs).toList(), 50));
    return ProviderResult.of(
        context.pricing(),
        "aws",
        "aws (Lambda, provider)",
        function,
        cold,
        Optional.of(ColdStats.of(init)),
        warm,
        memory,
        peak > 0 ? OptionalInt.of(peak) : OptionalInt.empty(),
        profile,
        note);
  }

  /** A cold start's Init Duration, or its Restore Duration on SnapStart. */
  private static double startup(LambdaReport report) {
    return report.initDurationMs().orElse(report.restoreDurationMs().orElse(0));
  }

  /** A Lambda client for the settings' region and endpoint; close it after use. */
  private LambdaClient lambda(AwsSettings settings) {
    var builder =
        LambdaClient.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(
                context
                    .clients()
                    .credential(
                        AwsCredentialsProvider.class,
                        () -> DefaultCredentialsProvider.builder().build()))
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofMinutes(15))
                    .build())
            .overrideConfiguration(
                ClientOverrideConfiguration.builder()
                    .apiCallTimeout(Duration.ofMinutes(16))
                    .build());
    settings.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
