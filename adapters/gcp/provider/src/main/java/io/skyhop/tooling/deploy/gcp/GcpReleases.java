package io.skyhop.tooling.deploy.gcp;

import com.google.cloud.functions.v2.Function;
import com.google.cloud.run.v2.Service;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.verify.Releases;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cloud Run revisions as Google Cloud's previous versions: after a deploy verifies, the revision
 * each function's service serves is written to the service's {@value RunServices#GOOD} annotation
 * (on Google's side, so any machine can roll back); to roll back, each function of the app and
 * stage (labelled as Skyhop's) gets 100 % of its traffic routed to that revision. A function
 * without a kept revision (new in the failed deploy) stays as it is and is named.
 */
public final class GcpReleases implements Releases {
  private final GcpCredentials credentials;
  private final GcpDeployer.Timing timing;

  /** Releases with application-default credentials. */
  public GcpReleases() {
    this(GcpCredentials.applicationDefault(), GcpDeployer.Timing.standard());
  }

  GcpReleases(GcpCredentials credentials, GcpDeployer.Timing timing) {
    this.credentials = credentials;
    this.timing = timing;
  }

  @Override
  public void keep(DeployRequest request, DeployResult result, BuildListener listener) {
    GcpSettings gcp = GcpSettings.of(request.settings());
    try (GcpClients clients = new GcpClients(credentials.load(), gcp.endpoint())) {
      RunServices services = services(clients, listener);
      for (DeployResult.Function f : result.functions()) {
        Object name = f.details() == null ? null : f.details().get("service");
        if (name == null || name.toString().isEmpty()) {
          continue;
        }
        Optional<Service> service = services.get(name.toString());
        if (service.isEmpty()) {
          continue;
        }
        String serving = RunServices.serving(service.get());
        if (!serving.equals(service.get().getAnnotationsOrDefault(RunServices.GOOD, ""))) {
          services.keep(service.get(), serving);
          listener.info("gcp: " + f.resource() + " keeps revision " + serving + " as good");
        }
      }
    }
  }

  @Override
  public Optional<String> restore(DeployRequest request, BuildListener listener) {
    GcpSettings gcp = GcpSettings.of(request.settings());
    List<String> restored = new ArrayList<>();
    try (GcpClients clients = new GcpClients(credentials.load(), gcp.endpoint())) {
      GcpApi api = new GcpApi(clients, timing.calls().apply(listener), timing.polling());
      RunServices services = services(clients, listener);
      for (Function f : new GcpOwned(api, gcp, request.naming(), listener).functions()) {
        String id = GcpApi.shortName(f.getName());
        Optional<Service> service =
            f.getServiceConfig().getService().isEmpty()
                ? Optional.empty()
                : services.get(f.getServiceConfig().getService());
        String good = service.map(s -> s.getAnnotationsOrDefault(RunServices.GOOD, "")).orElse("");
        if (good.isEmpty()) {
          listener.warn(
              "gcp: "
                  + id
                  + " has no revision that verified (no "
                  + RunServices.GOOD
                  + " annotation on its Cloud Run service); it stays as it is");
          continue;
        }
        if (!RunServices.serving(service.get()).equals(good)) {
          services.route(service.get(), good);
          listener.info("gcp: " + id + ": 100 % of traffic to revision " + good);
        }
        restored.add(id + " on " + good);
      }
    }
    return restored.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", restored));
  }

  private RunServices services(GcpClients clients, BuildListener listener) {
    return new RunServices(clients, timing.calls().apply(listener), timing.polling().total());
  }
}
