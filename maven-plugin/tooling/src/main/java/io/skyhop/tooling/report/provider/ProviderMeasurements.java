package io.skyhop.tooling.report.provider;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.TargetScopedSettings;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.report.Pricing;
import io.skyhop.tooling.report.ReportRequest;
import io.skyhop.tooling.report.Result;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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
   * @param targets what became of each target of {@code skyhop.targets}, in that order
   */
  public record Outcome(List<Result> results, List<String> notes, List<TargetStatus> targets) {
    /** An outcome without per-target statuses. */
    public Outcome(List<Result> results, List<String> notes) {
      this(results, notes, List.of());
    }

    /** The targets whose measurement failed. */
    public List<TargetStatus> failed() {
      return targets.stream().filter(TargetStatus::failed).toList();
    }
  }

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
    List<TargetStatus> statuses = new ArrayList<>();
    for (Target target : request.settings().targets()) {
      Optional<DeployResult> record =
          DeployRecord.read(
              request.skyhopDir(),
              target.id(),
              new Naming(request.app(), Optional.ofNullable(request.values().get(Naming.STAGE))));
      if (record.isEmpty()) {
        statuses.add(TargetStatus.notDeployed(target.id()));
        continue;
      }
      any = true;
      Optional<CloudMeasurement> cloud =
          TargetProviders.of(target)
              .cloudMeasurement(new MeasurementContext(listener, pricing, clients, pause));
      if (cloud.isPresent()) {
        statuses.add(measure(cloud.get(), target, request, record.get(), byName, results, notes));
      } else {
        statuses.add(TargetStatus.notMeasurable(target.id()));
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
              + " (mvn deploy -Dskyhop.target="
              + request.settings().targets().get(0).id()
              + "), or drop -Dskyhop.measure");
    }
    return new Outcome(results, notes, statuses);
  }

  /**
   * Measures one target; a failure is that target's alone: its status carries the reason, and the
   * other targets are measured still.
   */
  private TargetStatus measure(
      CloudMeasurement cloud,
      Target target,
      ReportRequest request,
      DeployResult record,
      Map<String, Manifest.Function> byName,
      List<Result> results,
      List<String> notes) {
    int count = request.settings().measure();
    // skyhop.<target>.region over skyhop.region: several clouds measured in one run
    ReportRequest scoped =
        new ReportRequest(
            request.app(),
            request.projectDir(),
            request.skyhopDir(),
            request.settings(),
            request.tools(),
            TargetScopedSettings.forTarget(request.values(), target));
    try {
      results.addAll(cloud.measure(scoped, record, byName, count, notes));
      notes.add(cloud.note());
      return TargetStatus.measured(target.id(), count);
    } catch (IOException | RuntimeException e) {
      TargetStatus failed = TargetStatus.failed(target.id(), e);
      listener.warn(target.id() + ": " + failed.text());
      notes.add(target.id() + ": " + failed.text());
      return failed;
    }
  }
}
