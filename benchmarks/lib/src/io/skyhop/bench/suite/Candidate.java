package io.skyhop.bench.suite;

import io.skyhop.bench.lib.Processes;

import io.skyhop.bench.lib.Rss;
import io.skyhop.bench.lib.Wrk;

/** One way of running the hello function: a Skyhop target, a hand-written baseline or a peer. */
interface Candidate extends AutoCloseable {
  /** GET path and query every HTTP candidate answers, unless it says otherwise. */
  String HELLO_PATH = "/hello?name=Ada";

  /** What every candidate must answer. */
  String EXPECTED = "{\"message\":\"Hello, Ada!\"}";

  /** Short stable name (table rows, file names). */
  String name();

  /** What runs, in a few words. */
  String description();

  /** Whether it serves HTTP itself (and so gets a wrk run). */
  boolean servesHttp();

  /** Once, before the first sample (e.g. start the runtime's front door, deploy the bundle). */
  default void prepare() throws Exception {}

  /** One cold start: a fresh process (or worker), timed to its first response. */
  Sample coldStart() throws Exception;

  /**
   * Warmed up: throughput under wrk for HTTP candidates (null otherwise), and the resident memory
   * of its process(es) afterwards.
   */
  Warm warm(Settings settings) throws Exception;

  @Override
  default void close() {}

  /**
   * One cold start.
   *
   * @param wallMs process start (or, for the in-house runtime, the request) to the first response
   * @param cpuMs CPU time the serving process had used by then (NaN if unknown)
   */
  record Sample(double wallMs, double cpuMs) {}

  /**
   * After warm-up.
   *
   * @param wrk the measured wrk run, null for candidates that do not serve HTTP
   * @param rss resident memory afterwards
   * @param serverCpuUs CPU time (user + system) per request during the measured run of the process
   *     that serves HTTP (for the in-house runtime: its front door alone), in µs; NaN if unknown
   * @param totalCpuUs the same, summed over the process and its descendants (the runtime's workers)
   */
  record Warm(Wrk.Result wrk, Rss rss, double serverCpuUs, double totalCpuUs) {
    Warm(Wrk.Result wrk, Rss rss) {
      this(wrk, rss, Double.NaN, Double.NaN);
    }

    /**
     * The measured wrk run against {@code url} after the warm-up run, with the CPU that {@code
     * server} (and its descendants) used per request meanwhile.
     */
    static Warm measure(String url, Settings s, ProcessHandle server) throws Exception {
      Wrk.run(url, s.wrkThreads(), s.wrkConnections(), s.wrkWarmup());
      double own = Processes.cpuMillis(server);
      double tree = Processes.cpuMillisTree(server);
      Wrk.Result result = Wrk.run(url, s.wrkThreads(), s.wrkConnections(), s.wrkDuration());
      double perRequest = result.requests() > 0 ? 1000.0 / result.requests() : Double.NaN;
      return new Warm(
          result,
          Rss.tree(server),
          (Processes.cpuMillis(server) - own) * perRequest,
          (Processes.cpuMillisTree(server) - tree) * perRequest);
    }
  }
}
