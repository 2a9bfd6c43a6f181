package io.skyhop.runtime.queue;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A durable queue: messages on disk ({@link QueueStore}), their headers in memory ordered by when
 * they may be delivered. At-least-once: a message leaves the disk only after its delivery
 * succeeded; a delivery interrupted by a crash is repeated after a restart. Failed deliveries are
 * retried with exponential backoff; after {@code maxAttempts} the message becomes a dead letter.
 */
public final class DurableQueue {
  private static final Comparator<StoredMessage> ORDER =
      Comparator.comparingLong(StoredMessage::notBefore).thenComparingLong(StoredMessage::seq);

  private final String name;
  private final QueueStore store;
  private final AtomicLong seq;
  private final TreeSet<StoredMessage> ready = new TreeSet<>(ORDER);
  private final Set<Long> inFlight = new HashSet<>();
  private int dead;

  private DurableQueue(
      String name, QueueStore store, long lastSeq, List<StoredMessage> ready, int dead) {
    this.name = name;
    this.store = store;
    this.seq = new AtomicLong(lastSeq);
    this.ready.addAll(ready);
    this.dead = dead;
  }

  /** Opens (or creates) the queue stored in {@code dir}, loading the messages left there. */
  static DurableQueue open(String name, Path dir) throws IOException {
    QueueStore store = new QueueStore(dir);
    return new DurableQueue(
        name, store, store.maxSeq(), store.loadReady(), store.loadDead().size());
  }

  /** The queue name. */
  public String name() {
    return name;
  }

  /**
   * Stores a message durably; it is on disk when this returns.
   *
   * @return the stored message
   */
  public StoredMessage enqueue(byte[] body, Map<String, String> attributes) throws IOException {
    long now = System.currentTimeMillis();
    StoredMessage m =
        new StoredMessage(
            seq.incrementAndGet(),
            UUID.randomUUID().toString(),
            now,
            0,
            now,
            null,
            Map.copyOf(attributes));
    store.write(m, body);
    synchronized (this) {
      ready.add(m);
    }
    return m;
  }

  /** The next message that may be delivered at {@code now}, left in the queue; or null. */
  synchronized StoredMessage peek(long now) {
    StoredMessage first = ready.isEmpty() ? null : ready.first();
    return first == null || first.notBefore() > now ? null : first;
  }

  /** Marks a message returned by {@link #peek} as in flight; false if it is gone already. */
  synchronized boolean claim(StoredMessage m) {
    if (!ready.remove(m)) {
      return false;
    }
    inFlight.add(m.seq());
    return true;
  }

  /** The next message that may be delivered at {@code now}, marked in flight; or null. */
  synchronized StoredMessage take(long now) {
    StoredMessage first = peek(now);
    if (first != null) {
      claim(first);
    }
    return first;
  }

  /** When the next delayed message becomes deliverable, or {@code Long.MAX_VALUE}. */
  synchronized long nextDue() {
    return ready.isEmpty() ? Long.MAX_VALUE : ready.first().notBefore();
  }

  /** The body of a message being delivered. */
  byte[] body(StoredMessage m) throws IOException {
    return store.body(m);
  }

  /** A delivery succeeded: the message is removed. */
  void ack(StoredMessage m) throws IOException {
    store.delete(m);
    synchronized (this) {
      inFlight.remove(m.seq());
    }
  }

  /**
   * A delivery failed: the message is retried after {@code backoffMillis}, or dead-lettered once it
   * has failed {@code maxAttempts} times.
   *
   * @return whether it became a dead letter
   */
  boolean nack(StoredMessage m, String error, int maxAttempts, long backoffMillis)
      throws IOException {
    StoredMessage failed = m.failed(error, System.currentTimeMillis() + backoffMillis);
    boolean deadLetter = failed.attempts() >= maxAttempts;
    if (deadLetter) {
      store.update(failed);
      store.deadLetter(failed);
    } else {
      store.update(failed);
    }
    synchronized (this) {
      inFlight.remove(m.seq());
      if (deadLetter) {
        dead++;
      } else {
        ready.add(failed);
      }
    }
    return deadLetter;
  }

  /** Puts a message back without counting an attempt (no consumer could take it now). */
  synchronized void release(StoredMessage m, long retryAt) {
    inFlight.remove(m.seq());
    ready.add(m.later(retryAt));
  }

  /** Counts for inspection and metrics. */
  public synchronized Stats stats() {
    long now = System.currentTimeMillis();
    int delayed = (int) ready.stream().filter(m -> m.notBefore() > now).count();
    return new Stats(ready.size() - delayed, delayed, inFlight.size(), dead);
  }

  /** The queue's state for the inspection endpoint, with up to {@code limit} dead letters. */
  public Map<String, Object> describe(int limit) throws IOException {
    Stats s = stats();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", name);
    d.put("ready", s.ready());
    d.put("delayed", s.delayed());
    d.put("inFlight", s.inFlight());
    d.put("dead", s.dead());
    List<Map<String, Object>> letters = new ArrayList<>();
    for (StoredMessage m : store.loadDead()) {
      if (letters.size() >= limit) {
        break;
      }
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("id", m.id());
      l.put("attempts", m.attempts());
      l.put("enqueuedAt", java.time.Instant.ofEpochMilli(m.enqueuedAt()).toString());
      l.put("lastError", m.lastError());
      l.put("attributes", m.attributes());
      byte[] body = store.deadBody(m);
      try {
        l.put(
            "body",
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body)).toString());
      } catch (CharacterCodingException binary) {
        l.put("bodyBase64", Base64.getEncoder().encodeToString(body));
      }
      letters.add(l);
    }
    d.put("deadLetters", letters);
    return d;
  }

  /**
   * Message counts.
   *
   * @param ready deliverable now
   * @param delayed waiting for a retry
   * @param inFlight being delivered
   * @param dead dead letters
   */
  public record Stats(int ready, int delayed, int inFlight, int dead) {}
}
