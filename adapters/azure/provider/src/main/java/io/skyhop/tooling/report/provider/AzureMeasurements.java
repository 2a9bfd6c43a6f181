package io.skyhop.tooling.report.provider;

import com.azure.core.credential.TokenCredential;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.deploy.azure.AzureDeployException;
import io.skyhop.tooling.deploy.azure.AzureManagement;
import io.skyhop.tooling.deploy.azure.AzureSettings;
import io.skyhop.tooling.lab.LabFunction;
import io.skyhop.tooling.lab.Samples;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.azure.AzureEntry;
import io.skyhop.tooling.report.Pricing;
import io.skyhop.tooling.report.ReportRequest;
import io.skyhop.tooling.report.Result;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code skyhop.measure} on Azure: the HTTP functions of the function app recorded in {@code
 * deploy-azure.json} are timed client-side after forced restarts ({@link AzureColdStarts}), with a
 * function key for {@code FUNCTION} auth; timer, queue and blob functions are listed in the notes
 * as not measured (they cannot be called from here without their trigger's service).
 */
public final class AzureMeasurements implements CloudMeasurement {
  /** The label of Azure's provider-measured rows. */
  static final String LABEL = "azure (Functions, provider)";

  /** How the figures were taken, for the report's notes. */
  static final String NOTE =
      LABEL
          + ": Azure reports no cold-start figure; cold start = the first request after a restart"
          + " of the function app (ARM restart, synchronous) recycled its instances, timed by the"
          + " client (network included) and counted only when the Functions host that answered had"
          + " started after the restart (admin/host/status processUptime); warm = the next request";

  private final BuildListener listener;
  private final Pricing pricing;
  private final ProviderClients clients;
  private final Pause pause;

  /** Measurements with the report's listener, pricing, clients and pause. */
  public AzureMeasurements(MeasurementContext context) {
    this(context.listener(), context.pricing(), context.clients(), context.pause());
  }

  AzureMeasurements(BuildListener listener, Pricing pricing, ProviderClients clients, Pause pause) {
    this.listener = listener;
    this.pricing = pricing;
    this.clients = clients;
    this.pause = pause;
  }

  @Override
  public String note() {
    return NOTE;
  }

  /**
   * Measures the recorded app's HTTP functions.
   *
   * @param notes receives one line per function not measured
   */
  @Override
  public List<Result> measure(
      ReportRequest request,
      DeployResult record,
      Map<String, Manifest.Function> manifest,
      int count,
      List<String> notes)
      throws IOException {
    AzureSettings settings = AzureSettings.of(new Settings(request.values()), request.app());
    checkSameApp(record, settings);
    Map<Manifest.Function, URI> http = new LinkedHashMap<>();
    for (DeployResult.Function deployed : record.functions()) {
      Manifest.Function f = manifest.get(deployed.name());
      if (f == null) {
        continue;
      }
      if ("http".equals(f.triggerType()) && deployed.endpoint().startsWith("http")) {
        http.put(f, URI.create(deployed.endpoint().replaceAll("\\{[^}]*}", "lab-1")));
      } else {
        notes.add(
            "azure, "
                + f.name()
                + ": not measured on the provider (only HTTP functions can be called from here"
                + " without their trigger's service)");
      }
    }
    if (http.isEmpty()) {
      return List.of();
    }
    AzureManagement azure =
        AzureManagement.connect(
            settings,
            clients.credential(TokenCredential.class, AzureManagement::defaultCredential),
            listener);
    AzureColdStarts coldStarts = new AzureColdStarts(azure, pause);
    List<Result> results = new ArrayList<>();
    for (Map.Entry<Manifest.Function, URI> e : http.entrySet()) {
      results.add(measure(request.app(), azure, coldStarts, e.getKey(), e.getValue(), count));
    }
    return results;
  }

  private Result measure(
      String app,
      AzureManagement azure,
      AzureColdStarts coldStarts,
      Manifest.Function f,
      URI url,
      int count)
      throws IOException {
    LabFunction function = new LabFunction(app, f);
    String name = String.valueOf(f.target("azure", AzureEntry.class).functionName());
    listener.info(
        "report: forcing "
            + count
            + " restarts of Azure function app "
            + azure.functionApp()
            + " to time "
            + name);
    Samples samples = new Samples(Map.of());
    try {
      Optional<String> key =
          f.trigger().functionKey() ? Optional.of(azure.functionKey(name)) : Optional.empty();
      AzureColdStarts.Call call =
          new AzureColdStarts.Call(url, samples.method(function), samples.body(function), key);
      return result(function, coldStarts.measure(call, count));
    } catch (AzureDeployException | IllegalStateException e) {
      throw new IOException("azure: measuring " + name + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while measuring " + name, e);
    }
  }

  /** The settings must name the function app the record is about: it is the one restarted. */
  private static void checkSameApp(DeployResult record, AzureSettings settings) {
    Object recorded = record.details() == null ? null : record.details().get("functionApp");
    if (recorded != null && !recorded.toString().equals(settings.functionApp())) {
      throw new ConfigurationException(
          AzureSettings.FUNCTION_APP,
          settings.functionApp(),
          "is not the function app of the last deploy ("
              + recorded
              + ", in deploy-azure.json). Fix: measure with -D"
              + AzureSettings.FUNCTION_APP
              + "="
              + recorded
              + ", or deploy again");
    }
  }

  private Result result(LabFunction function, List<AzureColdStarts.Sample> samples) {
    List<Double> cold = samples.stream().map(AzureColdStarts.Sample::coldMs).toList();
    List<Double> warm = samples.stream().map(AzureColdStarts.Sample::warmMs).toList();
    String note =
        String.format(
            Locale.ROOT,
            "first-request statuses: %s; %d restarts for %d samples, each answered by a Functions"
                + " host started after its restart (processUptime at most %d ms); billed time"
                + " priced from the client-side warm latency",
            samples.stream().map(s -> Integer.toString(s.status())).distinct().toList(),
            samples.stream().mapToInt(AzureColdStarts.Sample::restarts).sum(),
            samples.size(),
            samples.stream().mapToLong(AzureColdStarts.Sample::hostUptimeMs).max().orElse(0));
    return ProviderResult.clientTimed(pricing, "azure", LABEL, function, cold, warm, note);
  }
}
