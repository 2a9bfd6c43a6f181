package io.skyhop.tooling.report.provider;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.cloud.functions.v2.FunctionServiceClient;
import com.google.cloud.functions.v2.FunctionServiceSettings;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.deploy.gcp.GcpCredentials;
import io.skyhop.tooling.deploy.gcp.GcpSettings;
import io.skyhop.tooling.lab.LabFunction;
import io.skyhop.tooling.lab.Samples;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.report.ReportRequest;
import io.skyhop.tooling.report.Result;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code skyhop.measure} on Google Cloud: public HTTP functions timed client-side after a forced
 * new revision ({@link GcpColdStarts}).
 */
public final class GcpMeasurements implements CloudMeasurement {
  private final MeasurementContext context;

  /**
   * Measurements with the report's context.listener(), context.pricing(), clients and
   * context.pause().
   */
  public GcpMeasurements(MeasurementContext context) {
    this.context = context;
  }

  @Override
  public String note() {
    return "gcp (Cloud Functions, provider): Google reports no cold-start figure; cold start ="
        + " the first request after an environment change forced a new revision, timed"
        + " by the client (network included), warm = the next request";
  }

  @Override
  public List<Result> measure(
      ReportRequest request,
      DeployResult record,
      Map<String, Manifest.Function> manifest,
      int count,
      List<String> notes)
      throws IOException {
    GcpSettings settings = GcpSettings.of(new Settings(request.values()));
    List<Result> results = new ArrayList<>();
    Samples samples = new Samples(Map.of());
    try (FunctionServiceClient functions = gcpFunctions(settings)) {
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
        context
            .listener()
            .info("report: forcing " + count + " new revisions of Cloud Function " + name);
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
        context.pricing(), "gcp", "gcp (Cloud Functions, provider)", function, cold, warm, note);
  }

  /** A Cloud Functions v2 client over HTTP/JSON for the settings' endpoint; close it after use. */
  private FunctionServiceClient gcpFunctions(GcpSettings settings) throws IOException {
    GcpCredentials credentials =
        context.clients().credential(GcpCredentials.class, GcpCredentials::applicationDefault);
    FunctionServiceSettings.Builder builder =
        FunctionServiceSettings.newHttpJsonBuilder()
            .setCredentialsProvider(FixedCredentialsProvider.create(credentials.load()));
    settings.endpoint().ifPresent(builder::setEndpoint);
    return FunctionServiceClient.create(builder.build());
  }
}
