package io.skyhop.tooling.pack;

import io.skyhop.core.SmokeRequest;

/**
 * An HTTP function's smoke request in {@code manifest.json} ({@code functions[].smoke}, absent when
 * the function names none), from {@code @Smoke}: what every target's verifier sends after a deploy.
 *
 * @param path the path of the function's route to call, a query string may follow
 * @param method the HTTP method
 * @param body the body, empty for none
 */
public record FunctionSmoke(String path, String method, String body) {
  /** The smoke request the compile-time index records. */
  public static FunctionSmoke of(SmokeRequest smoke) {
    return new FunctionSmoke(smoke.path(), smoke.method(), smoke.body());
  }
}
