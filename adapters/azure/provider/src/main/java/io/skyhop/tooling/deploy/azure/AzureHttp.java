package io.skyhop.tooling.deploy.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.retry.RetryPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * ARM and Kudu calls through azure-core's {@link HttpPipeline}: a bearer token for the ARM scope on
 * every request (fetched and cached by the credential), 429/408/5xx retried with exponential
 * backoff honouring {@code Retry-After}, no HTTP logging (bodies carry storage keys). A 409 saying
 * another operation or deployment is in progress is waited out with its own bounded backoff ({@link
 * #conflicts}) and the call repeated. A final error status becomes an {@link AzureDeployException}
 * naming the call and Azure's error.
 */
final class AzureHttp {
  /** A response: status, the headers the deployer reads, and the body as text. */
  record Response(int status, String body, String asyncOperation, String location) {
    /** The body as a JSON object. */
    JsonObject json() {
      try {
        return body.isBlank() ? new JsonObject() : JsonParser.parseString(body).getAsJsonObject();
      } catch (JsonParseException | IllegalStateException e) {
        return new JsonObject();
      }
    }
  }

  private final HttpPipeline pipeline;
  private final RetryPolicy conflicts;
  private final BuildListener listener;

  AzureHttp(HttpPipeline pipeline, RetryPolicy conflicts, BuildListener listener) {
    this.pipeline = pipeline;
    this.conflicts = conflicts;
    this.listener = listener;
  }

  /**
   * A pipeline for ARM and Kudu.
   *
   * @param retries retries after the first attempt of a throttled or failed call
   * @param baseDelay the first backoff, doubled per retry (a {@code Retry-After} wins)
   * @param conflicts how long to wait out a 409 "in progress"
   * @param listener where each such wait is reported
   */
  static AzureHttp create(
      TokenCredential credential,
      String scope,
      int retries,
      Duration baseDelay,
      RetryPolicy conflicts,
      BuildListener listener) {
    ExponentialBackoffOptions backoff =
        new ExponentialBackoffOptions()
            .setMaxRetries(retries)
            .setBaseDelay(baseDelay)
            .setMaxDelay(baseDelay.multipliedBy(16));
    HttpPipeline pipeline =
        new HttpPipelineBuilder()
            .policies(
                new UserAgentPolicy("skyhop-maven-plugin"),
                new com.azure.core.http.policy.RetryPolicy(new RetryOptions(backoff)),
                new BearerTokenAuthenticationPolicy(credential, scope))
            .build();
    return new AzureHttp(pipeline, conflicts, listener);
  }

  /**
   * How long to wait out a 409 that says another operation or deployment is in progress: 1 s
   * doubling to 30 s, at most 10 minutes (a Kudu deployment or an ARM update can take that).
   */
  static RetryPolicy conflicts() {
    return RetryPolicy.forTime(
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        RetryPolicy.Sleeper.THREAD);
  }

  /**
   * Sends a request and returns the response whatever its status, after waiting out 409s that say
   * another operation is in progress.
   *
   * @param call the call as messages name it
   * @param body the body, null for none
   * @param contentType the body's type
   * @throws AzureDeployException naming the call when the conflict outlasts the backoff budget
   */
  Response send(String call, HttpMethod method, String url, byte[] body, String contentType) {
    RetryPolicy.Attempts attempts = conflicts.start();
    while (true) {
      Response r = exchange(call, method, url, body, contentType);
      AzureError error = r.status() == 409 ? AzureError.of(r) : null;
      if (error == null || !error.inProgress()) {
        return r;
      }
      if (attempts.exhausted()) {
        throw stillBusy(call, error, attempts.slept());
      }
      listener.info(
          call
              + " answered "
              + error.describe()
              + "; waiting "
              + attempts.next().toMillis()
              + " ms, then retrying");
      try {
        attempts.pause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AzureDeployException(call, 0, "", call + " was interrupted", e);
      }
    }
  }

  private Response exchange(
      String call, HttpMethod method, String url, byte[] body, String contentType) {
    HttpRequest request = new HttpRequest(method, url);
    if (body != null) {
      request.setHeader(HttpHeaderName.CONTENT_TYPE, contentType);
      request.setBody(BinaryData.fromBytes(body));
    } else if (method == HttpMethod.POST || method == HttpMethod.PUT) {
      request.setHeader(HttpHeaderName.CONTENT_LENGTH, "0");
    }
    try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
      BinaryData data = response.getBodyAsBinaryData();
      return new Response(
          response.getStatusCode(),
          data == null ? "" : data.toString(),
          response.getHeaderValue(HttpHeaderName.fromString("Azure-AsyncOperation")),
          response.getHeaderValue(HttpHeaderName.LOCATION));
    } catch (RuntimeException e) {
      throw new AzureDeployException(
          call,
          0,
          "",
          call
              + " failed: "
              + e.getMessage()
              + ". Fix: check the network and skyhop.azure.endpoint, then re-run",
          e);
    }
  }

  private static AzureDeployException stillBusy(String call, AzureError error, Duration waited) {
    return new AzureDeployException(
        call,
        error.status(),
        error.code(),
        call
            + " still answered HTTP "
            + error.status()
            + (error.code().isEmpty() ? "" : " " + error.code())
            + " after waiting "
            + waited.toSeconds()
            + " s"
            + (error.message().isEmpty() ? "" : ": " + AzureError.withoutFinalDot(error.message()))
            + ". Fix: "
            + error.fix(),
        null);
  }

  /** Sends a JSON request; a non-2xx status fails (404 too). */
  Response json(String call, HttpMethod method, String url, JsonObject body) {
    Response r =
        send(
            call,
            method,
            url,
            body == null ? null : body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "application/json");
    return check(call, r);
  }

  /** A GET that answers empty on 404. */
  Optional<JsonObject> find(String call, String url) {
    Response r = send(call, HttpMethod.GET, url, null, null);
    if (r.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(check(call, r).json());
  }

  /** Fails with Azure's error unless the status is 2xx. */
  static Response check(String call, Response r) {
    if (r.status() >= 200 && r.status() < 300) {
      return r;
    }
    AzureError error = AzureError.of(r);
    throw new AzureDeployException(
        call,
        r.status(),
        error.code(),
        call + " failed with " + error.describe() + ". Fix: " + error.fix(),
        null);
  }
}
