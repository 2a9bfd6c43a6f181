package io.skyhop.bench.aws;

import io.skyhop.it.aws.LambdaProcess;
import io.skyhop.tooling.lab.aws.LambdaRuntimeApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Cold start through Amazon's runtime interface client, process start to first response: for each
 * run, a fresh JVM per candidate (in alternating order), the event queued at the Runtime API
 * emulator before the process starts, the clock stopped when the response is posted back.
 *
 * <p>Arguments: {@code runs ricDir skyhopTaskRoot skyhopZip handwrittenTaskRoot handwrittenZip
 * workDir [alternativeSkyhopTaskRoot]}.
 */
public final class ColdStartBench {
  private static final String EVENT =
      "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"/hello\","
          + "\"rawQueryString\":\"name=Ada\",\"headers\":{\"accept\":\"application/json\"},"
          + "\"requestContext\":{\"http\":{\"method\":\"GET\",\"path\":\"/hello\"},"
          + "\"routeKey\":\"$default\",\"stage\":\"$default\",\"requestId\":\"r-1\"},"
          + "\"isBase64Encoded\":false}";
  private static final String EXPECTED = "Hello, Ada!";
  private static final int MEMORY_MB = 256;

  private record Candidate(String name, Path taskRoot, String handler, Map<String, String> env) {}

  /** One cold start: wall time to the first response, and the CPU the JVM had used by then. */
  private record Sample(double wallMs, long cpuMs) {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    Path ric = Path.of(args[1]).toAbsolutePath();
    Path work = Path.of(args[6]).toAbsolutePath();
    List<Path> jars;
    try (Stream<Path> s = Files.list(ric)) {
      jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
    Path jni = LambdaProcess.extractJni(jars, work);
    List<Candidate> candidates = new ArrayList<>();
    candidates.add(
        new Candidate(
            "skyhop",
            Path.of(args[2]).toAbsolutePath(),
            "io.skyhop.aws.SkyhopHandler::handleRequest",
            Map.of("SKYHOP_FUNCTION", "hello")));
    candidates.add(
        new Candidate(
            "handwritten",
            Path.of(args[4]).toAbsolutePath(),
            "bench.HelloHandler::handleRequest",
            Map.of()));
    if (args.length > 7) {
      // A what-if: another unzipped Skyhop package (e.g. with a changed core jar), run alongside.
      candidates.add(
          new Candidate(
              "skyhop-alt",
              Path.of(args[7]).toAbsolutePath(),
              "io.skyhop.aws.SkyhopHandler::handleRequest",
              Map.of("SKYHOP_FUNCTION", "hello")));
    }
    com.sun.net.httpserver.HttpServer otlp = null;
    java.util.concurrent.atomic.AtomicInteger spans = new java.util.concurrent.atomic.AtomicInteger();
    if ("1".equals(System.getenv("TRACED"))) {
      // Tracing on: the same package exporting its span to an OTLP/HTTP receiver on loopback.
      otlp =
          com.sun.net.httpserver.HttpServer.create(
              new java.net.InetSocketAddress("127.0.0.1", 0), 0);
      otlp.createContext(
          "/v1/traces",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            spans.incrementAndGet();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            exchange.close();
          });
      otlp.start();
      candidates.add(
          new Candidate(
              "skyhop-traced",
              Path.of(args[2]).toAbsolutePath(),
              "io.skyhop.aws.SkyhopHandler::handleRequest",
              Map.of(
                  "SKYHOP_FUNCTION",
                  "hello",
                  "OTEL_EXPORTER_OTLP_ENDPOINT",
                  "http://127.0.0.1:" + otlp.getAddress().getPort())));
    }
    Map<String, List<Double>> times = new LinkedHashMap<>();
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    candidates.forEach(c -> times.put(c.name(), new ArrayList<>()));
    candidates.forEach(c -> cpu.put(c.name(), new ArrayList<>()));

