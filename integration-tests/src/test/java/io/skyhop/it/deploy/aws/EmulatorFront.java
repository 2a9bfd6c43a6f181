package io.skyhop.it.deploy.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An HTTP front to an emulator on 127.0.0.1: forwards every request as is (SigV4 headers and body)
 * and records it as {@code METHOD /path?query [X-Amz-Target]}, so a test sees every call the deploy
 * made. For S3 it also answers the bucket sub-resources S3Mock does not emulate ({@code ?tagging},
 * {@code ?publicAccessBlock}, {@code ?encryption}, {@code ?notification}) the way S3 does: PUT
 * stores the document, GET returns it or S3's 404 error for that sub-resource, DELETE forgets it.
 */
public final class EmulatorFront implements AutoCloseable {
  /** S3's error code when a sub-resource was never set (S3 API reference, per operation). */
  private static final Map<String, String> MISSING =
      Map.of(
          "tagging", "NoSuchTagSet",
          "publicAccessBlock", "NoSuchPublicAccessBlockConfiguration",
          "encryption", "ServerSideEncryptionConfigurationNotFoundError");

  private static final Set<String> HOP_BY_HOP =
      Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

  private final HttpServer server;
  private final URI upstream;
  private final boolean s3;
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> subresources = new ConcurrentHashMap<>();

  private EmulatorFront(URI upstream, boolean s3) throws IOException {
    this.upstream = upstream;
    this.s3 = s3;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  /** A front to an SQS emulator. */
  public static EmulatorFront sqs(URI upstream) throws IOException {
    return new EmulatorFront(upstream, false);
  }

  /** A front to S3Mock that also serves what S3Mock lacks. */
  public static EmulatorFront s3(URI upstream) throws IOException {
    return new EmulatorFront(upstream, true);
  }

  /** The endpoint to give the SDK. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Every call so far, in order: {@code METHOD /path?query}, and for SQS the operation and queue,
   * e.g. {@code POST / AmazonSQS.CreateQueue orders-prod-orders}.
   */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  /** Forgets the calls so far. */
  public void clearCalls() {
    calls.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String query = exchange.getRequestURI().getRawQuery();
      String path = exchange.getRequestURI().getRawPath();
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      byte[] body = exchange.getRequestBody().readAllBytes();
      calls.add(
          exchange.getRequestMethod()
              + " "
              + path
              + (query == null ? "" : "?" + query)
              + (target == null ? "" : " " + target + queueOf(body)));
      Optional<String> sub = s3 ? subresource(path, query) : Optional.empty();
      if (sub.isPresent()) {
        serveSubresource(exchange, path, sub.get(), body);
        return;
      }
      forward(exchange, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code " <queue>"} of an SQS JSON request naming a queue, else {@code ""}. */
  private static String queueOf(byte[] body) {
    try {
      com.google.gson.JsonObject o =
          com.google.gson.JsonParser.parseString(new String(body, StandardCharsets.UTF_8))
              .getAsJsonObject();
      if (o.has("QueueName")) {
        return " " + o.get("QueueName").getAsString();
      }
      if (o.has("QueueUrl")) {
        String url = o.get("QueueUrl").getAsString();
        return " " + url.substring(url.lastIndexOf('/') + 1);
      }
    } catch (RuntimeException notJson) {
      // not a JSON request naming a queue
    }
    return "";
  }

  /** The sub-resource of a bucket-level call, e.g. {@code tagging} of {@code /b?tagging}. */
  private static Optional<String> subresource(String path, String query) {
    if (query == null || path.indexOf('/', 1) > 0) {
      return Optional.empty();
    }
    String name = query.split("[&=]")[0];
    return MISSING.containsKey(name) || name.equals("notification")
        ? Optional.of(name)
        : Optional.empty();
  }

  private void serveSubresource(HttpExchange exchange, String path, String name, byte[] body)
      throws IOException {
    String key = path + "?" + name;
    switch (exchange.getRequestMethod()) {
      case "PUT" -> {
        subresources.put(key, body);
        send(exchange, 200, new byte[0]);
      }
      case "DELETE" -> {
        subresources.remove(key);
        send(exchange, 204, new byte[0]);
      }
      default -> {
        byte[] stored = subresources.get(key);
        if (stored != null) {
          send(exchange, 200, stored);
        } else if (name.equals("notification")) {
          send(
              exchange,
              200,
              "<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>"
                  .getBytes(StandardCharsets.UTF_8));
        } else {
          String error =
              "<Error><Code>"
                  + MISSING.get(name)
                  + "</Code><Message>The "
                  + name
                  + " configuration was not found</Message><BucketName>"
                  + path.substring(1)
                  + "</BucketName></Error>";
          send(exchange, 404, error.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/xml");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  private void forward(HttpExchange exchange, byte[] body)
      throws IOException, InterruptedException {
    URI uri =
        upstream.resolve(
            exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                    ? ""
                    : "?" + exchange.getRequestURI().getRawQuery()));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
              }
            });
    HttpResponse<InputStream> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
              }
            });
    byte[] answer;
    try (InputStream in = response.body()) {
      answer = in.readAllBytes();
    }
    boolean noBody = exchange.getRequestMethod().equals("HEAD") || answer.length == 0;
    exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : answer.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
