package io.skyhop.runtime.queue;

import io.skyhop.runtime.exec.InstancePool;
import io.skyhop.runtime.exec.Invoker;
import io.skyhop.runtime.exec.Outcome;
import io.skyhop.runtime.exec.Payload;
import io.skyhop.runtime.meter.RuntimeLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runtime's durable queues ({@code <data>/queues/<name>/}) and their dispatcher: a thread that
 * hands deliverable messages to the consuming function, at most its maximum concurrency at a time,
 * acknowledges successes and schedules retries of failures.
 */
public final class Queues implements AutoCloseable {
  /** Queue names users may enqueue to; names starting with {@code _} are the runtime's own. */
  public static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");

  private static final long MAX_BACKOFF_MILLIS = 15 * 60_000;
  private static final long IDLE_WAKE_MILLIS = 1000;

  private final Path dir;
  private final Consumers consumers;
  private final Invoker invoker;
  private final RuntimeLog log;
  private final ExecutorService deliveries;
  private final int maxAttempts;
  private final long retryBaseMillis;
  private final Map<String, DurableQueue> queues = new ConcurrentHashMap<>();
  private final Map<InstancePool, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Object wake = new Object();
  private final Thread dispatcher;
  private volatile boolean running = true;
  private boolean signalled;

  /**
   * The queues of a data directory.
   *
   * @param deliveries runs deliveries (one thread per delivery in flight)
   * @param maxAttempts failed deliveries before a message becomes a dead letter
   * @param retryBaseMillis the first retry delay, doubled with each failure
   */
  public Queues(
      Path dir,
      Consumers consumers,
      Invoker invoker,
      RuntimeLog log,
      ExecutorService deliveries,
      int maxAttempts,
      long retryBaseMillis)
      throws IOException {
    this.dir = Files.createDirectories(dir);
    this.consumers = consumers;
    this.invoker = invoker;
    this.log = log;
    this.deliveries = deliveries;
    this.maxAttempts = maxAttempts;
    this.retryBaseMillis = retryBaseMillis;
    try (Stream<Path> existing = Files.list(dir)) {
      for (Path q : existing.filter(Files::isDirectory).sorted().toList()) {
        String name = q.getFileName().toString();
        DurableQueue queue = DurableQueue.open(name, q);
        queues.put(name, queue);
        DurableQueue.Stats s = queue.stats();
        if (s.ready() + s.delayed() > 0) {
          log.info(
              "Queue " + name + " reloaded",
              "queue",
              name,
              "messages",
              s.ready() + s.delayed(),
              "dead",
              s.dead());
        }
      }
    }
    this.dispatcher = new Thread(this::dispatch, "skyhop-queue-dispatcher");
    this.dispatcher.setDaemon(true);
  }

  /** Starts delivering. */
  public void start() {
    dispatcher.start();
  }

  /** The queue with this name, created when new. */
  public DurableQueue queue(String name) throws IOException {
    DurableQueue q = queues.get(name);
    if (q != null) {
      return q;
    }
    synchronized (queues) {
      q = queues.get(name);
      if (q == null) {
        q = DurableQueue.open(name, dir.resolve(name));
        queues.put(name, q);
      }
      return q;
    }
  }

  /** An existing queue. */
  public Optional<DurableQueue> find(String name) {
    return Optional.ofNullable(queues.get(name));
  }

  /** Every queue, sorted by name. */
  public List<DurableQueue> all() {
    List<DurableQueue> all = new ArrayList<>(queues.values());
    all.sort((a, b) -> a.name().compareTo(b.name()));
    return all;
  }

  /** Enqueues durably and wakes the dispatcher. */
  public StoredMessage enqueue(String queue, byte[] body, Map<String, String> attributes)
      throws IOException {
    StoredMessage m = queue(queue).enqueue(body, attributes);
    wake();
    return m;
  }

  /** Makes the dispatcher look again (a message arrived, a function was deployed). */
  public void wake() {
    synchronized (wake) {
      signalled = true;
      wake.notifyAll();
    }
  }

  private void dispatch() {
    while (running) {
      long now = System.currentTimeMillis();
      long next = now + IDLE_WAKE_MILLIS;
      for (DurableQueue q : queues.values()) {
        dispatch(q, now);
        next = Math.min(next, q.nextDue());
      }
      synchronized (wake) {
        long wait = next - System.currentTimeMillis();
        if (!signalled && wait > 0) {
          try {
            wake.wait(wait);
          } catch (InterruptedException e) {
            return;
          }
        }
        signalled = false;
      }
    }
  }

  private void dispatch(DurableQueue q, long now) {
    StoredMessage m;
    while ((m = q.peek(now)) != null) {
      Optional<Consumers.Consumer> consumer = consumers.find(q.name(), m.attributes());
      if (consumer.isEmpty()) {
        if (consumers.orphaned(q.name(), m.attributes()) && q.claim(m)) {
          deadLetter(q, m, "No deployed function takes this message any more");
          continue;
        }
        return;
      }
      InstancePool pool = consumer.get().pool();
      AtomicInteger busy = inFlight.computeIfAbsent(pool, p -> new AtomicInteger());
      if (busy.get() >= pool.maxConcurrency() || !q.claim(m)) {
        return;
      }
      busy.incrementAndGet();
      StoredMessage taken = m;
      deliveries.execute(() -> deliver(q, taken, consumer.get(), busy));
    }
  }

  private void deliver(
      DurableQueue q, StoredMessage m, Consumers.Consumer consumer, AtomicInteger busy) {
    try {
      Payload payload = consumer.payload().create(m, q.body(m));
      Outcome outcome = invoker.invoke(consumer.pool(), payload);
      if (outcome.status() == Outcome.Status.OK) {
        q.ack(m);
      } else if (outcome.status() == Outcome.Status.THROTTLED) {
        q.release(m, System.currentTimeMillis() + 500);
      } else {
        long backoff = Math.min(MAX_BACKOFF_MILLIS, retryBaseMillis << Math.min(20, m.attempts()));
        if (q.nack(m, outcome.error(), maxAttempts, backoff)) {
          log.warn(
              "Message moved to the dead-letter queue after " + maxAttempts + " failed deliveries",
              "queue",
              q.name(),
              "messageId",
              m.id(),
              "lastError",
              outcome.error());
        }
      }
    } catch (IOException | RuntimeException e) {
      log.error("Delivery failed in the runtime: " + e, "queue", q.name(), "messageId", m.id());
      q.release(m, System.currentTimeMillis() + 1000);
    } finally {
      busy.decrementAndGet();
      wake();
    }
  }

  private void deadLetter(DurableQueue q, StoredMessage m, String reason) {
    try {
      q.nack(m, reason, m.attempts() + 1, 0);
      log.warn(reason + ": moved to the dead-letter queue", "queue", q.name(), "messageId", m.id());
    } catch (IOException e) {
      q.release(m, System.currentTimeMillis() + 1000);
    }
  }

  @Override
  public void close() {
    running = false;
    dispatcher.interrupt();
  }
}
