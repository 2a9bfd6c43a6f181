package io.skyhop.runtime.worker;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The shared worker's invocation loop, without a thread hand-off per call. The thread that reads an
 * invocation runs it itself; while it does, nobody reads. A takeover thread looks every {@value
 * #TAKEOVER_MICROS} µs (every {@value #IDLE_LOOK_MILLIS} ms after a second without calls): a call
 * that has run longer than that loses the reading role to a fresh thread, which goes on reading, so
 * a slow or blocked function holds up the others by at most that long, and calls still overlap. The
 * thread whose call was taken over ends after its answer. Exactly one thread reads at a time: the
 * role passes by a compare-and-set on the running call's token.
 */
final class SharedReader {
  /** How long a call runs on the reading thread before another thread takes over reading. */
  static final long TAKEOVER_MICROS = 1_000;

  /** How often the takeover thread looks when no call ran for a second. */
  static final long IDLE_LOOK_MILLIS = 20;

  private final Channel channel;
  private final Map<String, Worker> workers;
  private final ExecutorService threads;
  private final AtomicLong running = new AtomicLong(); // the token of the call run inline, or 0
  private final AtomicLong tokens = new AtomicLong();
  private volatile long runningSinceNanos;
  private volatile long lastCallNanos = System.nanoTime();

  SharedReader(Channel channel, Map<String, Worker> workers) {
    this.channel = channel;
    this.workers = workers;
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "skyhop-call-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Serves until the runtime closes the stream (the process then exits); never returns. */
  void serve() {
    threads.execute(this::read);
    while (true) {
      boolean recent = System.nanoTime() - lastCallNanos < TimeUnit.SECONDS.toNanos(1);
      LockSupport.parkNanos(
          recent
              ? TimeUnit.MICROSECONDS.toNanos(TAKEOVER_MICROS)
              : TimeUnit.MILLISECONDS.toNanos(IDLE_LOOK_MILLIS));
      long token = running.get();
      if (token != 0
          && System.nanoTime() - runningSinceNanos > TimeUnit.MICROSECONDS.toNanos(TAKEOVER_MICROS)
          && running.compareAndSet(token, 0)) {
        threads.execute(this::read);
      }
    }
  }

  /** Reads and runs invocations while this thread holds the reading role. */
  private void read() {
    try {
      while (true) {
        Channel.Invocation invocation = channel.next();
        if (invocation == null) {
          System.exit(0); // the runtime closed the stream: it asks this worker to end
        }
        Worker worker = workers.get(invocation.function());
        if (worker == null) {
          throw new Frames.ProtocolException(
              "no function '" + invocation.function() + "' in this shared worker");
        }
        Worker.Call call = worker.read(invocation);
        long token = tokens.incrementAndGet();
        long now = System.nanoTime();
        runningSinceNanos = now;
        lastCallNanos = now;
        running.set(token);
        run(invocation.requestId(), call);
        if (!running.compareAndSet(token, 0)) {
          return; // another thread reads now
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      // a broken stream or protocol: the runtime sees the worker end and fails its callers
      e.printStackTrace();
      Runtime.getRuntime().halt(1);
    }
  }

  private void run(String requestId, Worker.Call call) {
    try {
      call.run();
    } catch (IOException e) {
      // the runtime is gone or closed the stream: nobody is left to answer
      Runtime.getRuntime().halt(1);
    } catch (RuntimeException | Error e) {
      e.printStackTrace();
      try {
        channel.failed(requestId, String.valueOf(e));
      } catch (IOException gone) {
        Runtime.getRuntime().halt(1);
      }
    }
  }
}
