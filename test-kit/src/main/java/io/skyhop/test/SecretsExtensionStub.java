package io.skyhop.test;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The AWS Parameters and Secrets Lambda extension's secrets endpoint on a loopback port, serving
 * the test's values while the Lambda adapter starts (it reads every declared secret once, at cold
 * start, as in Lambda): {@code GET /secretsmanager/get?secretId=<id>} with the session token
 * header, answering {@code GetSecretValue}'s shape or {@code ResourceNotFoundException}.
 */
final class SecretsExtensionStub implements AutoCloseable {
  /** The session token the adapter must send. */
  static final String TOKEN = "skyhop-test-session-token";

  private final HttpServer server;

  SecretsExtensionStub(Map<String, String> valuesById) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/secretsmanager/get", exchange -> answer(exchange, valuesById));
    server.start();
  }

  /** The port, for {@code PARAMETERS_SECRETS_EXTENSION_HTTP_PORT}. */
  int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, Map<String, String> values) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    String id =
        query != null && query.startsWith("secretId=")
            ? URLDecoder.decode(query.substring("secretId=".length()), StandardCharsets.UTF_8)
            : "";
    int status;
    String body;
    if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token"))) {
      status = 401;
      body = "{\"message\":\"missing or wrong X-Aws-Parameters-Secrets-Token\"}";
    } else if (values.containsKey(id)) {
      status = 200;
      JsonObject answer = new JsonObject();
      answer.addProperty("Name", id);
      answer.addProperty("SecretString", values.get(id));
      body = answer.toString();
    } else {
      status = 400;
      body =
          "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the"
              + " specified secret.\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
