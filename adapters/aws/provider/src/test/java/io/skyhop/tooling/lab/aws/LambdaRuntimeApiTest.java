package io.skyhop.tooling.lab.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.lab.LoopbackHttp;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Runtime API emulator, driven the way a runtime drives the real API (wire-formats 1.2/1.3).
 */
@Timeout(30)
class LambdaRuntimeApiTest {
  private static final String BASE = "/2018-06-01/runtime/";
  private LambdaRuntimeApi api;
  private int port;

  @BeforeEach
  void start() throws Exception {
    api = LambdaRuntimeApi.start("orders-get");
    port = Integer.parseInt(api.address().substring("127.0.0.1:".length()));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void handsOutTheEventWithItsHeadersAndCompletesOnTheResponse() throws Exception {
    assertThat(api.address()).startsWith("127.0.0.1:");
    assertThat(api.firstNextNanos()).isEmpty();
    CompletableFuture<LambdaRuntimeApi.Outcome> result =
        api.submit("{\"n\":1}".getBytes(StandardCharsets.UTF_8));

    long before = System.nanoTime();
    LoopbackHttp.Response next = send("GET", BASE + "invocation/next", "");
    assertThat(api.firstNextNanos().getAsLong()).isGreaterThanOrEqualTo(before);
    assertThat(next.status()).isEqualTo(200);
    assertThat(next.text()).isEqualTo("{\"n\":1}");
    String requestId = next.headers().get("lambda-runtime-aws-request-id");
    assertThat(requestId).matches("[0-9a-f-]{36}");
    assertThat(Long.parseLong(next.headers().get("lambda-runtime-deadline-ms")))
        .isGreaterThan(System.currentTimeMillis());
    assertThat(next.headers().get("lambda-runtime-invoked-function-arn"))
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:orders-get");
    assertThat(next.headers().get("lambda-runtime-trace-id")).startsWith("Root=1-");
    assertThat(result).isNotDone();

    LoopbackHttp.Response posted =
        send("POST", BASE + "invocation/" + requestId + "/response", "{\"ok\":true}");
    assertThat(posted.status()).isEqualTo(202);
    assertThat(posted.text()).isEqualTo("{\"status\":\"OK\"}");
    LambdaRuntimeApi.Outcome outcome = result.get(5, TimeUnit.SECONDS);
    assertThat(outcome.requestId()).isEqualTo(requestId);
    assertThat(outcome.error()).isFalse();
    assertThat(outcome.body()).isEqualTo("{\"ok\":true}");
    assertThat(outcome.durationMs()).isGreaterThanOrEqualTo(0);

    LoopbackHttp.Response again =
        send("POST", BASE + "invocation/" + requestId + "/response", "{}");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.text())
        .isEqualTo(
            "{\"errorMessage\":\"Unknown or answered request id "
                + requestId
                + "\",\"errorType\":\"InvalidRequestID\"}");
  }

  @Test
  void aPostedErrorCompletesTheInvocationAsAnError() throws Exception {
    CompletableFuture<LambdaRuntimeApi.Outcome> result = api.submit(new byte[] {'{', '}'});
    String id =
        send("GET", BASE + "invocation/next", "").headers().get("lambda-runtime-aws-request-id");
    String error = "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}";
    assertThat(send("POST", BASE + "invocation/" + id + "/error", error).status()).isEqualTo(202);
    LambdaRuntimeApi.Outcome outcome = result.get(5, TimeUnit.SECONDS);
    assertThat(outcome.error()).isTrue();
    assertThat(outcome.body()).isEqualTo(error);
  }

  @Test
  void anInitErrorFailsWaitingAndLaterInvocations() throws Exception {
    CompletableFuture<LambdaRuntimeApi.Outcome> waiting = api.submit(new byte[0]);
    String error = "{\"errorMessage\":\"no SKYHOP_FUNCTION\",\"errorType\":\"Runtime.InitError\"}";
    assertThat(send("POST", BASE + "init/error", error).status()).isEqualTo(202);
    assertThat(api.initError()).contains(error);
    assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("init error: " + error);
    assertThat(api.submit(new byte[0])).isCompletedExceptionally();
  }

  @Test
  void unknownResourcesAre404AndClosingReleasesABlockedNext() throws Exception {
    LoopbackHttp.Response unknown = send("GET", BASE + "extension/next", "");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.text())
        .isEqualTo(
            "{\"errorMessage\":\"Unknown resource extension/next\",\"errorType\":\"NotFound\"}");
    assertThat(api.restores()).isZero();
    assertThat(send("GET", BASE + "restore/next", "").status()).isEqualTo(200);
    assertThat(api.restores()).isEqualTo(1);
    CompletableFuture<LoopbackHttp.Response> blocked =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return send("GET", BASE + "invocation/next", "");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(300);
    assertThat(blocked).isNotDone();
    api.close();
    assertThat(blocked.get(5, TimeUnit.SECONDS).status()).isEqualTo(500);
  }

  private LoopbackHttp.Response send(String method, String path, String body) throws Exception {
    return LoopbackHttp.send(
        port,
        new LoopbackHttp.Request(method, path, Map.of(), body.getBytes(StandardCharsets.UTF_8)),
        10_000);
  }
}
