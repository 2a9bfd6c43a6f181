package io.skyhop.tooling.invoke;

import io.skyhop.tooling.pack.Manifest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plain HTTPS calls of the remote invokers, timed, over the JDK's client. */
public final class HttpCalls {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private HttpCalls() {}

  /** The method an HTTP function is called with: POST with a payload when it takes POST. */
  public static String method(Manifest.Function function, byte[] payload) {
    List<String> methods =
        function.trigger().methods() == null ? List.of() : function.trigger().methods();
    if (payload.length > 0 && methods.contains("POST")) {
      return "POST";
    }
    return methods.contains("GET") || methods.isEmpty() ? "GET" : methods.get(0);
  }

  /** Whether an HTTP function needs the target's credentials ({@code Auth.FUNCTION}). */
  public static boolean needsAuth(Manifest.Function function) {
    return function.trigger().functionKey();
  }

  /** The logical bucket of a storage function. */
  public static String bucket(Manifest.Function function) {
    return String.valueOf(function.trigger().bucket());
  }

  /** The logical queue of a queue function. */
  public static String queue(Manifest.Function function) {
    return String.valueOf(function.trigger().queue());
  }

  /**
   * Sends a request and times it.
   *
   * @param headers header names to values (never printed: they may hold credentials)
   */
  public static Invocation send(
      String method, String url, Map<String, String> headers, byte[] body, String how)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofMinutes(15))
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    long start = System.nanoTime();
    HttpResponse<byte[]> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new Invocation(
        response.statusCode(),
        new String(response.body(), StandardCharsets.UTF_8),
        took,
        Optional.empty(),
        Optional.empty(),
        how);
  }
}
