package io.skyhop.it.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Drives {@code connections} clients, each sending one request after another, for a while. */
final class Load {
  private Load() {}

  /**
   * What a load run measured.
   *
   * @param requests requests answered 200
   * @param errors requests that failed (other status, exception)
   * @param seconds the run's length
   * @param p50Ms median latency
   * @param p99Ms 99th percentile latency
   * @param firstErrors the first few failures, for the assertion message
   */
  record Result(
      long requests,
      long errors,
      double seconds,
      double p50Ms,
      double p99Ms,
      List<String> firstErrors) {
    double perSecond() {
      return requests / seconds;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%d requests in %.1f s = %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors %s",
          requests,
          seconds,
          perSecond(),
          p50Ms,
          p99Ms,
          errors,
          firstErrors);
    }
  }

  static Result run(URI uri, int connections, Duration length) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    AtomicBoolean stop = new AtomicBoolean();
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    List<Future<long[]>> clients = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      clients.add(
          pool.submit(
              () -> {
                // one client (and so one connection) per simulated user
                HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpRequest request =
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
                long[] latencies = new long[1 << 20];
                int n = 0;
                while (!stop.get() && n < latencies.length) {
                  long t = System.nanoTime();
                  try {
                    HttpResponse<byte[]> r =
                        http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                      errors.add("HTTP " + r.statusCode() + " " + new String(r.body()));
                      continue;
                    }
                  } catch (Exception e) {
                    errors.add(e.toString());
                    continue;
                  }
                  latencies[n++] = System.nanoTime() - t;
                }
                long[] used = new long[n];
                System.arraycopy(latencies, 0, used, 0, n);
                return used;
              }));
    }
    Thread.sleep(length.toMillis());
    stop.set(true);
    List<Long> all = new ArrayList<>();
    for (Future<long[]> f : clients) {
      for (long l : f.get(60, TimeUnit.SECONDS)) {
        all.add(l);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdownNow();
    Collections.sort(all);
    List<String> first = new ArrayList<>(errors).subList(0, Math.min(5, errors.size()));
    return new Result(
        all.size(),
        errors.size(),
        seconds,
        percentile(all, 0.50),
        percentile(all, 0.99),
        List.copyOf(first));
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
  }
}
