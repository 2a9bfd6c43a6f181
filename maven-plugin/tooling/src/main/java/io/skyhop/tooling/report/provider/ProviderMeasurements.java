package io.skyhop.tooling.report.provider;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.cost.Profile;
import io.skyhop.tooling.deploy.DeployManifest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.deploy.aws.AwsSettings;
import io.skyhop.tooling.lab.LabFunction;
import io.skyhop.tooling.lab.Samples;
import io.skyhop.tooling.lab.aws.AwsHarness;
import io.skyhop.tooling.report.ColdStats;
import io.skyhop.tooling.report.Percentiles;
import io.skyhop.tooling.report.PlanCost;
import io.skyhop.tooling.report.Pricing;
import io.skyhop.tooling.report.ReportRequest;
import io.skyhop.tooling.report.Result;
import io.skyhop.tooling.report.Source;
import io.skyhop.tooling.report.WarmStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code skyhop.measure=N}: after a deploy (read from {@code target/skyhop/deploy-<target>.json}),
 * forces N cold starts of each deployed function on the provider and records what the provider
 * reports next to the local figures, with source {@code provider}. AWS: Lambda's own {@code REPORT}
 * ({@link LambdaColdStarts}). Google Cloud and Azure report no cold-start figure per invocation;
 * their deployments are listed with a note until a restart-and-time client is added for them.
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
   * @param results one result per deployed function and target
   * @param notes what could not be measured and why
   */
  public record Outcome(List<Result> results, List<String> notes) {}

  /** Measures every target of the request that has a deploy record. */
  public Outcome measure(ReportRequest request) throws IOException {
    List<Result> results = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int count = request.settings().measure();
    DeployManifest manifest = DeployManifest.read(request.skyhopDir());
    Map<String, DeployManifest.Function> byName =
        manifest.functions().stream()
            .collect(Collectors.toMap(DeployManifest.Function::name, Function.identity()));
    boolean any = false;
    for (Target target : request.settings().targets()) {
      Optional<DeployResult> record = DeployRecord.read(request.skyhopDir(), target.id());
      if (record.isEmpty()) {
        continue;
      }
      any = true;
      if (target == Target.AWS) {
        results.addAll(aws(request, record.get(), byName, count));
      } else {
        notes.add(
            target.id()
                + ": deployed, but forcing and timing cold starts there is not supported by this"
                + " version; its figures are the local lab's");
      }
    }
    if (!any) {
      throw new io.skyhop.tooling.ConfigurationException(
          "skyhop.measure",
          Integer.toString(count),
          "asks for cold starts on the provider, but no target of skyhop.targets was deployed"
              + " from this project (no target/skyhop/deploy-<target>.json). Fix: deploy first"
              + " (mvn deploy -Dskyhop.target=aws), or drop -Dskyhop.measure");
    }
    if (!results.isEmpty()) {
      notes.add(
          "provider figures (source \"provider\"): aws from Lambda's REPORT lines (Init Duration +"
              + " Duration of a cold start forced by an environment change; warm = the next"
              + " invocation's Duration), not client-side timings");
    }
    return new Outcome(results, notes);
  }

  private List<Result> aws(
      ReportRequest request,
      DeployResult record,
      Map<String, DeployManifest.Function> manifest,
      int count)
      throws IOException {
    AwsSettings settings = AwsSettings.of(request.app(), new Settings(request.values()));
    List<Result> results = new ArrayList<>();
    Samples samples = new Samples(Map.of());
    try (LambdaClient lambda = clients.lambda(settings)) {
      LambdaColdStarts coldStarts = new LambdaColdStarts(lambda, pause);
      for (DeployResult.Function deployed : record.functions()) {
        DeployManifest.Function f = manifest.get(deployed.name());
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
        samples.stream()
            .map(s -> s.cold().initDurationMs().orElse(0) + s.cold().durationMs())
            .toList();
    List<Double> init = samples.stream().map(s -> s.cold().initDurationMs().orElse(0)).toList();
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
    List<PlanCost> costs = pricing.costs("aws", profile);
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "Lambda billed %s ms cold and %s ms warm (medians of its Billed Duration); cold start as"
                + " the client waited, network included: %.0f ms (median)",
            median(samples.stream().map(s -> (double) s.cold().billedDurationMs()).toList()),
            median(samples.stream().map(s -> (double) s.warm().billedDurationMs()).toList()),
            Percentiles.of(
                samples.stream().map(LambdaColdStarts.Sample::coldClientMs).toList(), 50)));
    return new Result(
        "aws",
        "aws (Lambda, provider)",
        function.name(),
        function.triggerType(),
        Source.PROVIDER,
        Optional.of(ColdStats.of(cold)),
        Optional.of(ColdStats.of(init)),
        Optional.of(WarmStats.of(warm)),
        OptionalDouble.of(handler),
        memory,
        peak > 0 ? OptionalInt.of(peak) : OptionalInt.empty(),
        costs.get(0),
        costs.subList(1, costs.size()),
        pricing.model().table().stamp(),
        notes);
  }

  private static String median(List<Double> values) {
    return String.format(Locale.ROOT, "%.0f", Percentiles.of(values, 50));
  }
}
