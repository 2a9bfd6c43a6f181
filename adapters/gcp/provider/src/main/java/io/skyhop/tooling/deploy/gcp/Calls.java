package io.skyhop.tooling.deploy.gcp;

import com.google.api.gax.rpc.ApiException;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.retry.RetryPolicy;
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

  private final BuildListener listener;
  private final RetryPolicy policy;

  /**
   * Retrying calls.
   *
   * @param firstDelay the pause after the first failure, doubled after each further one
   * @param maxAttempts attempts in all, at least 1
   */
  Calls(BuildListener listener, Duration firstDelay, int maxAttempts, RetryPolicy.Sleeper sleeper) {
    this.listener = listener;
    this.policy = RetryPolicy.forAttempts(firstDelay, maxAttempts, sleeper);
  }

  /** The retry policy, shared with the JSON calls of {@link GcpHttp}. */
  RetryPolicy policy() {
    return policy;
  }

  /** Production timing: 1 s, 2 s, 4 s, 8 s between five attempts. */
  static Calls standard(BuildListener listener) {
    return new Calls(listener, Duration.ofSeconds(1), 5, RetryPolicy.Sleeper.THREAD);
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
    RetryPolicy.Attempts attempts = policy.start();
    while (true) {
      try {
        return call.run();
      } catch (ApiException e) {
        ProviderError error = ProviderError.of(e);
        if (!error.isTransient() && !error.isBusy()) {
          throw new GcpApiException(name, error, error.toString(), e);
        }
        if (attempts.exhausted()) {
          throw new GcpApiException(
              name, error, error + " (gave up after " + attempts.made() + " attempts)", e);
        }
        listener.info(name + ": " + error + "; retrying in " + attempts.next().toMillis() + " ms");
      } catch (GcpApiException e) {
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GcpApiException(name, null, "interrupted", e);
      } catch (Exception e) {
        throw new GcpApiException(name, null, e.toString(), e);
      }
      pauseBefore(name, attempts);
    }
  }

  /** Pauses before the next poll of a long-running operation. */
  void pause(String name, RetryPolicy.Attempts polls) {
    pauseBefore(name, polls);
  }

  /** Waits for a retry. */
  private static void pauseBefore(String name, RetryPolicy.Attempts attempts) {
    try {
      attempts.pause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GcpApiException(name, null, "interrupted", e);
    }
  }
}