    System.out.println("warm-up (file caches), not counted:");
    for (Candidate c : candidates) {
      System.out.printf("  %-12s %7.1f ms%n", c.name(), coldStart(c, jars, jni, work).wallMs());
    }
    for (int i = 0; i < runs; i++) {
      List<Candidate> order = new ArrayList<>(candidates);
      Collections.rotate(order, i);
      for (Candidate c : order) {
        Sample sample = coldStart(c, jars, jni, work);
        times.get(c.name()).add(sample.wallMs());
        cpu.get(c.name()).add((double) sample.cpuMs());
        System.out.printf(
            "run %2d  %-12s %7.1f ms  (cpu %d ms)%n",
            i + 1, c.name(), sample.wallMs(), sample.cpuMs());
      }
    }
    System.out.println();
    System.out.printf("cold start, process start to first response, %d fresh JVMs each:%n", runs);
    Map<String, Double> medians = new LinkedHashMap<>();
    for (Map.Entry<String, List<Double>> e : times.entrySet()) {
      List<Double> sorted = new ArrayList<>(e.getValue());
      Collections.sort(sorted);
      double median = median(sorted);
      medians.put(e.getKey(), median);
      System.out.printf(
          "  %-12s median %7.1f ms   min %7.1f   max %7.1f%n",
          e.getKey(), median, sorted.get(0), sorted.get(sorted.size() - 1));
    }
    double ratio = medians.get("skyhop") / medians.get("handwritten");
    System.out.printf(
        "  skyhop / handwritten = %.3f (%+.1f%%)%n", ratio, (ratio - 1) * 100);
    System.out.println("CPU time the JVM used up to its first response (less sensitive to load):");
    Map<String, Double> cpuMedians = new LinkedHashMap<>();
    for (Map.Entry<String, List<Double>> e : cpu.entrySet()) {
      List<Double> sorted = new ArrayList<>(e.getValue());
      Collections.sort(sorted);
      cpuMedians.put(e.getKey(), median(sorted));
      System.out.printf("  %-12s median %7.1f ms%n", e.getKey(), median(sorted));
    }
    double cpuRatio = cpuMedians.get("skyhop") / cpuMedians.get("handwritten");
    System.out.printf(
        "  skyhop / handwritten = %.3f (%+.1f%%)%n", cpuRatio, (cpuRatio - 1) * 100);
    System.out.println();
    sizes("skyhop", Path.of(args[3]).toAbsolutePath());
    sizes("handwritten", Path.of(args[5]).toAbsolutePath());
    if (otlp != null) {
      System.out.println("skyhop-traced: " + spans.get() + " spans received over OTLP/HTTP");
      otlp.stop(0);
    }
  }

  private static Sample coldStart(Candidate c, List<Path> jars, Path jni, Path work)
      throws Exception {
    try (LambdaRuntimeApi api = LambdaRuntimeApi.start("bench-" + c.name())) {
      String id = api.enqueue(EVENT, Duration.ofSeconds(30));
      Path log = Files.createTempFile(work, c.name() + "-", ".log");
      LambdaProcess process =
          LambdaProcess.start(
              c.taskRoot(),
              jars,
              jni,
              c.handler(),
              "java17",
              c.env(),
              api.address(),
              MEMORY_MB,
              log);
      try {
        LambdaRuntimeApi.Outcome out = api.await(id, Duration.ofSeconds(60));
        if (out.error() || !out.body().contains(EXPECTED)) {
          throw new IllegalStateException(
              c.name() + " answered " + out.body() + "\n" + process.output());
        }
        double wall = (out.receivedNanos() - process.startNanos()) / 1e6;
        // The runtime now blocks in its next GET: its CPU time stays where the response left it.
        return new Sample(wall, process.cpuMillis());
      } finally {
        process.close();
      }
    }
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The zip's size and, per entry group, the compressed bytes it holds. */
  private static void sizes(String name, Path zip) throws Exception {
    long skyhop = 0;
    long gson = 0;
    long other = 0;
    try (ZipFile z = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = z.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        String n = e.getName();
        if (n.startsWith("io/skyhop/") || n.startsWith("lib/skyhop-")) {
          skyhop += e.getCompressedSize();
        } else if (n.startsWith("lib/gson-")) {
          gson += e.getCompressedSize();
        } else {
          other += e.getCompressedSize();
        }
      }
    }
    System.out.printf(
        "%-12s zip %,9d bytes: skyhop (compressed) %,d, gson %,d, the rest (user classes, index,"
            + " other jars, zip headers) %,d%n",
        name, Files.size(zip), skyhop, gson, Files.size(zip) - skyhop - gson);
  }
}
