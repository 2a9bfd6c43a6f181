package io.skyhop.tooling.deploy.gcp;

import com.google.api.gax.httpjson.HttpJsonStatusCode;
import com.google.api.gax.rpc.ApiExceptionFactory;
import com.google.cloud.functions.v2.CreateFunctionRequest;
import com.google.cloud.functions.v2.DeleteFunctionRequest;
import com.google.cloud.functions.v2.Function;
import com.google.cloud.functions.v2.FunctionServiceClient;
import com.google.cloud.functions.v2.GenerateUploadUrlRequest;
import com.google.cloud.functions.v2.GenerateUploadUrlResponse;
import com.google.cloud.functions.v2.ListFunctionsRequest;
import com.google.cloud.functions.v2.ListRuntimesRequest;
import com.google.cloud.functions.v2.ListRuntimesResponse;
import com.google.cloud.functions.v2.UpdateFunctionRequest;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.scheduler.v1.CloudSchedulerClient;
import com.google.cloud.scheduler.v1.Job;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.longrunning.Operation;
import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.retry.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Google Cloud calls of a deploy, through Google's clients (Cloud Functions v2, Cloud
 * Scheduler, Cloud Run for invoker access), each named in messages, retried by {@link Calls},
 * long-running operations polled to the end.
 */
final class GcpApi {
  private final GcpClients clients;
  private final Calls calls;
  private final Polling polling;
  private final HttpClient upload;

  /**
   * How long-running operations are polled.
   *
   * @param first the first pause
   * @param max the longest pause
   * @param total how long to wait in all
   */
  record Polling(Duration first, Duration max, Duration total) {
    /** The first pause between polls, in milliseconds (tests set a few). */
    static final String POLL_MILLIS = "skyhop.gcp.pollMillis";

    /** Production: 1 s growing to 10 s between polls, 20 minutes at most (a Java build). */
    static Polling standard() {
      return new Polling(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(20));
    }

    /**
     * This polling, or with {@value #POLL_MILLIS} set: that first pause, growing to ten times it.
     */
    Polling with(Settings settings) {
      return settings
          .millis(POLL_MILLIS, first.toMillis())
          .map(pause -> new Polling(pause, pause.multipliedBy(10), total))
          .orElse(this);
    }
  }

