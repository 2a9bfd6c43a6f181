package io.skyhop.it.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.runtime.testing.RuntimeProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Prime} on the in-house runtime: each worker primes once before it answers ready (the
 * class-data-sharing training run primes in its own process, which serves nothing), and the first
 * request it serves sees the work.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PrimeLocalIT {
  @TempDir Path tmp;

  @Test
  void eachWorkerPrimesOnceBeforeReadyAndTheFirstRequestSeesIt() throws Exception {
    Path bundle = LocalFixtureApp.bundle("levers/primed", "primed", tmp.resolve("build"), Map.of());
    try (RuntimeProcess runtime = RuntimeProcess.start(tmp.resolve("data"), Map.of())) {
      assertThat(runtime.deploy("primed", bundle).statusCode()).isEqualTo(201);

      assertThat(get(runtime)).isEqualTo("apple,pear primes=1 prime,request");
      assertThat(get(runtime)).isEqualTo("apple,pear primes=1 prime,request,request");
    }
  }

  private static String get(RuntimeProcess runtime) throws Exception {
    HttpResponse<String> response = runtime.send(runtime.request("/primed/items").GET().build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
