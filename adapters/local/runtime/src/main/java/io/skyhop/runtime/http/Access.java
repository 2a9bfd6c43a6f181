package io.skyhop.runtime.http;

import io.skyhop.runtime.deploy.QueuesEnv;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Who may call the admin API, by the request's bearer token: the admin token ({@code
 * <data>/admin-token}) may make every call; an app's queues token (given to the app's workers as
 * {@value QueuesEnv#TOKEN}, as Lambda gives functions their role's credentials) may only enqueue,
 * {@code POST /_skyhop/queues/<name>}, only to a queue the app's own functions declare (so it
 * neither reaches another app's queues nor creates queues), and only while the app is deployed.
 */
final class Access {
  private final AdminToken admin;
  private final Function<String, Optional<QueuesEnv.Grant>> queuesGrant;

  /**
   * The access rules.
   *
   * @param queuesGrant what a bearer token may enqueue to, when it is a deployed app's queues token
   */
  Access(AdminToken admin, Function<String, Optional<QueuesEnv.Grant>> queuesGrant) {
    this.admin = admin;
    this.queuesGrant = queuesGrant;
  }

  /**
   * Why a request is refused, or empty when it may go on.
   *
   * @param authorization the {@code Authorization} header, or null
   * @param method the upper-case HTTP method
   * @param segments the decoded path segments after {@code /_skyhop/}
   * @param rawPath the request path, for the message
   */
  Optional<Refusal> refusal(
      String authorization, String method, List<String> segments, String rawPath) {
    Optional<String> bearer = bearer(authorization);
    if (bearer.isPresent() && admin.matches(bearer.get())) {
      return Optional.empty();
    }
    Optional<QueuesEnv.Grant> grant = bearer.flatMap(queuesGrant);
    if (grant.isEmpty()) {
      return Optional.of(
          new Refusal(
              401,
              "The admin API needs 'Authorization: Bearer <token>' with the token from the"
                  + " runtime's data directory (file admin-token)"));
    }
    String app = grant.get().app();
    if (method.equals("POST") && segments.size() == 2 && segments.get(0).equals("queues")) {
      String queue = segments.get(1);
      if (grant.get().queues().contains(queue)) {
        return Optional.empty();
      }
      return forbidden(
          app,
          "may only enqueue to the queues its functions declare "
              + new TreeSet<>(grant.get().queues())
              + "; '"
              + queue
              + "' is not one of them. Fix: enqueue to one of these, or declare the queue"
              + " with @QueueTrigger(queue = \""
              + queue
              + "\") in this app");
    }
    return forbidden(
        app,
        "may only enqueue, with POST /_skyhop/queues/<name>; "
            + method
            + " "
            + rawPath
            + " needs the admin token (file admin-token in the runtime's data directory)");
  }

  private static Optional<Refusal> forbidden(String app, String what) {
    return Optional.of(
        new Refusal(
            403, "The queues token of app '" + app + "' (" + QueuesEnv.TOKEN + ") " + what));
  }

  /** The token of a {@code Bearer} authorization header. */
  static Optional<String> bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = authorization.substring(7).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  /**
   * A refused request.
   *
   * @param status 401 (no valid token) or 403 (a queues token, for something but enqueueing to its
   *     app's queues)
   * @param message what is wrong and the fix
   */
  record Refusal(int status, String message) {}
}