  GcpApi(GcpClients clients, Calls calls, Polling polling) {
    this.clients = clients;
    this.calls = calls;
    this.polling = polling;
    this.upload =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The function, if it exists. */
  Optional<Function> getFunction(String name) {
    return absentIfNotFound(
        () -> calls.run("GetFunction " + shortName(name), () -> functions().getFunction(name)));
  }

  /** Every function of the project's region. */
  List<Function> listFunctions(String parent) {
    return calls.run(
        "ListFunctions " + parent,
        () -> {
          List<Function> all = new ArrayList<>();
          ListFunctionsRequest request =
              ListFunctionsRequest.newBuilder().setParent(parent).build();
          functions().listFunctions(request).iterateAll().forEach(all::add);
          return all;
        });
  }

  /** The runtimes Cloud Functions offers in a region (ListRuntimes). */
  List<ListRuntimesResponse.Runtime> listRuntimes(String parent) {
    return calls.run(
        "ListRuntimes " + parent,
        () ->
            functions()
                .listRuntimes(ListRuntimesRequest.newBuilder().setParent(parent).build())
                .getRuntimesList());
  }

  /** A signed URL to upload a zip to, and the storage source to build from. */
  GenerateUploadUrlResponse generateUploadUrl(String parent, String forFunction) {
    return calls.run(
        "GenerateUploadUrl " + forFunction,
        () ->
            functions()
                .generateUploadUrl(
                    GenerateUploadUrlRequest.newBuilder().setParent(parent).build()));
  }

  /**
   * PUTs the zip to the signed URL: {@code content-type: application/zip} and no {@code
   * Authorization} header (the URL grants access; a token would make Cloud Storage use that
   * identity instead).
   */
  void upload(String url, byte[] zip, String forFunction) {
    calls.run(
        "Upload " + forFunction,
        () -> {
          HttpRequest request =
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofMinutes(10))
                  .header("Content-Type", "application/zip")
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(zip))
                  .build();
          HttpResponse<String> response =
              upload.send(request, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() / 100 != 2) {
            throw ApiExceptionFactory.createException(
                "Cloud Storage answered " + response.statusCode() + ": " + response.body(),
                null,
                HttpJsonStatusCode.of(response.statusCode()),
                false);
          }
          return null;
        });
  }

  /** Creates a function and waits for the operation; {@code ALREADY_EXISTS} surfaces. */
  Function createFunction(String parent, String id, Function function) {
    String call = "CreateFunction " + id;
    Operation op =
        calls.run(
            call,
            () ->
                functions()
                    .createFunctionCallable()
                    .call(
                        CreateFunctionRequest.newBuilder()
                            .setParent(parent)
                            .setFunctionId(id)
                            .setFunction(function)
                            .build()));
    return unpack(call, await(call, op), Function.class);
  }

  /** Updates the masked fields of a function and waits for the operation. */
  Function updateFunction(Function function, List<String> mask) {
    String call = "UpdateFunction " + shortName(function.getName());
    Operation op =
        calls.run(
            call,
            () ->
                functions()
                    .updateFunctionCallable()
                    .call(
                        UpdateFunctionRequest.newBuilder()
                            .setFunction(function)
                            .setUpdateMask(FieldMask.newBuilder().addAllPaths(mask))
                            .build()));
    return unpack(call, await(call, op), Function.class);
  }

  /** Deletes a function and waits for the operation; a function already gone is fine. */
  void deleteFunction(String name) {
    String call = "DeleteFunction " + shortName(name);
    absentIfNotFound(
        () ->
            await(
                call,
                calls.run(
                    call,
                    () ->
                        functions()
                            .deleteFunctionCallable()
                            .call(DeleteFunctionRequest.newBuilder().setName(name).build()))));
  }

  /** The job, if it exists. */
  Optional<Job> getJob(String name) {
    return absentIfNotFound(
        () -> calls.run("GetJob " + shortName(name), () -> scheduler().getJob(name)));
  }

  /** Every job of the project's region. */
  List<Job> listJobs(String parent) {
    return calls.run(
        "ListJobs " + parent,
        () -> {
          List<Job> all = new ArrayList<>();
          scheduler().listJobs(parent).iterateAll().forEach(all::add);
          return all;
        });
  }

  /** Creates a job. */
  Job createJob(String parent, Job job) {
    return calls.run(
        "CreateJob " + shortName(job.getName()), () -> scheduler().createJob(parent, job));
  }

  /** Updates a job (every field the deployer sets). */
  Job updateJob(Job job) {
    return calls.run(
        "UpdateJob " + shortName(job.getName()),
        () ->
            scheduler()
                .updateJob(
                    job,
                    FieldMask.newBuilder()
                        .addPaths("description")
                        .addPaths("schedule")
                        .addPaths("time_zone")
                        .addPaths("http_target")
                        .addPaths("attempt_deadline")
                        .build()));
  }

  /** Deletes a job; a job already gone is fine. */
  void deleteJob(String name) {
    absentIfNotFound(
        () -> {
          calls.run(
              "DeleteJob " + shortName(name),
              () -> {
                scheduler().deleteJob(name);
                return null;
              });
          return null;
        });
  }

  /** The IAM policy of a Cloud Run service. */
  Policy getServicePolicy(String service) {
    return calls.run(
        "GetIamPolicy " + shortName(service),
        () -> run().getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(service).build()));
  }

  /** Sets the IAM policy of a Cloud Run service (the policy carries the etag it was read with). */
  Policy setServicePolicy(String service, Policy policy) {
    return calls.run(
        "SetIamPolicy " + shortName(service),
        () ->
            run()
                .setIamPolicy(
                    SetIamPolicyRequest.newBuilder()
                        .setResource(service)
                        .setPolicy(policy)
                        .build()));
  }

  /**
   * Polls a long-running operation until {@code done}, pausing as the shared {@link RetryPolicy}
   * does (from the first to the longest pause, doubling), within the total wait.
   */
  private Operation await(String call, Operation operation) {
    RetryPolicy.Attempts attempts =
        RetryPolicy.forTime(
                polling.first(), polling.max(), polling.total(), calls.policy().sleeper())
            .start();
    Operation op = operation;
    while (!op.getDone()) {
      if (attempts.exhausted()) {
        throw new GcpApiException(
            call,
            null,
            "operation "
                + op.getName()
                + " did not finish within "
                + polling.total()
                + "; it may still finish: see it with 'gcloud functions describe'",
            null);
      }
      calls.pause(call, attempts);
      String name = op.getName();
      op =
          calls.run(
              call + " (operation " + shortName(name) + ")",
              () -> functions().getHttpJsonOperationsClient().getOperation(name));
    }
    if (op.hasError()) {
      com.google.rpc.Code code = com.google.rpc.Code.forNumber(op.getError().getCode());
      ProviderError error =
          new ProviderError(
              0,
              code == null ? String.valueOf(op.getError().getCode()) : code.name(),
              op.getError().getMessage());
      throw new GcpApiException(
          call, error, "operation " + op.getName() + " ended with " + error, null);
    }
    return op;
  }

  private static <T extends com.google.protobuf.Message> T unpack(
      String call, Operation op, Class<T> type) {
    try {
      return op.getResponse().unpack(type);
    } catch (InvalidProtocolBufferException e) {
      throw new GcpApiException(
          call, null, "operation " + op.getName() + " answered no " + type.getSimpleName(), e);
    }
  }

  static <T> Optional<T> absentIfNotFound(java.util.function.Supplier<T> call) {
    try {
      return Optional.ofNullable(call.get());
    } catch (GcpApiException e) {
      if (e.error().map(ProviderError::isNotFound).orElse(false)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The last segment of a resource name, for messages. */
  static String shortName(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  private FunctionServiceClient functions() throws IOException {
    return clients.functions();
  }

  private CloudSchedulerClient scheduler() throws IOException {
    return clients.scheduler();
  }

  private ServicesClient run() throws IOException {
    return clients.run();
  }
}
