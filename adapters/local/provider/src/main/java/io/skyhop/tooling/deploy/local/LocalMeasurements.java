package io.skyhop.tooling.deploy.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.invoke.HttpCalls;
import io.skyhop.tooling.invoke.Invocation;
import io.skyhop.tooling.lab.LabFunction;
import io.skyhop.tooling.lab.Samples;
import io.skyhop.tooling.local.LocalRuntimeClient;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.report.ColdStats;
import io.skyhop.tooling.report.Percentiles;
import io.skyhop.tooling.report.ReportRequest;
import io.skyhop.tooling.report.Result;
import io.skyhop.tooling.report.provider.CloudMeasurement;
import io.skyhop.tooling.report.provider.MeasurementContext;
import io.skyhop.tooling.report.provider.ProviderResult;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code skyhop.measure} on the in-house runtime: the app's bundle deployed again (same bytes, a
 * new version, so no instance is warm), then each HTTP function's first request timed by the client
 * and its instance start read from the runtime's metering ({@code initDurationMs} of the
 * invocation), then one warm request.
 */
final class LocalMeasurements implements CloudMeasurement {
  private final MeasurementContext context;

  LocalMeasurements(MeasurementContext context) {
    this.context = context;
  }

  @Override
  public String note() {
    return "local (in-house runtime, provider): cold start = the first request after the app's"
        + " bundle was deployed again, timed by the client; init = the instance start the"
        + " runtime metered; warm = the next request";
  }

  @Override
  public List<Result> measure(
      ReportRequest report,
      DeployResult record,
      Map<String, Manifest.Function> manifest,
      int count,
      List<String> notes)
      throws IOException {
    DeployRequest request =
        new DeployRequest(
            Target.named("local"),
            report.app(),
            report.skyhopDir(),
            new Settings(report.values()),
            false);
    LocalDeployer deployer = new LocalDeployer();
    List<Result> results = new ArrayList<>();
    Samples samples = new Samples(Map.of());
    try {
      LocalRuntimeClient client = LocalDeployer.connect(request, context.listener(), false);
      String app = request.naming().cluster().app();
      for (DeployResult.Function deployed : record.functions()) {
        Manifest.Function f = manifest.get(deployed.name());
        if (f == null) {
          continue;
        }
        if (!"http".equals(f.triggerType())) {
          notes.add(
              "local, " + f.name() + ": not measured on the runtime (only HTTP functions are)");
          continue;
        }
        LabFunction function = new LabFunction(report.app(), f);
        List<Double> cold = new ArrayList<>();
        List<Double> init = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        context
            .listener()
            .info("report: deploying " + app + " again " + count + " times to time cold starts");
        for (int i = 0; i < count; i++) {
          deployer.deploy(request, context.listener());
          LocalRuntimeClient.DeployedFunction live =
              client.app(app).flatMap(a -> a.function(f.name())).orElseThrow();
          Map<String, String> headers =
              live.key() == null ? Map.of() : Map.of("x-functions-key", live.key());
          String url = live.url().replaceAll("\\{[^}/]+}", "lab-1");
          Invocation first =
              HttpCalls.send(
                  samples.method(function), url, headers, samples.body(function), "measure");
          cold.add(first.duration().toNanos() / 1e6);
          lastInit(client, app, f.name()).ifPresent(init::add);
          Invocation next =
              HttpCalls.send(
                  samples.method(function), url, headers, samples.body(function), "measure");
          warm.add(next.duration().toNanos() / 1e6);
        }
        double initMedian = init.isEmpty() ? 0 : Percentiles.of(init, 50);
        results.add(
            ProviderResult.of(
                context.pricing(),
                "local",
                "local (in-house runtime, provider)",
                function,
                cold,
                init.isEmpty() ? Optional.empty() : Optional.of(ColdStats.of(init)),
                warm,
                f.memoryMb(),
                OptionalInt.empty(),
                context
                    .pricing()
                    .profile(
                        f.memoryMb(), Percentiles.of(warm, 50), initMedian, OptionalInt.empty()),
                "instance starts metered by the runtime: " + init.size() + " of " + count));
      }
    } catch (IOException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while measuring on the in-house runtime", e);
    } catch (Exception e) {
      throw new IOException("local: measuring failed: " + e.getMessage(), e);
    }
    return results;
  }

  /**
   * The {@code initDurationMs} of the function's latest invocation, when it started an instance.
   */
  private static Optional<Double> lastInit(LocalRuntimeClient client, String app, String function) {
    JsonObject answer =
        client.adminGet(
            "/_skyhop/invocations?app="
                + URLEncoder.encode(app, StandardCharsets.UTF_8)
                + "&function="
                + URLEncoder.encode(function, StandardCharsets.UTF_8)
                + "&limit=1");
    JsonArray list = answer.getAsJsonArray("invocations");
    if (list == null || list.isEmpty()) {
      return Optional.empty();
    }
    JsonElement init = list.get(0).getAsJsonObject().get("initDurationMs");
    return init == null || init.isJsonNull() ? Optional.empty() : Optional.of(init.getAsDouble());
  }
}
