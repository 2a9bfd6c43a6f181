package io.skyhop.tooling.deploy.gcp;

import com.google.cloud.functions.v2.Function;
import com.google.cloud.scheduler.v1.Job;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.gcp.GcpNames;
import java.util.List;
import java.util.Set;

/**
 * The Cloud Functions and Cloud Scheduler jobs one app and stage own in a project and region:
 * functions labelled {@code managed-by=skyhop} whose {@code skyhop-app} / {@code skyhop-stage}
 * labels name the app and stage, and jobs whose description carries the app's marker. Remove
 * deletes them all; deploy deletes the ones whose function left the project.
 */
final class GcpOwned {
  private final GcpApi api;
  private final GcpSettings gcp;
  private final Naming naming;
  private final BuildListener listener;

  GcpOwned(GcpApi api, GcpSettings gcp, Naming naming, BuildListener listener) {
    this.api = api;
    this.gcp = gcp;
    this.naming = naming;
    this.listener = listener;
  }

  List<Job> jobs() {
    return api.listJobs(gcp.parent()).stream()
        .filter(j -> j.getDescription().startsWith(Schedules.marker(Schedules.owner(naming))))
        .toList();
  }

  List<Function> functions() {
    return api.listFunctions(gcp.parent()).stream()
        .filter(f -> "skyhop".equals(f.getLabelsOrDefault(FunctionSpec.LABEL_MANAGED_BY, "")))
        .filter(f -> naming.owns(f.getLabelsMap(), GcpNames.LABEL_PREFIX))
        .toList();
  }

  /**
   * Deletes the app's jobs and functions that are not among {@code keptJobs} / {@code
   * keptFunctions} (short names), jobs first.
   */
  void removeDeparted(Set<String> keptFunctions, Set<String> keptJobs, boolean dryRun) {
    List<Job> jobs =
        jobs().stream().filter(j -> !keptJobs.contains(GcpApi.shortName(j.getName()))).toList();
    List<Function> functions =
        functions().stream()
            .filter(f -> !keptFunctions.contains(GcpApi.shortName(f.getName())))
            .toList();
    functions.forEach(
        f ->
            listener.info(
                "The function "
                    + GcpApi.shortName(f.getName())
                    + " left the project: removing it"));
    delete(jobs, functions, dryRun);
  }

  /** Deletes the jobs, then the functions. */
  void delete(List<Job> jobs, List<Function> functions, boolean dryRun) {
    String verb = dryRun ? "would delete" : "deleting";
    for (Job j : jobs) {
      listener.info(verb + " job " + GcpApi.shortName(j.getName()));
      if (!dryRun) {
        api.deleteJob(j.getName());
      }
    }
    for (Function f : functions) {
      listener.info(verb + " function " + GcpApi.shortName(f.getName()));
      if (!dryRun) {
        api.deleteFunction(f.getName());
      }
    }
  }
}
