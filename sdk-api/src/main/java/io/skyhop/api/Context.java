package io.skyhop.api;

import java.time.Duration;
import java.util.Optional;

/**
 * What a function knows about the invocation it serves. Declare a parameter of this type to receive
 * it; it is valid only during the invocation.
 */
public interface Context {
  /** The invocation's id, unique per invocation (Lambda's request id, Azure's invocation id…). */
  String requestId();

  /** The function's Skyhop name. */
  String functionName();

  /** The target running the function: {@code aws}, {@code azure}, {@code gcp}, {@code local}… */
  String target();

  /** Time left before the invocation times out; never negative. */
  Duration remainingTime();

  /** A logger writing to the target's log stream. */
  Logger logger();

  /**
   * The value of a secret the function declares in {@link Function#secrets()}, read from the
   * target's secret store (AWS Secrets Manager, Azure Key Vault, Google Secret Manager, a
   * Kubernetes Secret, the in-house runtime's store, or the test kit's {@code withSecret}).
   *
   * @throws IllegalArgumentException when the function does not declare {@code name} in
   *     {@code @Function(secrets = …)}
   * @throws IllegalStateException when the secret is declared but the store holds no value; the
   *     message names the store and the command that sets it
   * @throws UnsupportedOperationException from a {@code Context} that does not provide secrets
   */
  default String secret(String name) {
    throw new UnsupportedOperationException(
        getClass().getName() + " provides no secrets, so secret '" + name + "' cannot be read");
  }

  /** An environment variable of the function. */
  default Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name));
  }

  /**
   * The W3C trace id (32 lower-case hex digits) of the trace this invocation belongs to: the one
   * the event carried ({@code traceparent} HTTP header or message attribute), else a new one when
   * tracing is configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT}). Empty when the event carried no
   * trace context and tracing is off.
   */
  default Optional<String> traceId() {
    return Optional.empty();
  }

  /**
   * The W3C {@code traceparent} value to put on what this invocation sends (an HTTP header, or the
   * message attribute {@code traceparent} of a queue message) so that the receiver continues this
   * trace; its parent is this invocation's span. Empty when {@link #traceId()} is.
   */
  default Optional<String> traceparent() {
    return Optional.empty();
  }
}
