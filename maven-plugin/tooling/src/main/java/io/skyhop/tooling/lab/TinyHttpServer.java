package io.skyhop.tooling.lab;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small HTTP/1.1 server on 127.0.0.1 for the lab's emulators: keep-alive connections, one thread
 * per connection, {@code TCP_NODELAY} and each response written in one piece, so that no Nagle or
 * delayed-acknowledgement pause (tens of ms) lands in a measurement, as it does with the JDK's
 * built-in server.
 */
public final class TinyHttpServer implements AutoCloseable {
  /**
   * A request.
   *
   * @param method the method
   * @param path the path and query
   * @param headers headers, names in lower case
   * @param body the body
   */
  public record Request(String method, String path, Map<String, String> headers, byte[] body) {}

  /**
   * A response.
   *
   * @param status the status code
   * @param headers headers
   * @param body the body
   */
  public record Response(int status, Map<String, String> headers, byte[] body) {
    /** A JSON response. */
    public static Response json(int status, String json) {
      return new Response(
          status,
          Map.of("Content-Type", "application/json"),
          json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Answers requests; may block (each connection has its own thread). */
  public interface Handler {
    /** The response to {@code request}. */
    Response handle(Request request) throws IOException;
  }

  private final ServerSocket server;
  private final Handler handler;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicInteger busy =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile boolean closed;

  private TinyHttpServer(ServerSocket server, Handler handler) {
    this.server = server;
    this.handler = handler;
  }

  /** Starts a server on a free port of 127.0.0.1. */
  public static TinyHttpServer start(String name, Handler handler) throws IOException {
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    TinyHttpServer server = new TinyHttpServer(socket, handler);
    Thread accept = new Thread(server::accept, name + "-accept");
    accept.setDaemon(true);
    accept.start();
    return server;
  }

  /** The port listened on. */
  public int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        connections.add(socket);
        Thread t = new Thread(() -> serve(socket), Thread.currentThread().getName() + "-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (!closed) {
        Request request = read(in, out);
        if (request == null) {
          return;
        }
        boolean close = "close".equalsIgnoreCase(request.headers().get("connection"));
        busy.incrementAndGet();
        try {
          write(out, handler.handle(request), close);
        } finally {
          busy.decrementAndGet();
        }
        if (close) {
          return;
        }
      }
    } catch (SocketException gone) {
      // the client went away
    } catch (IOException | RuntimeException e) {
      // a broken request ends its connection
    } finally {
      connections.remove(socket);
    }
  }

  private static Request read(InputStream in, OutputStream out) throws IOException {
    String requestLine = line(in);
    while (requestLine != null && requestLine.isEmpty()) {
      requestLine = line(in);
    }
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    if (parts.length < 3) {
      throw new IOException("bad request line " + requestLine);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      if (colon > 0) {
        headers.put(
            h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
      }
    }
    if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = chunked(in);
    } else {
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      body = in.readNBytes(length);
    }
    return new Request(parts[0], parts[1], headers, body);
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      if (size == null) {
        throw new IOException("truncated chunked body");
      }
      int n = Integer.parseInt(size.split(";")[0].trim(), 16);
      if (n == 0) {
        for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
          // trailers are ignored
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(n));
      line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        byte[] bytes = line.toByteArray();
        int length =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(c);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  private static void write(OutputStream out, Response response, boolean close) throws IOException {
    StringBuilder head = new StringBuilder();
    head.append("HTTP/1.1 ")
        .append(response.status())
        .append(' ')
        .append(reason(response.status()))
        .append("\r\n");
    response.headers().forEach((n, v) -> head.append(n).append(": ").append(v).append("\r\n"));
    head.append("Content-Length: ").append(response.body().length).append("\r\n");
    if (close) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[h.length + response.body().length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(response.body(), 0, all, h.length, response.body().length);
    out.write(all);
    out.flush();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 202 -> "Accepted";
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      default -> status >= 500 ? "Server Error" : "Status";
    };
  }

  /**
   * Stops accepting, lets requests being answered finish for up to half a second, and closes every
   * connection.
   */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // already closed
    }
    long deadline = System.nanoTime() + 500_000_000L;
    while (busy.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (Socket s : connections) {
      try {
        s.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }
}
