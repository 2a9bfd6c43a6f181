package bench.jdk;

import com.google.gson.Gson;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The hand-written baseline for the HTTP-serving candidates: the hello function of examples/hello
 * ({@code GET /hello?name=Ada} answers {@code {"message":"Hello, Ada!"}}) straight on the JDK's
 * {@code HttpServer} with the same Gson Skyhop ships, one process, no framework. Usage: {@code java
 * -Dsun.net.httpserver.nodelay=true -cp hello-server.jar bench.jdk.HelloServer PORT} (loopback
 * only; without the property the JDK server leaves Nagle on and responses wait for delayed ACKs).
 */
public final class HelloServer {
  /** The answer. */
  public record Greeting(String message) {}

  private HelloServer() {}

  public static void main(String[] args) throws Exception {
    Gson gson = new Gson();
    HttpServer server =
        HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
    server.setExecutor(Executors.newFixedThreadPool(32));
    server.createContext(
        "/hello",
        exchange -> {
          String name = "world";
          String query = exchange.getRequestURI().getRawQuery();
          if (query != null) {
            for (String pair : query.split("&")) {
              if (pair.startsWith("name=")) {
                name = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                break;
              }
            }
          }
          byte[] body =
              gson.toJson(new Greeting("Hello, " + name + "!")).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }
}
