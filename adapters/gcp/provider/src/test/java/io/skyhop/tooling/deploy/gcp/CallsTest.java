package io.skyhop.tooling.deploy.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.httpjson.HttpJsonStatusCode;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.ApiExceptionFactory;
import io.skyhop.tooling.BuildListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallsTest {
  final List<String> log = new ArrayList<>();
  final List<Duration> waits = new ArrayList<>();
  final Calls calls =
      new Calls(
          new BuildListener() {
            @Override
            public void info(String message) {
              log.add(message);
            }

            @Override
            public void warn(String message) {
              log.add(message);
            }
          },
          Duration.ofSeconds(1),
          4,
          waits::add);

  static ApiException http(int status) {
    return ApiExceptionFactory.createException(
        "HTTP " + status, null, HttpJsonStatusCode.of(status), false);
  }

  @Test
  void throttlingIsRetriedWithBackoff() {
    AtomicInteger attempts = new AtomicInteger();
    String result =
        calls.run(
            "CreateFunction orders-get",
            () -> {
              if (attempts.incrementAndGet() < 3) {
                throw http(attempts.get() == 1 ? 429 : 503);
              }
              return "done";
            });
    assertThat(result).isEqualTo("done");
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(log.get(0)).startsWith("CreateFunction orders-get: HTTP 429 RESOURCE_EXHAUSTED");
  }

  @Test
  void persistentServerErrorsFailNamingTheCall() {
    assertThatThrownBy(
            () ->
                calls.run(
                    "CreateFunction orders-explode",
                    () -> {
                      throw http(500);
                    }))
        .isInstanceOf(GcpApiException.class)
        .hasMessage(
            "Google Cloud call CreateFunction orders-explode failed: HTTP 500 INTERNAL: HTTP 500"
                + " (gave up after 4 attempts). Fix: the provider is throttling or failing; run the"
                + " deploy again later, it continues where this one stopped");
    assertThat(waits).hasSize(3);
  }

  @Test
  void clientErrorsAreNotRetried() {
    assertThatThrownBy(
            () ->
                calls.run(
                    "GetFunction orders-get",
                    () -> {
                      throw http(403);
                    }))
        .isInstanceOf(GcpApiException.class)
        .hasMessageStartingWith(
            "Google Cloud call GetFunction orders-get failed: HTTP 403 PERMISSION_DENIED: HTTP 403."
                + " Fix: enable the Cloud Functions");
    assertThat(waits).isEmpty();
  }
}
