package io.skyhop.tooling.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A minimal HTTP/1.1 client for instances on 127.0.0.1: one request per connection ({@code
 * Connection: close}), so a cold start can be timed by trying to connect until the instance
 * listens. Kept to plain sockets so that the lab's own overhead per request is small and steady.
 */
public final class LoopbackHttp {
  private static final String HOST = "127.0.0.1";

  private LoopbackHttp() {}

  /**
   * A request.
   *
   * @param method the HTTP method
   * @param path the path and query
   * @param headers request headers
   * @param body the body, empty for none
   */
  public record Request(String method, String path, Map<String, String> headers, byte[] body) {
    /** Copies the headers. */
    public Request {
      headers = Map.copyOf(headers);
    }
  }

  /**
   * A response.
   *
   * @param status the status code
   * @param headers the headers, names in lower case
   * @param body the body
   */
  public record Response(int status, Map<String, String> headers, byte[] body) {
    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Sends one request to {@code port} and reads the whole response. */
  public static Response send(int port, Request request, int timeoutMillis) throws IOException {
    try (Socket socket = new Socket()) {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(HOST, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      write(socket.getOutputStream(), port, request);
      return read(socket.getInputStream());
    }
  }

  /**
   * Sends {@code request} as soon as {@code port} accepts connections: retries a refused connection
   * every millisecond until {@code deadlineNanos}, or until {@code alive} says the instance is
   * gone.
   *
   * @throws LabException when the deadline passes or the instance ends first
   */
  public static Response sendWhenUp(
      int port, Request request, long deadlineNanos, BooleanSupplier alive) throws IOException {
    while (true) {
      try {
        int left = (int) Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
        return send(port, request, left);
      } catch (ConnectException refused) {
        if (!alive.getAsBoolean()) {
          throw new LabException("the instance exited before it answered on port " + port);
        }
        if (System.nanoTime() > deadlineNanos) {
          throw new LabException("nothing listened on port " + port + " before the deadline");
        }
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LabException("interrupted while waiting for port " + port, e);
        }
      } catch (SocketTimeoutException slow) {
        throw new LabException("no answer on port " + port + " before the deadline", slow);
      }
    }
  }

  private static void write(OutputStream out, int port, Request request) throws IOException {
    StringBuilder head = new StringBuilder();
    head.append(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(HOST).append(':').append(port).append("\r\n");
    head.append("Connection: close\r\n");
    request.headers().forEach((n, v) -> head.append(n).append(": ").append(v).append("\r\n"));
    if (request.body().length > 0 || !"GET".equals(request.method())) {
      head.append("Content-Length: ").append(request.body().length).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(request.body());
    out.flush();
  }

  private static Response read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (end < 0) {
      throw new IOException("incomplete HTTP response (" + all.length + " bytes)");
    }
    String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP response: " + lines[0]);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Response(Integer.parseInt(statusLine[1]), headers, body);
  }

  private static byte[] dechunk(byte[] chunked) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
      if (lineEnd < 0) {
        throw new IOException("bad chunked body");
      }
      String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int size = Integer.parseInt(sizeText.split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    return indexOf(data, pattern, 0);
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
