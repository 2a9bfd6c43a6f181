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

  /** An environment variable of the function. */
  default Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name));
  }
}
