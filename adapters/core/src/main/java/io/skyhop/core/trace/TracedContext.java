package io.skyhop.core.trace;

import io.skyhop.api.Context;
import io.skyhop.api.Logger;
import java.time.Duration;
import java.util.Optional;

/**
 * The adapter's context plus the invocation's place in a trace: what {@link Context#traceId()} and
 * {@link Context#traceparent()} answer. Built only when the event carries a trace context or
 * tracing is configured.
 */
final class TracedContext implements Context {
  private final Context delegate;
  private final TraceParent current;

  /**
   * @param delegate the adapter's context
   * @param current the trace, with this invocation's span as the parent of what it sends
   */
  TracedContext(Context delegate, TraceParent current) {
    this.delegate = delegate;
    this.current = current;
  }

  @Override
  public Optional<String> traceId() {
    return Optional.of(current.traceId());
  }

  @Override
  public Optional<String> traceparent() {
    return Optional.of(current.header());
  }

  @Override
  public String requestId() {
    return delegate.requestId();
  }

  @Override
  public String functionName() {
    return delegate.functionName();
  }

  @Override
  public String target() {
    return delegate.target();
  }

  @Override
  public Duration remainingTime() {
    return delegate.remainingTime();
  }

  @Override
  public Logger logger() {
    return delegate.logger();
  }

  @Override
  public String secret(String name) {
    return delegate.secret(name);
  }

  @Override
  public Optional<String> env(String name) {
    return delegate.env(name);
  }
}
