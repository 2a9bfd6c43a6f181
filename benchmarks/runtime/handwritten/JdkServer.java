import com.google.gson.Gson;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The lower bound: the same work as examples/orders' {@code get} (an order as JSON, with Gson),
 * written by hand straight on the JDK's HttpServer, in one process, no worker hop. Usage: {@code
 * java -Dsun.net.httpserver.nodelay=true -cp gson.jar JdkServer.java PORT} (without the
 * property the JDK server leaves Nagle on and every response waits for a delayed ACK).
 */
public class JdkServer {
  public static void main(String[] args) throws Exception {
    Gson gson = new Gson();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
    server.setExecutor(Executors.newFixedThreadPool(32));
    server.createContext(
        "/orders/",
        exchange -> {
          String id = exchange.getRequestURI().getPath().substring("/orders/".length());
          Map<String, Object> order = new LinkedHashMap<>();
          order.put("id", id);
          order.put("item", "widget");
          order.put("quantity", 1);
          byte[] body = gson.toJson(order).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    System.out.println("ready");
  }
}
