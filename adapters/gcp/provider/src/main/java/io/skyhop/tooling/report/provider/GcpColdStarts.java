package io.skyhop.tooling.report.provider;

import com.google.cloud.functions.v2.Function;
import com.google.cloud.functions.v2.FunctionServiceClient;
import com.google.cloud.functions.v2.ServiceConfig;
import com.google.cloud.functions.v2.UpdateFunctionRequest;
import com.google.protobuf.FieldMask;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Forces new instances of a deployed public HTTP Cloud Function (2nd gen) and times its first
 * request from the client, since Google reports no per-invocation cold-start figure: change an
 * environment variable ({@value CloudMeasurement#NONCE}), which rolls out a new revision, wait for
 * the operation, then time the first request to the function's URL and one more (warm). The
 * function's environment is put back at the end.
 */
final class GcpColdStarts {
  private static final String MASK = "service_config.environment_variables";
  private static final Duration ROLLOUT_LIMIT = Duration.ofMinutes(20);

  private final FunctionServiceClient functions;
  private final HttpClient http;

  GcpColdStarts(FunctionServiceClient functions) {
    this.functions = functions;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
  }

  /**
   * One forced restart.
   *
   * @param coldMs the first request after the restart, as the client waited
   * @param warmMs the next request
   * @param status the first request's HTTP status
   */
  record Sample(double coldMs, double warmMs, int status) {}

  /** Takes {@code count} samples of the function {@code name} (full resource name). */
  List<Sample> measure(String name, URI url, String method, byte[] body, int count)
      throws IOException, InterruptedException {
    Map<String, String> original =
        new HashMap<>(functions.getFunction(name).getServiceConfig().getEnvironmentVariablesMap());
    original.remove(CloudMeasurement.NONCE);
    List<Sample> samples = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        Map<String, String> changed = new HashMap<>(original);
        changed.put(CloudMeasurement.NONCE, UUID.randomUUID().toString());
        update(name, changed);
        long start = System.nanoTime();
        int status = send(url, method, body);
        double cold = (System.nanoTime() - start) / 1e6;
        long next = System.nanoTime();
        send(url, method, body);
        samples.add(new Sample(cold, (System.nanoTime() - next) / 1e6, status));
      }
    } finally {
      update(name, original);
    }
    return samples;
  }

  private void update(String name, Map<String, String> variables)
      throws IOException, InterruptedException {
    UpdateFunctionRequest request =
        UpdateFunctionRequest.newBuilder()
            .setFunction(
                Function.newBuilder()
                    .setName(name)
                    .setServiceConfig(
                        ServiceConfig.newBuilder().putAllEnvironmentVariables(variables)))
            .setUpdateMask(FieldMask.newBuilder().addPaths(MASK))
            .build();
    try {
      functions.updateFunctionAsync(request).get(ROLLOUT_LIMIT.toMinutes(), TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      throw new IOException("Updating " + name + " failed: " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new IOException(
          name + " did not roll out within " + ROLLOUT_LIMIT.toMinutes() + " min");
    }
  }

  private int send(URI url, String method, byte[] body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", "application/json")
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
