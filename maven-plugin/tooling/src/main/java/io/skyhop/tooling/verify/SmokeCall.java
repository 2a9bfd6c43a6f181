package io.skyhop.tooling.verify;

import io.skyhop.tooling.invoke.HttpCalls;
import io.skyhop.tooling.invoke.Invocation;
import io.skyhop.tooling.pack.FunctionSmoke;
import io.skyhop.tooling.pack.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The smoke request of an HTTP function. A function with {@code @Smoke} gets exactly that request
 * (its path, method and JSON body) and must answer it with a 2xx or 3xx. Otherwise it is a {@code
 * GET} of its URL (path parameters filled with {@value #PARAMETER}), or its first method with
 * {@code {}} when it takes no GET, and any answer below 500 shows the function runs (a 4xx is the
 * function refusing made-up input). A 5xx or no answer is always a failure.
 */
public final class SmokeCall {
  /** What a path parameter of a default smoke request holds. */
  public static final String PARAMETER = "skyhop-smoke";

  private SmokeCall() {}

  /**
   * Calls an HTTP function.
   *
   * @param function the function, with its {@code @Smoke} request if it names one
   * @param url its URL, path template included (a URL that does not end with the template is taken
   *     as the function's root, and a {@code @Smoke} path is appended to it)
   * @param headers the target's credentials for it (never printed)
   * @return the failure, empty when it answers as it should
   */
  public static Optional<DeployVerifier.Failure> http(
      Manifest.Function function, String url, Map<String, String> headers)
      throws InterruptedException {
    Optional<FunctionSmoke> named = function.smokeRequest();
    String method;
    byte[] body;
    String target;
    Map<String, String> sent = new LinkedHashMap<>(headers);
    if (named.isPresent()) {
      method = named.get().method();
      body = named.get().body().getBytes(StandardCharsets.UTF_8);
      target = at(url, function.trigger().path(), named.get().path());
      if (body.length > 0) {
        sent.putIfAbsent("Content-Type", "application/json");
      }
    } else {
      method = HttpCalls.method(function, new byte[0]);
      body = method.equals("GET") ? new byte[0] : "{}".getBytes(StandardCharsets.UTF_8);
      target = url.replaceAll("\\{[^}/]+}", PARAMETER);
    }
    int limit = named.isPresent() ? 400 : 500;
    try {
      Invocation answer = HttpCalls.send(method, target, sent, body, "smoke");
      if (answer.status() >= limit) {
        return Optional.of(
            new DeployVerifier.Failure(
                function.name(),
                method
                    + " "
                    + target
                    + " answered "
                    + answer.status()
                    + (named.isPresent() ? " (its @Smoke request needs a 2xx or 3xx)" : "")));
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(
          new DeployVerifier.Failure(
              function.name(), method + " " + target + " did not answer (" + e + ")"));
    }
  }

  /**
   * The URL of a {@code @Smoke} path: {@code url} with its route template replaced by {@code path},
   * a query string of {@code url} (e.g. a key) kept after the path's own.
   */
  static String at(String url, String template, String path) {
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    String query = q < 0 ? "" : url.substring(q + 1);
    String root =
        template != null && base.endsWith(template)
            ? base.substring(0, base.length() - template.length())
            : base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String joined = root + path;
    if (query.isEmpty()) {
      return joined;
    }
    return joined + (joined.contains("?") ? "&" : "?") + query;
  }
}
