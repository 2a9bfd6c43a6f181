package io.skyhop.bench.lib;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The smallest HTTP client that can time a first response: one {@code HTTP/1.0} GET per connection
 * on 127.0.0.1 (the server answers without chunking and closes), no pooling, no threads, so a
 * connection refused costs microseconds and the clock stops when the last byte has arrived.
 */
public final class Http {
  /** A response: the status code and the body (after the header block; never de-chunked). */
  public record Response(int status, String body) {}

  private Http() {}

  /** A free loopback port (the usual race: another process could take it before the server). */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * One GET.
   *
   * @throws IOException when nothing listens on the port (a {@link java.net.ConnectException}) or
   *     the connection breaks
   */
  public static Response get(int port, String pathAndQuery, int timeoutMillis) throws IOException {
    try (Socket socket = new Socket()) {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + pathAndQuery + " HTTP/1.0\r\nHost: 127.0.0.1:" + port
                  + "\r\nAccept: application/json\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      if (!text.startsWith("HTTP/")) {
        throw new IOException("not an HTTP response: " + text);
      }
      int status = Integer.parseInt(text.substring(9, 12));
      int headersEnd = text.indexOf("\r\n\r\n");
      return new Response(status, headersEnd < 0 ? "" : text.substring(headersEnd + 4));
    }
  }

  /**
   * Polls {@code GET pathAndQuery} every 2 ms until it answers 200, and returns {@link
   * System#nanoTime()} when that answer had arrived.
   *
   * @param process the server process; its death ends the wait with an exception
   * @param expected a string the 200's body must contain
   * @param timeout how long to wait at most
   * @throws IllegalStateException when the process died, the body is wrong, or time ran out
   */
  public static long awaitFirst200(
      int port, String pathAndQuery, String expected, Process process, long timeout, TimeUnit unit)
      throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    String last = "nothing listened";
    while (System.nanoTime() < deadline) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException("the process exited with " + process.exitValue());
      }
      try {
        Response r = get(port, pathAndQuery, 30_000);
        long at = System.nanoTime();
        if (r.status() == 200) {
          if (!r.body().contains(expected)) {
            throw new IllegalStateException("200 without " + expected + ": " + r.body());
          }
          return at;
        }
        last = r.status() + " " + r.body();
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      Thread.sleep(2);
    }
    throw new IllegalStateException("no 200 within " + timeout + " " + unit + "; last: " + last);
  }
}
