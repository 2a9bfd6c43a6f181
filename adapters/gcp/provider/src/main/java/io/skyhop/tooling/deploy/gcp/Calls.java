package io.skyhop.tooling.deploy.gcp;

import com.google.api.gax.rpc.ApiException;
import io.skyhop.tooling.BuildListener;
import java.time.Duration;

/**
 * Runs Google API calls, retrying throttling (429), server faults (5xx) and conflicts with an
 * operation in progress (409 other than {@code ALREADY_EXISTS}) with exponential backoff; Google's
 * clients retry none of the calls that change functions. Failures become {@link GcpApiException}
 * naming the call.
 */
final class Calls {
  /** A call to the provider. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws Exception;
  }

  /** Waits between attempts; tests pass one that does not sleep. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final BuildListener listener;
  private final Duration firstDelay;
  private final int maxAttempts;
  private final Sleeper sleeper;

  /**
   * Retrying calls.
   *
   * @param firstDelay the pause after the first failure, doubled after each further one
   * @param maxAttempts attempts in all, at least 1
   */
  Calls(BuildListener listener, Duration firstDelay, int maxAttempts, Sleeper sleeper) {
    this.listener = listener;
    this.firstDelay = firstDelay;
    this.maxAttempts = maxAttempts;
    this.sleeper = sleeper;
  }

  /** Production timing: 1 s, 2 s, 4 s, 8 s between five attempts. */
  static Calls standard(BuildListener listener) {
    return new Calls(listener, Duration.ofSeconds(1), 5, d -> Thread.sleep(d.toMillis()));
  }

  /**
   * Runs a call, retrying transient failures.
   *
   * @param name the call as messages show it, e.g. {@code CreateFunction orders-get}
   * @throws GcpApiException when it fails for good, or at once when the provider answers with an
   *     error that retrying does not cure (the caller may handle some, e.g. {@code NOT_FOUND} or
   *     {@code ALREADY_EXISTS}, through {@link GcpApiException#error()})
   */
  <T> T run(String name, Call<T> call) {
    Duration delay = firstDelay;
    for (int attempt = 1; ; attempt++) {
      try {
        return call.run();
      } catch (ApiException e) {
        ProviderError error = ProviderError.of(e);
        if (!error.isTransient() && !error.isBusy()) {
          throw new GcpApiException(name, error, error.toString(), e);
        }
        if (attempt >= maxAttempts) {
          throw new GcpApiException(
              name, error, error + " (gave up after " + attempt + " attempts)", e);
        }
        listener.info(name + ": " + error + "; retrying in " + delay.toMillis() + " ms");
      } catch (GcpApiException e) {
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GcpApiException(name, null, "interrupted", e);
      } catch (Exception e) {
        throw new GcpApiException(name, null, e.toString(), e);
      }
      pause(name, delay);
      delay = delay.multipliedBy(2);
    }
  }

  /** Waits for a retry. */
  void pause(String name, Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GcpApiException(name, null, "interrupted", e);
    }
  }
}
