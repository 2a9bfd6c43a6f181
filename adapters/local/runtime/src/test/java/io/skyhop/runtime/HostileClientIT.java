package io.skyhop.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.runtime.testing.FixtureBundle;
import io.skyhop.runtime.testing.RuntimeProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that try to stall the runtime without credentials change nothing for others: with 600
 * connections sending their headers a byte at a time, 120 requests declaring 6 MB bodies that never
 * come, oversized headers and an unauthenticated upload, {@code /_skyhop/health} and a function
 * call still answer within a second, and the runtime's peak resident memory stays under {@value
 * #RUNTIME_PEAK_MB} MB (nothing is allocated from a declared length). Loopback only, bounded in
 * count and time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileClientIT {
  static final int SLOW_HEADERS = 600;
  static final int MISSING_BODIES = 120;
  static final int RUNTIME_PEAK_MB = 400;

  @TempDir Path tmp;

  @Test
  void slowAndLyingClientsStallNothing() throws Exception {
    try (RuntimeProcess runtime = RuntimeProcess.start(tmp.resolve("data"), Map.of(), "--no-cds")) {
      assertThat(
              runtime
                  .deploy("fixture", FixtureBundle.write(tmp.resolve("f.zip"), "v1"))
                  .statusCode())
          .isEqualTo(201);
      assertThat(get(runtime, "/fixture/hello").statusCode()).isEqualTo(200);
      InetSocketAddress address = new InetSocketAddress("127.0.0.1", runtime.port());

      List<SocketChannel> slow = new ArrayList<>();
      for (int i = 0; i < SLOW_HEADERS; i++) {
        SocketChannel c = SocketChannel.open(address);
        c.configureBlocking(false);
        slow.add(c);
      }
      AtomicBoolean stop = new AtomicBoolean();
      Thread trickle = new Thread(() -> trickle(slow, stop), "trickle");
      trickle.start();
      List<Socket> lying = new ArrayList<>();
      for (int i = 0; i < MISSING_BODIES; i++) {
        Socket s = new Socket(address.getAddress(), address.getPort());
        s.getOutputStream()
            .write(
                ("POST /fixture/echo/x HTTP/1.1\r\nHost: x\r\nContent-Length: 6291456\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        lying.add(s);
      }
      try {
        String oversized =
            exchange(
                address,
                "GET /fixture/hello HTTP/1.1\r\nHost: x\r\nX-Big: "
                    + "a".repeat(64 * 1024)
                    + "\r\n\r\n",
                new byte[0]);
        assertThat(oversized).startsWith("HTTP/1.1 431");

        String unauthenticated =
            exchange(
                address,
                "PUT /_skyhop/apps/evil HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n",
                new byte[64 * 1024]);
        assertThat(unauthenticated)
            .as("answered and closed without reading the 100 MB")
            .startsWith("HTTP/1.1 401");

        Thread.sleep(1000);
        long start = System.nanoTime();
        HttpResponse<String> health = get(runtime, "/_skyhop/health");
        long healthMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        start = System.nanoTime();
        HttpResponse<String> hello = get(runtime, "/fixture/hello");
        long helloMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long peakMb = runtime.peakResidentMb();
        System.out.printf(
            "HostileClientIT: health %d ms, function call %d ms, runtime peak RSS %d MB%n",
            healthMs, helloMs, peakMb);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(healthMs).as("health, ms").isLessThan(1000);
        assertThat(helloMs).as("a function call, ms").isLessThan(1000);
        assertThat(trickle.isAlive()).as("the slow connections were still open").isTrue();
        assertThat(peakMb).isLessThan(RUNTIME_PEAK_MB);
      } finally {
        stop.set(true);
        trickle.join(10_000);
        for (SocketChannel c : slow) {
          c.close();
        }
        for (Socket s : lying) {
          s.close();
        }
      }
    }
  }

  /** Sends each slow connection one more byte of its headers every 50 ms, until stopped. */
  private static void trickle(List<SocketChannel> connections, AtomicBoolean stop) {
    byte[] request =
        ("GET /fixture/hello HTTP/1.1\r\nHost: x\r\n" + "X-Slow: " + "s".repeat(4000))
            .getBytes(StandardCharsets.US_ASCII);
    int position = 0;
    while (!stop.get() && position < request.length) {
      for (SocketChannel c : connections) {
        try {
          c.write(ByteBuffer.wrap(request, position, 1));
        } catch (IOException closedByTheServer) {
          // counted by the assertion on the thread: it stops only when told
        }
      }
      position++;
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Writes a request head and some body, then reads the answer until the server closes. */
  private static String exchange(InetSocketAddress address, String head, byte[] body)
      throws IOException {
    try (Socket s = new Socket(address.getAddress(), address.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      try {
        while ((n = in.read(buffer)) > 0) {
          answer.write(buffer, 0, n);
        }
      } catch (IOException reset) {
        // the server closed a connection whose body it would not read
      }
      return answer.toString(StandardCharsets.US_ASCII);
    }
  }

  private static HttpResponse<String> get(RuntimeProcess runtime, String path) throws Exception {
    return runtime.send(runtime.request(path).GET().build());
  }
}
