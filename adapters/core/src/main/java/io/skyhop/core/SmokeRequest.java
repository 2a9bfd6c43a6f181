package io.skyhop.core;

/**
 * A function's {@code @Smoke} request, as the compile-time index records it (validated by the
 * processor: a concrete path of the function's route, a method it accepts).
 *
 * @param path the path, a query string may follow
 * @param method the HTTP method
 * @param body the body, empty for none
 */
public record SmokeRequest(String path, String method, String body) {}
