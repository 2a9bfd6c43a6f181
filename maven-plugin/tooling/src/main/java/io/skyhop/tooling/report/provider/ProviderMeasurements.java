package io.skyhop.tooling.report.provider;

import com.google.cloud.functions.v2.FunctionServiceClient;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.cost.LambdaReport;
import io.skyhop.tooling.cost.Profile;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.deploy.aws.AwsSettings;
import io.skyhop.tooling.deploy.gcp.GcpSettings;
import io.skyhop.tooling.lab.LabFunction;
import io.skyhop.tooling.lab.Samples;
import io.skyhop.tooling.lab.aws.AwsHarness;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.report.ColdStats;
import io.skyhop.tooling.report.Percentiles;
import io.skyhop.tooling.report.Pricing;
import io.skyhop.tooling.report.ReportRequest;
import io.skyhop.tooling.report.Result;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code skyhop.measure=N}: after a deploy (read from {@code target/skyhop/deploy-<target>.json}),
 * forces N cold starts of each deployed function on the provider and records what it finds next to
 * the local figures, with source {@code provider}. AWS: Lambda's own {@code REPORT} ({@link
 * LambdaColdStarts}). Google Cloud and Azure report no cold-start figure per invocation: HTTP
 * functions are timed client-side, first request after a forced new revision ({@link
 * GcpColdStarts}, public functions) or a restart of the function app ({@link AzureColdStarts});
 * their other functions are listed in the notes as not measured.
 */
public final class ProviderMeasurements {
  private final BuildListener listener;
  private final Pricing pricing;
  private final ProviderClients clients;
  private final Pause pause;

  /**
   * Measurements reporting progress to {@code listener}.
   *
   * @param clients how provider clients are created
   * @param pause how to wait between polls
   */
  public ProviderMeasurements(
      BuildListener listener, Pricing pricing, ProviderClients clients, Pause pause) {
    this.listener = listener;
    this.pricing = pricing;
    this.clients = clients;
    this.pause = pause;
  }

  /**
   * What was measured.
   *
   * @param results one result per measured function and target
   * @param notes how the figures were taken, and what could not be measured and why
   */
  public record Outcome(List<Result> results, List<String> notes) {}

  /**
   * Measures every target of the request that has a deploy record.
   *
   * @throws ConfigurationException when no target of the request was deployed from this project
   */
  public Outcome measure(ReportRequest request) throws IOException {
    List<Result> results = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int count = request.settings().measure();
    Manifest manifest = ManifestFile.read(request.skyhopDir());
    Map<String, Manifest.Function> byName =
        manifest.functions().stream()
            .collect(Collectors.toMap(Manifest.Function::name, Function.identity()));
    boolean any = false;
    for (Target target : request.settings().targets()) {
      Optional<DeployResult> record =
          DeployRecord.read(
              request.skyhopDir(),
              target.id(),
              new Naming(request.app(), Optional.ofNullable(request.values().get(Naming.STAGE))));
      if (record.isEmpty()) {
        continue;
      }
      any = true;
      switch (target) {
        case AWS -> {
          results.addAll(aws(request, record.get(), byName, count));
          notes.add(
              "aws (Lambda, provider): Lambda's REPORT lines; cold start = Init (or SnapStart"
                  + " Restore) Duration + Duration of an invocation after an environment change forced a new"
                  + " execution environment, warm = the next invocation's Duration");
        }
        case GCP -> {
          results.addAll(gcp(request, record.get(), byName, count, notes));
          notes.add(
              "gcp (Cloud Functions, provider): Google reports no cold-start figure; cold start ="
                  + " the first request after an environment change forced a new revision, timed"
                  + " by the client (network included), warm = the next request");
        }
        case AZURE -> {
          results.addAll(
              new AzureMeasurements(listener, pricing, clients, pause)
                  .measure(request, record.get(), byName, count, notes));
          notes.add(AzureMeasurements.NOTE);
        }
        default ->
            notes.add(
                target.id()
                    + ": deployed, but this version cannot force and time cold starts there; its"
                    + " figures are the local lab's");
      }
    }
    if (!any) {
      throw new ConfigurationException(
          "skyhop.measure",
          Integer.toString(count),
          "asks for cold starts on the provider, but no target of skyhop.targets was deployed"
              + " from this project (no target/skyhop/deploy-<target>.json). Fix: deploy first"
              + " (mvn deploy -Dskyhop.target=aws), or drop -Dskyhop.measure");
    }
    return new Outcome(results, notes);
  }

