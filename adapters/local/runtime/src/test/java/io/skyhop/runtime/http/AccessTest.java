package io.skyhop.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.runtime.deploy.QueuesEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTest {
  private static final String UNAUTHORIZED =
      "The admin API needs 'Authorization: Bearer <token>' with the token from the runtime's data"
          + " directory (file admin-token)";

  @TempDir Path data;

  private String adminToken;
  private Access access;

  @BeforeEach
  void setUp() throws IOException {
    AdminToken admin = AdminToken.load(data);
    adminToken = Files.readString(data.resolve(AdminToken.FILE)).strip();
    Map<String, QueuesEnv.Grant> grants =
        Map.of("relay-token", new QueuesEnv.Grant("relay", Set.of("orders", "relay-inbox")));
    access = new Access(admin, token -> Optional.ofNullable(grants.get(token)));
  }

  @Test
  void theAdminTokenMayDoEverything() {
    assertThat(refusal("Bearer " + adminToken, "GET", "metrics")).isEmpty();
    assertThat(refusal("bearer  " + adminToken + " ", "DELETE", "apps", "relay")).isEmpty();
    assertThat(refusal("Bearer " + adminToken, "POST", "queues", "orders")).isEmpty();
  }

  @Test
  void aQueuesTokenMayEnqueueToItsAppsDeclaredQueues() {
    assertThat(refusal("Bearer relay-token", "POST", "queues", "orders")).isEmpty();
    assertThat(refusal("Bearer relay-token", "POST", "queues", "relay-inbox")).isEmpty();
  }

  @Test
  void aQueuesTokenReachesNoOtherQueueAndCreatesNone() {
    for (String queue : List.of("payments", "not a valid name", "_storage-events")) {
      assertThat(refusal("Bearer relay-token", "POST", "queues", queue))
          .as(queue)
          .contains(
              new Access.Refusal(
                  403,
                  "The queues token of app 'relay' (SKYHOP_QUEUES_TOKEN) may only enqueue to the"
                      + " queues its functions declare [orders, relay-inbox]; '"
                      + queue
                      + "' is not one of them. Fix: enqueue to one of these, or declare the queue"
                      + " with @QueueTrigger(queue = \""
                      + queue
                      + "\") in this app"));
    }
  }

  @Test
  void aQueuesTokenMayDoNothingElse() {
    for (List<String> call :
        List.of(
            List.of("PUT", "apps", "relay"),
            List.of("POST", "apps", "relay"),
            List.of("DELETE", "apps", "relay"),
            List.of("GET", "apps"),
            List.of("POST", "apps", "relay", "functions", "send", "invoke"),
            List.of("GET", "queues"),
            List.of("GET", "queues", "orders"),
            List.of("POST", "queues"),
            List.of("POST", "queues", "orders", "x"),
            List.of("GET", "buckets", "uploads", "a.txt"),
            List.of("PUT", "buckets", "uploads", "a.txt"),
            List.of("GET", "metrics"),
            List.of("GET", "invocations"))) {
      String path = "/_skyhop/" + String.join("/", call.subList(1, call.size()));
      assertThat(
              access.refusal("Bearer relay-token", call.get(0), call.subList(1, call.size()), path))
          .as(call.toString())
          .contains(
              new Access.Refusal(
                  403,
                  "The queues token of app 'relay' (SKYHOP_QUEUES_TOKEN) may only enqueue, with"
                      + " POST /_skyhop/queues/<name>; "
                      + call.get(0)
                      + " "
                      + path
                      + " needs the admin token (file admin-token in the runtime's data"
                      + " directory)"));
    }
  }

  @Test
  void missingMalformedAndUnknownTokensAreUnauthorized() {
    Optional<Access.Refusal> unauthorized = Optional.of(new Access.Refusal(401, UNAUTHORIZED));
    assertThat(refusal(null, "POST", "queues", "orders")).isEqualTo(unauthorized);
    assertThat(refusal("", "POST", "queues", "orders")).isEqualTo(unauthorized);
    assertThat(refusal("Bearer ", "POST", "queues", "orders")).isEqualTo(unauthorized);
    assertThat(refusal("Basic relay-token", "POST", "queues", "orders")).isEqualTo(unauthorized);
    assertThat(refusal("relay-token", "POST", "queues", "orders")).isEqualTo(unauthorized);
    assertThat(refusal("Bearer relay-tokenx", "POST", "queues", "orders")).isEqualTo(unauthorized);
    assertThat(refusal("Bearer " + adminToken + "x", "GET", "metrics")).isEqualTo(unauthorized);
  }

  @Test
  void theAdminTokenFileIsPrivateAndKeptAcrossStarts() throws IOException {
    assertThat(Files.getPosixFilePermissions(data.resolve(AdminToken.FILE)))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    assertThat(AdminToken.load(data).accepts("Bearer " + adminToken)).isTrue();
    assertThat(adminToken).hasSize(43);
  }

  private Optional<Access.Refusal> refusal(String authorization, String method, String... path) {
    return access.refusal(
        authorization, method, List.of(path), "/_skyhop/" + String.join("/", path));
  }
}
