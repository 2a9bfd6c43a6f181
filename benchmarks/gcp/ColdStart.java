import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold starts through Google's java-function-invoker: process start to the first HTTP 200 (and the
 * CPU time the JVM used until then), for several functions, runs interleaved (ABBA order), medians printed.
 *
 * <p>Usage: {@code java ColdStart.java <invoker.jar> <runs> <path> <expected body>
 * name=classpath|target|KEY=VALUE,KEY=VALUE ...}
 */
public class ColdStart {
  record Config(String name, String classpath, String target, Map<String, String> env) {}

  /** One cold start: wall time to the first 200, and the CPU time the JVM used until then. */
  record Sample(double wallMs, double cpuMs) {}

  public static void main(String[] args) throws Exception {
    String invoker = args[0];
    int runs = Integer.parseInt(args[1]);
    String path = args[2];
    String expected = args[3];
    List<Config> configs = new ArrayList<>();
    for (String spec : Arrays.copyOfRange(args, 4, args.length)) {
      String name = spec.substring(0, spec.indexOf('='));
      String[] parts = spec.substring(spec.indexOf('=') + 1).split("\\|", -1);
      Map<String, String> env = new LinkedHashMap<>();
      if (!parts[2].isEmpty()) {
        for (String kv : parts[2].split(",")) {
          env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
      }
      configs.add(new Config(name, parts[0], parts[1], env));
    }
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    // One unmeasured start each, so the OS file cache is warm for every configuration alike.
    for (Config c : configs) {
      coldStart(c, invoker, path, expected, http);
    }
    Map<String, List<Sample>> samples = new LinkedHashMap<>();
    configs.forEach(c -> samples.put(c.name(), new ArrayList<>()));
    for (int i = 0; i < runs; i++) {
      List<Config> order = new ArrayList<>(configs);
      if (i % 2 == 1) {
        java.util.Collections.reverse(order); // ABBA: no configuration always goes first
      }
      for (Config c : order) {
        Sample s = coldStart(c, invoker, path, expected, http);
        samples.get(c.name()).add(s);
        System.out.printf("run %2d  %-12s %7.1f ms  (JVM CPU %7.1f ms)%n",
            i + 1, c.name(), s.wallMs(), s.cpuMs());
      }
    }
    System.out.println();
    Map<String, double[]> medians = new LinkedHashMap<>();
    for (Map.Entry<String, List<Sample>> e : samples.entrySet()) {
      List<Double> wall = e.getValue().stream().map(Sample::wallMs).sorted().toList();
      List<Double> cpu = e.getValue().stream().map(Sample::cpuMs).sorted().toList();
      medians.put(e.getKey(), new double[] {median(wall), median(cpu)});
      System.out.printf("%-12s median %7.1f ms  (min %.1f, max %.1f, n=%d); JVM CPU median %.1f ms%n",
          e.getKey(), median(wall), wall.get(0), wall.get(wall.size() - 1), wall.size(),
          median(cpu));
    }
    if (medians.size() == 2) {
      List<double[]> m = new ArrayList<>(medians.values());
      List<String> names = new ArrayList<>(medians.keySet());
      System.out.printf("%s vs %s: wall %+.1f%%, CPU %+.1f%%%n", names.get(0), names.get(1),
          (m.get(0)[0] - m.get(1)[0]) / m.get(1)[0] * 100,
          (m.get(0)[1] - m.get(1)[1]) / m.get(1)[1] * 100);
    }
  }

  static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static Sample coldStart(Config c, String invoker, String path, String expected, HttpClient http)
      throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder pb = new ProcessBuilder(java, "-jar", invoker, "--classpath", c.classpath(),
        "--target", c.target(), "--port", String.valueOf(port))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().keySet().removeAll(List.of("FUNCTION_TARGET", "FUNCTION_SIGNATURE_TYPE",
        "FUNCTION_CLASSPATH", "K_SERVICE", "PORT", "SKYHOP_FUNCTION"));
    pb.environment().putAll(c.env());
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).build();
    long start = System.nanoTime();
    Process p = pb.start();
    try {
      long deadline = start + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        if (!p.isAlive()) {
          throw new IllegalStateException(c.name() + ": the invoker exited with " + p.exitValue());
        }
        try {
          HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200) {
            double ms = (System.nanoTime() - start) / 1e6;
            double cpu = p.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
            if (!r.body().equals(expected)) {
              throw new IllegalStateException(c.name() + " answered " + r.body());
            }
            return new Sample(ms, cpu);
          }
          throw new IllegalStateException(c.name() + " answered " + r.statusCode() + " " + r.body());
        } catch (IOException notListening) {
          Thread.sleep(5);
        }
      }
      throw new IllegalStateException(c.name() + ": no 200 within 60 s");
    } finally {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
