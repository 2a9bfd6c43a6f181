package io.skyhop.bench.suite;

import io.skyhop.bench.lib.Http;
import io.skyhop.bench.lib.Processes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A process that serves the hello function over HTTP itself (the JDK server, Google's invoker,
 * Spring, Quarkus): cold start = process start to the first HTTP 200 with the right body.
 *
 * @param name the candidate's name
 * @param description what runs
 * @param command the command line for a port
 * @param env the process's environment on top of a clean one
 * @param path the GET path and query of the hello function
 * @param work where logs go
 */
record HttpServerCandidate(
    String name,
    String description,
    IntFunction<List<String>> command,
    Map<String, String> env,
    String path,
    Path work)
    implements Candidate {
  private static final long START_TIMEOUT_SECONDS = 180;

  @Override
  public boolean servesHttp() {
    return true;
  }

  @Override
  public Sample coldStart() throws Exception {
    int port = Http.freePort();
    List<String> cmd = command.apply(port);
    long start = System.nanoTime();
    Process p = Processes.start(cmd, env, work, work.resolve(name + ".log"));
    try {
      long answered =
          Http.awaitFirst200(port, path, EXPECTED, p, START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      double cpu = Processes.cpuMillis(p.toHandle());
      return new Sample((answered - start) / 1e6, cpu);
    } finally {
      Processes.kill(p.toHandle());
    }
  }

  @Override
  public Warm warm(Settings s) throws Exception {
    int port = Http.freePort();
    Process p = Processes.start(command.apply(port), env, work, work.resolve(name + "-warm.log"));
    try {
      Http.awaitFirst200(port, path, EXPECTED, p, START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return Warm.measure("http://127.0.0.1:" + port + path, s, p.toHandle());
    } finally {
      Processes.kill(p.toHandle());
    }
  }
}
