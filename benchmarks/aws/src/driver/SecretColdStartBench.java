package io.skyhop.bench.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.skyhop.it.aws.LambdaProcess;
import io.skyhop.tooling.lab.aws.LambdaRuntimeApi;
import java.io.FileInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The cold-start cost of reading one secret on the Lambda path: examples/hello through Amazon's
 * runtime interface client in fresh JVMs, (a) as packaged, (b) declaring one secret read through
 * the Parameters and Secrets extension (a loopback HTTP stand-in answering as the extension does),
 * (c) declaring it read by a direct SigV4-signed GetSecretValue (an HTTPS stand-in on loopback with
 * a self-signed certificate, so the TLS handshake is paid as in Lambda, minus the network).
 *
 * <p>Arguments: {@code runs ricDir plainTaskRoot secretTaskRoot workDir keystore password}.
 */
public final class SecretColdStartBench {
  private static final String EVENT =
      "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"/hello\","
          + "\"rawQueryString\":\"name=Ada\",\"headers\":{\"accept\":\"application/json\"},"
          + "\"requestContext\":{\"http\":{\"method\":\"GET\",\"path\":\"/hello\"},"
          + "\"routeKey\":\"$default\",\"stage\":\"$default\",\"requestId\":\"r-1\"},"
          + "\"isBase64Encoded\":false}";
  private static final byte[] ANSWER =
      "{\"ARN\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:hello/db-password-AbCdEf\",\"Name\":\"hello/db-password\",\"SecretString\":\"bench-value\",\"VersionId\":\"v1\"}"
          .getBytes(StandardCharsets.UTF_8);

  private record Candidate(String name, Path taskRoot, Map<String, String> env) {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    Path ric = Path.of(args[1]).toAbsolutePath();
    Path work = Path.of(args[4]).toAbsolutePath();
    String trust = "-Djavax.net.ssl.trustStore=" + args[5] + " -Djavax.net.ssl.trustStorePassword=" + args[6];
    List<Path> jars;
    try (Stream<Path> s = Files.list(ric)) {
      jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
    Path jni = LambdaProcess.extractJni(jars, work);
    HttpServer extension = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    extension.createContext("/secretsmanager/get", SecretColdStartBench::answer);
    extension.start();
    HttpsServer service = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    service.setHttpsConfigurator(new HttpsConfigurator(tls(args[5], args[6])));
    service.createContext("/", SecretColdStartBench::answer);
    service.start();

    Map<String, String> common = new LinkedHashMap<>();
    common.put("SKYHOP_FUNCTION", "hello");
    common.put("JAVA_TOOL_OPTIONS", trust);
    Map<String, String> secret = new LinkedHashMap<>(common);
    secret.put("SKYHOP_SECRETS_PREFIX", "hello/");
    secret.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
    secret.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    secret.put("AWS_SESSION_TOKEN", "session-token");
    Map<String, String> viaExtension = new LinkedHashMap<>(secret);
    viaExtension.put("SKYHOP_SECRETS_VIA", "extension");
    viaExtension.put(
        "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", String.valueOf(extension.getAddress().getPort()));
    Map<String, String> direct = new LinkedHashMap<>(secret);
    direct.put("SKYHOP_SECRETS_VIA", "direct");
    direct.put(
        "AWS_ENDPOINT_URL_SECRETS_MANAGER", "https://localhost:" + service.getAddress().getPort());
    List<Candidate> candidates =
        List.of(
            new Candidate("no-secret", Path.of(args[2]), common),
            new Candidate("extension", Path.of(args[3]), viaExtension),
            new Candidate("direct", Path.of(args[3]), direct));
    Map<String, List<Double>> wall = new LinkedHashMap<>();
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    candidates.forEach(c -> wall.put(c.name(), new ArrayList<>()));
    candidates.forEach(c -> cpu.put(c.name(), new ArrayList<>()));
    for (Candidate c : candidates) {
      coldStart(c, jars, jni, work); // warm-up: file caches
    }
    for (int i = 0; i < runs; i++) {
      List<Candidate> order = new ArrayList<>(candidates);
      Collections.rotate(order, i);
      for (Candidate c : order) {
        double[] s = coldStart(c, jars, jni, work);
        wall.get(c.name()).add(s[0]);
        cpu.get(c.name()).add(s[1]);
        System.out.printf("run %2d  %-10s %7.1f ms  (cpu %.0f ms)%n", i + 1, c.name(), s[0], s[1]);
      }
    }
    System.out.printf("%ncold start to first response, median of %d fresh JVMs each:%n", runs);
    double baseWall = median(wall.get("no-secret"));
    double baseCpu = median(cpu.get("no-secret"));
    for (Candidate c : candidates) {
      double w = median(wall.get(c.name()));
      double u = median(cpu.get(c.name()));
      System.out.printf(
          "  %-10s wall %7.1f ms (%+6.1f)   cpu %6.0f ms (%+5.0f)%n",
          c.name(), w, w - baseWall, u, u - baseCpu);
    }
    extension.stop(0);
    service.stop(0);
  }

  private static void answer(HttpExchange exchange) throws java.io.IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(200, ANSWER.length);
    exchange.getResponseBody().write(ANSWER);
    exchange.close();
  }

  private static SSLContext tls(String keystore, String password) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (FileInputStream in = new FileInputStream(keystore)) {
      ks.load(in, password.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, password.toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }

  private static double[] coldStart(Candidate c, List<Path> jars, Path jni, Path work)
      throws Exception {
    try (LambdaRuntimeApi api = LambdaRuntimeApi.start("bench-" + c.name())) {
      String id = api.enqueue(EVENT, Duration.ofSeconds(30));
      Path log = Files.createTempFile(work, c.name() + "-", ".log");
      LambdaProcess process =
          LambdaProcess.start(
              c.taskRoot().toAbsolutePath(), jars, jni, "io.skyhop.aws.SkyhopHandler::handleRequest",
              "java17", c.env(), api.address(), 256, log);
      try {
        LambdaRuntimeApi.Outcome out = api.await(id, Duration.ofSeconds(60));
        if (out.error() || !out.body().contains("Hello, Ada!")) {
          throw new IllegalStateException(c.name() + " answered " + out.body() + "\n" + process.output());
        }
        return new double[] {
          (out.receivedNanos() - process.startNanos()) / 1e6, process.cpuMillis()
        };
      } finally {
        process.close();
      }
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
