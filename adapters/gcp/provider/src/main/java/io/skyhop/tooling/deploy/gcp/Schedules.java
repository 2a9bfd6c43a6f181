package io.skyhop.tooling.deploy.gcp;

import com.google.cloud.scheduler.v1.HttpMethod;
import com.google.cloud.scheduler.v1.HttpTarget;
import com.google.cloud.scheduler.v1.Job;
import com.google.cloud.scheduler.v1.OidcToken;
import com.google.protobuf.Duration;
import io.skyhop.tooling.deploy.DeployResult.Action;
import io.skyhop.tooling.naming.Naming;
import java.util.Optional;

/**
 * The Cloud Scheduler job of a schedule function: POST to the function's URL with an OIDC token of
 * the function's service account (the function is private), on the function's cron and time zone. A
 * job is recognised as the app's by its description, {@code skyhop app=<app> function=<name>} (jobs
 * have no labels).
 */
final class Schedules {
  private final GcpApi api;
  private final GcpSettings gcp;

  Schedules(GcpApi api, GcpSettings gcp) {
    this.api = api;
    this.gcp = gcp;
  }

  /**
   * The description that marks a job as the app's (Cloud Scheduler jobs have no labels).
   *
   * @param owner {@link #owner(Naming)}
   */
  static String marker(String owner) {
    return "skyhop app=" + owner + " function=";
  }

  /** Who owns a job: {@code <app>}, or {@code <app> stage=<stage>} with a stage. */
  static String owner(Naming naming) {
    return naming.stage().map(s -> naming.app() + " stage=" + s).orElse(naming.app());
  }

  /** The job's resource name. */
  String name(FunctionSpec.Schedule schedule) {
    return gcp.parent() + "/jobs/" + schedule.jobId();
  }

  /**
   * The job wanted for a deployed schedule function.
   *
   * @param uri the function's URL (also the token audience)
   * @param serviceAccount the identity whose OIDC token the scheduler sends
   */
  Job desired(
      String app,
      FunctionSpec spec,
      FunctionSpec.Schedule schedule,
      String uri,
      String serviceAccount,
      int timeoutSeconds) {
    return Job.newBuilder()
        .setName(name(schedule))
        .setDescription(marker(app) + spec.skyhopName())
        .setSchedule(schedule.cron())
        .setTimeZone(schedule.timeZone())
        .setHttpTarget(
            HttpTarget.newBuilder()
                .setUri(uri)
                .setHttpMethod(HttpMethod.POST)
                .setOidcToken(
                    OidcToken.newBuilder().setServiceAccountEmail(serviceAccount).setAudience(uri)))
        .setAttemptDeadline(
            Duration.newBuilder().setSeconds(Math.max(15, Math.min(1800, timeoutSeconds))))
        .build();
  }

  /** What applying the job would do, reading only. */
  Action plan(FunctionSpec.Schedule schedule, Optional<Job> wanted) {
    Optional<Job> actual = api.getJob(name(schedule));
    if (actual.isEmpty()) {
      return Action.CREATE;
    }
    return wanted.isPresent() && same(wanted.get(), actual.get())
        ? Action.UNCHANGED
        : Action.UPDATE;
  }

  /** Creates or updates the job. */
  Action apply(Job wanted) {
    Optional<Job> actual = api.getJob(wanted.getName());
    if (actual.isEmpty()) {
      try {
        api.createJob(gcp.parent(), wanted);
        return Action.CREATED;
      } catch (GcpApiException e) {
        if (!e.error().map(ProviderError::isAlreadyExists).orElse(false)) {
          throw e;
        }
      }
    } else if (same(wanted, actual.get())) {
      return Action.UNCHANGED;
    }
    api.updateJob(wanted);
    return Action.UPDATED;
  }

  /** Whether the fields the deployer sets are equal. */
  static boolean same(Job wanted, Job actual) {
    return wanted.getDescription().equals(actual.getDescription())
        && wanted.getSchedule().equals(actual.getSchedule())
        && wanted.getTimeZone().equals(actual.getTimeZone())
        && wanted.getHttpTarget().getUri().equals(actual.getHttpTarget().getUri())
        && wanted.getHttpTarget().getHttpMethod() == actual.getHttpTarget().getHttpMethod()
        && wanted.getHttpTarget().getOidcToken().equals(actual.getHttpTarget().getOidcToken())
        && wanted.getAttemptDeadline().equals(actual.getAttemptDeadline());
  }
}