  private List<Result> aws(
      ReportRequest request,
      DeployResult record,
      Map<String, Manifest.Function> manifest,
      int count)
      throws IOException {
    AwsSettings settings = AwsSettings.of(request.app(), new Settings(request.values()));
    List<Result> results = new ArrayList<>();
    Samples samples = new Samples(Map.of());
    try (LambdaClient lambda = clients.lambda(settings)) {
      LambdaColdStarts coldStarts = new LambdaColdStarts(lambda, pause);
      for (DeployResult.Function deployed : record.functions()) {
        Manifest.Function f = manifest.get(deployed.name());
        if (f == null) {
          continue;
        }
        LabFunction function = new LabFunction(request.app(), f);
        String name =
            deployed.resource() != null ? deployed.resource() : settings.functionName(f.name());
        listener.info("report: forcing " + count + " cold starts of Lambda function " + name);
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
        pricing.profile(
            memory, handler, Percentiles.of(init, 50), OptionalInt.of(Math.max(1, peak)));
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
        pricing,
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

  private List<Result> gcp(
      ReportRequest request,
      DeployResult record,
      Map<String, Manifest.Function> manifest,
      int count,
      List<String> notes)
      throws IOException {
    GcpSettings settings = GcpSettings.of(new Settings(request.values()));
    List<Result> results = new ArrayList<>();
    Samples samples = new Samples(Map.of());
    try (FunctionServiceClient functions = clients.gcpFunctions(settings)) {
      GcpColdStarts coldStarts = new GcpColdStarts(functions);
      for (DeployResult.Function deployed : record.functions()) {
        Manifest.Function f = manifest.get(deployed.name());
        if (f == null) {
          continue;
        }
        LabFunction function = new LabFunction(request.app(), f);
        boolean isPublic =
            deployed.details() != null && Boolean.TRUE.equals(deployed.details().get("public"));
        if (!"http".equals(f.triggerType())
            || !isPublic
            || !deployed.endpoint().startsWith("http")) {
          notes.add(
              "gcp, "
                  + f.name()
                  + ": not measured on the provider (only public HTTP functions can be called"
                  + " from here without their trigger's service)");
          continue;
        }
        String name = settings.parent() + "/functions/" + deployed.resource();
        URI url = URI.create(deployed.endpoint().replaceAll("\\{[^}]*}", "lab-1"));
        listener.info("report: forcing " + count + " new revisions of Cloud Function " + name);
        try {
          List<GcpColdStarts.Sample> taken =
              coldStarts.measure(
                  name, url, samples.method(function), samples.body(function), count);
          results.add(gcpResult(function, taken));
        } catch (com.google.api.gax.rpc.ApiException e) {
          throw new IOException("gcp: measuring " + name + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while measuring " + name, e);
        }
      }
    }
    return results;
  }

  private Result gcpResult(LabFunction function, List<GcpColdStarts.Sample> samples) {
    List<Double> cold = samples.stream().map(GcpColdStarts.Sample::coldMs).toList();
    List<Double> warm = samples.stream().map(GcpColdStarts.Sample::warmMs).toList();
    String note =
        "first-request statuses: "
            + samples.stream().map(s -> Integer.toString(s.status())).distinct().toList()
            + "; billed time priced from the client-side warm latency";
    return ProviderResult.clientTimed(
        pricing, "gcp", "gcp (Cloud Functions, provider)", function, cold, warm, note);
  }
}
