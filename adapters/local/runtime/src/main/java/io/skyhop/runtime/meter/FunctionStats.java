package io.skyhop.runtime.meter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Counters of one function (across its versions) and its most recent invocations. */
final class FunctionStats {
  /** Upper bounds of the duration histogram's buckets, in ms. */
  static final double[] BUCKETS = {1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000};

  private static final int RECENT = 200;

  final String app;
  final String function;
  long invocations;
  long errors;
  long throttles;
  long coldStarts;
  long timeouts;
  double durationSumMs;
  final long[] durationBuckets = new long[BUCKETS.length];
  double initSumMs;
  long billedMs;
  double gbSeconds;
  private final Deque<Sequenced> recent = new ArrayDeque<>();

  /** A record with its position among all of the meter's records. */
  record Sequenced(long seq, InvocationRecord record) {}

  FunctionStats(String app, String function) {
    this.app = app;
    this.function = function;
  }

  synchronized void record(long seq, InvocationRecord r, boolean error) {
    invocations++;
    if (error) {
      errors++;
    }
    if ("TIMEOUT".equals(r.status())) {
      timeouts++;
    }
    if (r.initDurationMs() != null) {
      coldStarts++;
      initSumMs += r.initDurationMs();
    }
    durationSumMs += r.durationMs();
    for (int i = 0; i < BUCKETS.length; i++) {
      if (r.durationMs() <= BUCKETS[i]) {
        durationBuckets[i]++;
      }
    }
    billedMs += r.billedMs();
    gbSeconds += r.memorySizeMb() / 1024.0 * r.billedMs() / 1000.0;
    recent.addLast(new Sequenced(seq, r));
    if (recent.size() > RECENT) {
      recent.removeFirst();
    }
  }

  synchronized void throttled(long seq, InvocationRecord r) {
    throttles++;
    recent.addLast(new Sequenced(seq, r));
    if (recent.size() > RECENT) {
      recent.removeFirst();
    }
  }

  synchronized List<Sequenced> recent() {
    return List.copyOf(recent);
  }

  synchronized FunctionStats snapshot() {
    FunctionStats s = new FunctionStats(app, function);
    s.invocations = invocations;
    s.errors = errors;
    s.throttles = throttles;
    s.coldStarts = coldStarts;
    s.timeouts = timeouts;
    s.durationSumMs = durationSumMs;
    System.arraycopy(durationBuckets, 0, s.durationBuckets, 0, BUCKETS.length);
    s.initSumMs = initSumMs;
    s.billedMs = billedMs;
    s.gbSeconds = gbSeconds;
    return s;
  }
}
