package io.skyhop.it.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.runtime.testing.RuntimeProcess;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions enqueue as they would on a cloud: the runtime gives every worker the queue endpoint
 * ({@code SKYHOP_QUEUES_URL}) and its app's queues token ({@code SKYHOP_QUEUES_TOKEN}); a function
 * posts to the endpoint with {@code java.net.http}, and the queue function receives the message.
 * The token enqueues and does nothing else (no deploy, remove, buckets, metrics, queue contents),
 * survives a restart of the runtime and dies with the app.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EnqueueLocalIT {
  @TempDir Path tmp;

  @Test
  void functionsEnqueueWithTheInjectedEndpointAndTokenWhichCanDoNothingElse() throws Exception {
    Path out = RuntimeProcess.workerWritableDir();
    Path bundle =
        LocalFixtureApp.bundle(
            "local/enqueue", "relay", tmp.resolve("build"), Map.of("@@OUT_DIR@@", out.toString()));
    Path data = tmp.resolve("data");
    String token;
    try (RuntimeProcess runtime = RuntimeProcess.start(data, Map.of())) {
      assertThat(runtime.deploy("relay", bundle).statusCode()).isEqualTo(201);

      JsonObject env = json(runtime.send(runtime.request("/relay/env").GET().build()), 200);
      token = env.get("SKYHOP_QUEUES_TOKEN").getAsString();
      assertThat(env.get("SKYHOP_QUEUES_URL").getAsString())
          .isEqualTo(runtime.baseUrl() + "/_skyhop/queues");
      Path tokenFile = data.resolve("apps/relay/queues-token");
      assertThat(token)
          .isEqualTo(Files.readString(tokenFile).strip())
          .isNotEqualTo(runtime.token())
          .hasSize(43);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
          .isEqualTo("rw-------");

      enqueueFromTheFunctionAndSeeItDelivered(runtime, out, "first");
      theTokenMayDoNothingButEnqueue(runtime, token, bundle);
    }

    try (RuntimeProcess runtime = RuntimeProcess.start(data, Map.of())) {
      JsonObject env = json(runtime.send(runtime.request("/relay/env").GET().build()), 200);
      assertThat(env.get("SKYHOP_QUEUES_TOKEN").getAsString()).isEqualTo(token);
      assertThat(env.get("SKYHOP_QUEUES_URL").getAsString())
          .isEqualTo(runtime.baseUrl() + "/_skyhop/queues");
      enqueueFromTheFunctionAndSeeItDelivered(runtime, out, "after a restart");

      HttpResponse<String> removed =
          runtime.send(runtime.admin("/_skyhop/apps/relay").DELETE().build());
      assertThat(removed.statusCode()).isEqualTo(204);
      HttpResponse<String> late = enqueue(runtime, token, "relay-inbox", "too late");
      assertThat(late.statusCode()).isEqualTo(401);
      assertThat(late.body())
          .isEqualTo(
              "{\"error\":\"The admin API needs 'Authorization: Bearer <token>' with the token"
                  + " from the runtime's data directory (file admin-token)\"}");
    }
  }

  private static void enqueueFromTheFunctionAndSeeItDelivered(
      RuntimeProcess runtime, Path out, String text) throws Exception {
    String body = text + " " + System.nanoTime();
    HttpResponse<String> sent =
        runtime.send(
            runtime.request("/relay/send/relay-inbox").POST(BodyPublishers.ofString(body)).build());
    JsonObject ack = json(sent, 202);
    assertThat(ack.get("queue").getAsString()).isEqualTo("relay-inbox");
    String id = ack.get("id").getAsString();

    Path delivery = out.resolve(id);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.isRegularFile(delivery) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(delivery).as("the queue function's record of message " + id).isRegularFile();
    assertThat(Files.readString(delivery)).isEqualTo(body + "\nsender=send\ndeliveryCount=1\n");
  }

  private static void theTokenMayDoNothingButEnqueue(
      RuntimeProcess runtime, String token, Path bundle) throws Exception {
    HttpResponse<String> stored =
        runtime.send(
            runtime
                .admin("/_skyhop/buckets/private/secret.txt")
                .PUT(BodyPublishers.ofString("admin only"))
                .build());
    assertThat(stored.statusCode()).isEqualTo(200);

    HttpResponse<String> deploy =
        runtime.send(
            withToken(runtime, token, "/_skyhop/apps/evil")
                .PUT(BodyPublishers.ofFile(bundle))
                .build());
    assertThat(deploy.statusCode()).isEqualTo(403);
    assertThat(deploy.body())
        .isEqualTo(
            "{\"error\":\"The queues token of app 'relay' (SKYHOP_QUEUES_TOKEN) may only enqueue,"
                + " with POST /_skyhop/queues/<name>; PUT /_skyhop/apps/evil needs the admin"
                + " token (file admin-token in the runtime's data directory)\"}");
    for (List<String> call :
        List.of(
            List.of("PUT", "/_skyhop/apps/relay"),
            List.of("DELETE", "/_skyhop/apps/relay"),
            List.of("GET", "/_skyhop/apps"),
            List.of("GET", "/_skyhop/apps/relay"),
            List.of("POST", "/_skyhop/apps/relay/functions/env/invoke"),
            List.of("GET", "/_skyhop/buckets/private/secret.txt"),
            List.of("GET", "/_skyhop/buckets/private"),
            List.of("PUT", "/_skyhop/buckets/private/secret.txt"),
            List.of("DELETE", "/_skyhop/buckets/private/secret.txt"),
            List.of("GET", "/_skyhop/queues"),
            List.of("GET", "/_skyhop/queues/relay-inbox"),
            List.of("GET", "/_skyhop/metrics"),
            List.of("GET", "/_skyhop/invocations"))) {
      HttpResponse<String> r =
          runtime.send(
              withToken(runtime, token, call.get(1))
                  .method(call.get(0), BodyPublishers.ofString("x"))
                  .build());
      assertThat(r.statusCode()).as(call + ": " + r.body()).isEqualTo(403);
      assertThat(r.body()).contains(call.get(0) + " " + call.get(1) + " needs the admin token");
    }

    assertThat(runtime.send(runtime.admin("/_skyhop/apps/evil").GET().build()).statusCode())
        .isEqualTo(404);
    assertThat(runtime.send(runtime.request("/relay/env").GET().build()).statusCode())
        .isEqualTo(200);
    HttpResponse<String> secret =
        runtime.send(runtime.admin("/_skyhop/buckets/private/secret.txt").GET().build());
    assertThat(secret.statusCode()).isEqualTo(200);
    assertThat(secret.body()).isEqualTo("admin only");

    HttpResponse<String> elsewhere = enqueue(runtime, token, "elsewhere", "to another queue");
    assertThat(elsewhere.statusCode()).isEqualTo(403);
    assertThat(elsewhere.body())
        .isEqualTo(
            "{\"error\":\"The queues token of app 'relay' (SKYHOP_QUEUES_TOKEN) may only enqueue"
                + " to the queues its functions declare [relay-inbox]; 'elsewhere' is not one of"
                + " them. Fix: enqueue to one of these, or declare the queue with"
                + " @QueueTrigger(queue = \\\"elsewhere\\\") in this app\"}");
    assertThat(runtime.send(runtime.admin("/_skyhop/queues/elsewhere").GET().build()).statusCode())
        .as("the token created no queue")
        .isEqualTo(404);
    HttpResponse<String> forged = enqueue(runtime, token + "x", "relay-inbox", "forged");
    assertThat(forged.statusCode()).isEqualTo(401);
  }

  private static HttpResponse<String> enqueue(
      RuntimeProcess runtime, String token, String queue, String body) throws Exception {
    return runtime.send(
        withToken(runtime, token, "/_skyhop/queues/" + queue)
            .POST(BodyPublishers.ofString(body))
            .build());
  }

  private static HttpRequest.Builder withToken(RuntimeProcess runtime, String token, String path) {
    return runtime.request(path).header("Authorization", "Bearer " + token);
  }

  private static JsonObject json(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }
}
