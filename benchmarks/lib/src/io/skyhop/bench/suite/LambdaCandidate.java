package io.skyhop.bench.suite;

import io.skyhop.bench.lib.Rss;
import io.skyhop.it.aws.LambdaProcess;
import io.skyhop.tooling.lab.aws.LambdaRuntimeApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A handler on Amazon's runtime interface client, started as Lambda's managed Java runtime starts
 * it (the integration tests' {@link LambdaProcess}, Lambda's JVM flags), against the Lambda
 * Runtime API emulator on 127.0.0.1: cold start = process start to the first response posted back
 * (the event is queued before the process starts), as benchmarks/aws measures it.
 *
 * @param name the candidate's name
 * @param description what runs
 * @param taskRoot the unzipped deployment package
 * @param handler the handler string
 * @param env the function's environment
 * @param ricJars the runtime interface client and its dependencies
 * @param jni the client's native library
 * @param work where logs go
 */
record LambdaCandidate(
    String name,
    String description,
    Path taskRoot,
    String handler,
    Map<String, String> env,
    List<Path> ricJars,
    Path jni,
    Path work)
    implements Candidate {
  /** A Function URL (payload 2.0) event for {@code GET /hello?name=Ada}, as benchmarks/aws. */
  static final String EVENT =
      "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"/hello\","
          + "\"rawQueryString\":\"name=Ada\",\"headers\":{\"accept\":\"application/json\"},"
          + "\"requestContext\":{\"http\":{\"method\":\"GET\",\"path\":\"/hello\"},"
          + "\"routeKey\":\"$default\",\"stage\":\"$default\",\"requestId\":\"r-1\"},"
          + "\"isBase64Encoded\":false}";

  private static final String ANSWER = "Hello, Ada!";
  private static final int MEMORY_MB = 256;
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  @Override
  public boolean servesHttp() {
    return false;
  }

  @Override
  public Sample coldStart() throws Exception {
    try (LambdaRuntimeApi api = LambdaRuntimeApi.start("bench-" + name)) {
      String id = api.enqueue(EVENT, Duration.ofSeconds(30));
      LambdaProcess process = start(api, "");
      try {
        LambdaRuntimeApi.Outcome out = api.await(id, TIMEOUT);
        check(out, process);
        return new Sample(
            (out.receivedNanos() - process.startNanos()) / 1e6, process.cpuMillis());
      } finally {
        process.close();
      }
    }
  }

  /** Resident memory after {@code lambda.warm.invocations} invocations in one process. */
  @Override
  public Warm warm(Settings s) throws Exception {
    try (LambdaRuntimeApi api = LambdaRuntimeApi.start("bench-" + name)) {
      LambdaProcess process = start(api, "-warm");
      try {
        for (int i = 0; i < s.lambdaWarmInvocations(); i++) {
          check(api.invoke(EVENT, Duration.ofSeconds(30), TIMEOUT), process);
        }
        return new Warm(null, Rss.of(pid(process)));
      } finally {
        process.close();
      }
    }
  }

  private LambdaProcess start(LambdaRuntimeApi api, String logSuffix) throws Exception {
    return LambdaProcess.start(
        taskRoot,
        ricJars,
        jni,
        handler,
        "java17",
        env,
        api.address(),
        MEMORY_MB,
        work.resolve(name + logSuffix + ".log"));
  }

  private void check(LambdaRuntimeApi.Outcome out, LambdaProcess process) throws Exception {
    if (out.error() || !out.body().contains(ANSWER)) {
      throw new IllegalStateException(name + " answered " + out.body() + "\n" + process.output());
    }
  }

  /** LambdaProcess keeps its Process to itself: the newest child of ours running the client. */
  private static long pid(LambdaProcess process) {
    if (!process.isAlive()) {
      throw new IllegalStateException("the runtime client exited");
    }
    return ProcessHandle.current()
        .children()
        .filter(
            h ->
                h.info()
                    .arguments()
                    .map(a -> Arrays.asList(a).contains(LambdaProcess.MAIN))
                    .orElse(false))
        .max(Comparator.comparing(h -> h.info().startInstant().orElseThrow()))
        .orElseThrow(() -> new IllegalStateException("no runtime client process found"))
        .pid();
  }
}
