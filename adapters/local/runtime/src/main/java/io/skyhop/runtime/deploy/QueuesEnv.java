package io.skyhop.runtime.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What workers get to enqueue from functions, as clouds give functions their credentials: the queue
 * endpoint ({@value #URL}) and their app's queues token ({@value #TOKEN}), a bearer token the admin
 * API accepts for {@code POST /_skyhop/queues/<name>} only. The token lives in {@code
 * apps/<app>/queues-token} (mode 0600): created at the app's first deployment, kept across
 * redeploys and restarts, deleted when the app is removed.
 */
public final class QueuesEnv {
  /**
   * The variable holding the queue endpoint, {@code http://<loopback>:<port>/_skyhop/queues}:
   * functions enqueue with {@code POST <url>/<queue>}.
   */
  public static final String URL = "SKYHOP_QUEUES_URL";

  /** The variable holding the app's queues token. */
  public static final String TOKEN = "SKYHOP_QUEUES_TOKEN";

  /** The token's file in {@code apps/<app>/}. */
  static final String TOKEN_FILE = "queues-token";

  private final Optional<String> url;

  /**
   * The queue environment of workers.
   *
   * @param url the queue endpoint; empty: workers get neither variable
   */
  QueuesEnv(Optional<String> url) {
    this.url = url;
  }

  /** The app's queues token, created when absent. */
  static String token(Path appDir) throws IOException {
    return SecretFile.readOrCreate(appDir.resolve(TOKEN_FILE));
  }

  /** A function's own environment, then the queue variables (which win). */
  Map<String, String> workerEnv(Map<String, String> own, String token) {
    Map<String, String> env = new LinkedHashMap<>(own);
    url.ifPresent(
        u -> {
          env.put(URL, u);
          env.put(TOKEN, token);
        });
    return Map.copyOf(env);
  }

  /**
   * What an app's queues token may do: enqueue to the queues the app's functions declare (their
   * {@code @QueueTrigger}s), and to no other queue; it cannot create queues.
   *
   * @param app the app whose token it is
   * @param queues the queues it declares
   */
  public record Grant(String app, Set<String> queues) {
    /** The grant, with an immutable copy of the queues. */
    public Grant {
      queues = Set.copyOf(queues);
    }
  }
}
