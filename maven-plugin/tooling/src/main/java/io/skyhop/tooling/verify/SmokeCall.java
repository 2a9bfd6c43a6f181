package io.skyhop.tooling.verify;

import io.skyhop.tooling.invoke.HttpCalls;
import io.skyhop.tooling.invoke.Invocation;
import io.skyhop.tooling.pack.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The smoke request of an HTTP function: a {@code GET} of its URL (path parameters filled with
 * {@value #PARAMETER}), or its first method with {@code {}} when it takes no GET. Any answer below
 * 500 shows the function runs; a 5xx or no answer is a failure.
 */
public final class SmokeCall {
  /** What a path parameter of a smoke request holds. */
  public static final String PARAMETER = "skyhop-smoke";

  private SmokeCall() {}

  /**
   * Calls an HTTP function.
   *
   * @param url its URL, path template included
   * @param headers the target's credentials for it (never printed)
   * @return the failure, empty when it answers below 500
   */
  public static Optional<DeployVerifier.Failure> http(
      Manifest.Function function, String url, Map<String, String> headers)
      throws InterruptedException {
    String method = HttpCalls.method(function, new byte[0]);
    byte[] body = method.equals("GET") ? new byte[0] : "{}".getBytes(StandardCharsets.UTF_8);
    String filled = url.replaceAll("\\{[^}/]+}", PARAMETER);
    try {
      Invocation answer = HttpCalls.send(method, filled, headers, body, "smoke");
      if (answer.status() >= 500) {
        return Optional.of(
            new DeployVerifier.Failure(
                function.name(), method + " " + filled + " answered " + answer.status()));
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(
          new DeployVerifier.Failure(
              function.name(), method + " " + filled + " did not answer (" + e + ")"));
    }
  }
}
