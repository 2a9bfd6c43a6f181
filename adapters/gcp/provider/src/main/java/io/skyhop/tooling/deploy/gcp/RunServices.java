package io.skyhop.tooling.deploy.gcp;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.run.v2.UpdateServiceRequest;
import com.google.protobuf.FieldMask;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The Cloud Run v2 services behind an app's functions (Cloud Functions 2nd gen runs each function
 * as one): which revision serves, the last revision that verified (kept in the service's {@value
 * #GOOD} annotation, so it survives the deploying machine), and routing all traffic to one revision
 * ({@code services.patch} with a {@code TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION} target, awaited
 * through the client's long-running-operation future).
 */
final class RunServices {
  /** The annotation naming the revision of the last deploy that verified. */
  static final String GOOD = "skyhop.io/good-revision";

  private final GcpClients clients;
  private final Calls calls;
  private final Duration wait;

  RunServices(GcpClients clients, Calls calls, Duration wait) {
    this.clients = clients;
    this.calls = calls;
    this.wait = wait;
  }

  /** The service, if it exists. */
  Optional<Service> get(String name) {
    return GcpApi.absentIfNotFound(
        () ->
            calls.run(
                "GetService " + GcpApi.shortName(name), () -> clients.run().getService(name)));
  }

  /**
   * The revision that serves: the one revision holding all traffic, else the latest ready one
   * (traffic on {@code LATEST}).
   */
  static String serving(Service service) {
    for (TrafficTarget t : service.getTrafficList()) {
      if (t.getType() == TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION
          && t.getPercent() == 100) {
        return t.getRevision();
      }
    }
    return GcpApi.shortName(service.getLatestReadyRevision());
  }

  /** Writes {@code revision} as the service's last good one (annotations only). */
  Service keep(Service service, String revision) {
    Service annotated =
        Service.newBuilder()
            .setName(service.getName())
            .putAllAnnotations(service.getAnnotationsMap())
            .putAnnotations(GOOD, revision)
            .build();
    return update("KeepRevision", annotated, "annotations");
  }

  /** Sends 100 % of the service's traffic to {@code revision} (traffic only). */
  Service route(Service service, String revision) {
    Service routed =
        Service.newBuilder()
            .setName(service.getName())
            .addTraffic(
                TrafficTarget.newBuilder()
                    .setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION)
                    .setRevision(revision)
                    .setPercent(100))
            .build();
    return update("RouteTraffic", routed, "traffic");
  }

  private Service update(String what, Service service, String field) {
    UpdateServiceRequest request =
        UpdateServiceRequest.newBuilder()
            .setService(service)
            .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(field)))
            .build();
    return calls.run(
        what + " " + GcpApi.shortName(service.getName()),
        () -> {
          try {
            return clients
                .run()
                .updateServiceAsync(request)
                .get(wait.toMillis(), TimeUnit.MILLISECONDS);
          } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException api) {
              throw api;
            }
            throw e;
          }
        });
  }
}
