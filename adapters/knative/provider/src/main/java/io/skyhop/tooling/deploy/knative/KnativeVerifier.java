package io.skyhop.tooling.deploy.knative;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.verify.DeployVerifier;
import io.skyhop.tooling.verify.SmokeCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a knative deploy: each function's Knative Service has {@code Ready=True} and its latest
 * revision ready, each schedule's CronJob exists and is not suspended, each queue function's
 * Trigger exists (and is not {@code Ready=False}); each HTTP function answers its smoke request at
 * the Service's URL, with its key from the Secret of function keys when it is {@code Auth.FUNCTION}
 * (as {@code skyhop:invoke -Dskyhop.remote=true}).
 */
final class KnativeVerifier implements DeployVerifier {
  @Override
  public List<Failure> verify(
      DeployRequest request, DeployResult result, boolean smoke, BuildListener listener)
      throws Exception {
    Manifest manifest = ManifestFile.read(request.skyhopDir());
    Map<String, Manifest.Function> byName = new LinkedHashMap<>();
    manifest.functions().forEach(f -> byName.put(f.name(), f));
    List<Failure> failures = new ArrayList<>();
    try (Cluster cluster = Cluster.connect(KnativeSettings.of(request.settings()))) {
      KnativeRemote remote = new KnativeRemote(cluster, request.naming());
      for (DeployResult.Function d : result.functions()) {
        Manifest.Function f = byName.get(d.name());
        Map<String, Object> details = d.details() == null ? Map.of() : d.details();
        Optional<String> problem = Optional.empty();
        if (details.get("service") instanceof String service) {
          problem = serviceProblem(cluster, service);
        }
        if (problem.isEmpty() && details.get("cronJob") instanceof String job) {
          problem = cronJobProblem(cluster, job);
        }
        if (problem.isEmpty() && details.get("trigger") instanceof String trigger) {
          problem = triggerProblem(cluster, trigger);
        }
        if (problem.isPresent()) {
          failures.add(new Failure(d.name(), problem.get()));
        } else if (smoke && f != null && "http".equals(f.triggerType())) {
          Map<String, String> headers =
              f.trigger().functionKey()
                  ? Map.of(KnativeRemote.KEY_HEADER, remote.key(f.name()))
                  : Map.of();
          SmokeCall.http(f, d.endpoint(), headers).ifPresent(failures::add);
        }
      }
    }
    return failures;
  }

  private static Optional<String> serviceProblem(Cluster cluster, String service) {
    return cluster
        .get(Cluster.SERVICE, service)
        .map(s -> ServiceState.of(cluster.json(s)).problem(service))
        .orElse(Optional.of("Knative Service " + service + " does not exist"));
  }

  private static Optional<String> cronJobProblem(Cluster cluster, String job) {
    return cluster
        .get(Cluster.CRONJOB, job)
        .map(
            j ->
                Boolean.TRUE.equals(ServiceState.map(cluster.json(j).get("spec")).get("suspend"))
                    ? Optional.of("CronJob " + job + " is suspended")
                    : Optional.<String>empty())
        .orElse(Optional.of("CronJob " + job + " does not exist"));
  }

  private static Optional<String> triggerProblem(Cluster cluster, String trigger) {
    return cluster
        .get(Cluster.TRIGGER, trigger)
        .map(
            t -> {
              ServiceState state = ServiceState.of(cluster.json(t));
              return state.ready().equals("False")
                  ? Optional.of(
                      "Trigger " + trigger + " is not Ready (" + state.reason().trim() + ")")
                  : Optional.<String>empty();
            })
        .orElse(Optional.of("Trigger " + trigger + " does not exist"));
  }
}
