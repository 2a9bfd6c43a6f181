import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Calls examples/orders on the in-house runtime the way its users would: HTTP requests, messages
 * on the durable queue, a file in a bucket. Run by demo.sh with the JDK's source launcher:
 * {@code java demo/CallOrders.java <runtime URL> <data dir>}.
 */
public class CallOrders {
  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
    Path data = Path.of(args.length > 1 ? args[1] : System.getProperty("user.home") + "/.skyhop/runtime");
    String token = Files.readString(data.resolve("admin-token")).strip();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    call(http, get(base + "/orders/orders/42?item=bolt"), "GET  /orders/orders/42");
    call(http, post(base + "/orders/orders", "{\"item\":\"book\",\"quantity\":2}"), "POST /orders/orders");
    call(http, get(base + "/orders/orders/unknown-7"), "GET  /orders/orders/unknown-7");
    call(http, get(base + "/orders/orders/explode"), "GET  /orders/orders/explode");
    for (int i = 1; i <= 3; i++) {
      call(
          http,
          admin(post(base + "/_skyhop/queues/orders", "{\"id\":\"q-" + i + "\",\"item\":\"pen\",\"quantity\":" + i + "}"), token),
          "POST /_skyhop/queues/orders (message " + i + ")");
    }
    call(
        http,
        admin(HttpRequest.newBuilder(URI.create(base + "/_skyhop/buckets/uploads/reports/2026-11.csv"))
            .PUT(HttpRequest.BodyPublishers.ofString("id,total\n1,10\n")), token),
        "PUT  /_skyhop/buckets/uploads/reports/2026-11.csv");

    // Queue and storage functions run asynchronously: wait for their invocations to show up.
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String recent = "";
    while (System.nanoTime() < deadline) {
      recent = http.send(admin(get(base + "/_skyhop/invocations?app=orders&limit=50"), token).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      if (count(recent, "\"function\":\"on-order\"") >= 3 && recent.contains("\"function\":\"on-upload\"")) {
        break;
      }
      Thread.sleep(250);
    }
    System.out.println();
    System.out.println("on-order ran " + count(recent, "\"function\":\"on-order\"")
        + " times, on-upload " + count(recent, "\"function\":\"on-upload\"") + " time(s)");
    String metrics = http.send(admin(get(base + "/_skyhop/metrics"), token).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    System.out.println();
    System.out.println("Metrics (GET /_skyhop/metrics, invocations and cold starts):");
    metrics.lines()
        .filter(l -> !l.startsWith("#") && l.contains("app=\"orders\"")
            && (l.startsWith("skyhop_invocations_total") || l.startsWith("skyhop_cold_starts_total")))
        .forEach(l -> System.out.println("  " + l));
  }

  private static HttpRequest.Builder get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
  }

  private static HttpRequest.Builder post(String url, String json) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private static HttpRequest.Builder admin(HttpRequest.Builder request, String token) {
    return request.header("Authorization", "Bearer " + token);
  }

  private static void call(HttpClient http, HttpRequest.Builder request, String label) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    System.out.printf("%-52s -> %d in %4d ms  %s%n", label, response.statusCode(),
        (System.nanoTime() - start) / 1_000_000, response.body());
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
