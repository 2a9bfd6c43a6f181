package io.skyhop.bench.suite;

import io.skyhop.bench.lib.Processes;
import io.skyhop.it.aws.LambdaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The candidates, from what run.sh built. Each is the same hello function: {@code GET
 * /hello?name=Ada} (Spring Cloud Function: {@code /hello/Ada}) answering {@code
 * {"message":"Hello, Ada!"}}, or the Lambda event for that request.
 */
final class Candidates {
  /** The baseline each candidate's ratios are taken against. */
  static final Map<String, String> BASELINE =
      Map.of(
          "skyhop-runtime", "jdk-server",
          "skyhop-runtime-shared", "jdk-server",
          "skyhop-lambda", "hw-lambda",
          "skyhop-gcf", "hw-gcf",
          "jdk-server", "jdk-server",
          "hw-lambda", "hw-lambda",
          "hw-gcf", "hw-gcf",
          "spring-cf", "jdk-server",
          "quarkus-funqy", "jdk-server");

  /** What each candidate runs, in a few words. */
  static final Map<String, String> DESCRIPTION =
      Map.of(
          "skyhop-runtime", "Skyhop on the in-house runtime (worker cold start, front door up)",
          "skyhop-runtime-shared",
              "Skyhop on the in-house runtime, --shared (the app's worker JVM starts, front door up)",
          "skyhop-lambda", "Skyhop's Lambda adapter on Amazon's runtime client",
          "skyhop-gcf", "Skyhop's GCF adapter on Google's invoker",
          "jdk-server", "hand-written JDK HttpServer + Gson",
          "hw-lambda", "hand-written RequestStreamHandler on Amazon's runtime client",
          "hw-gcf", "hand-written HttpFunction on Google's invoker",
          "spring-cf", "Spring Boot + Spring Cloud Function (web)",
          "quarkus-funqy", "Quarkus Funqy HTTP (JVM mode)");

  /** The candidates in table order. */
  static final List<String> ORDER =
      List.of(
          "skyhop-runtime",
          "skyhop-runtime-shared",
          "skyhop-lambda",
          "skyhop-gcf",
          "jdk-server",
          "hw-lambda",
          "hw-gcf",
          "spring-cf",
          "quarkus-funqy");

  private Candidates() {}

  /**
   * The candidates run.sh provided; for the others, {@code skipped} gets the reason.
   */
  static List<Candidate> from(Settings s, Map<String, String> skipped) throws IOException {
    Path work = s.work();
    List<Candidate> all = new ArrayList<>();
    for (String name : ORDER) {
      if (!s.selected(name)) {
        continue;
      }
      if (s.skipped(name).isPresent()) {
        skipped.put(name, s.skipped(name).get());
        continue;
      }
      try {
        all.add(create(name, s, work));
      } catch (IllegalArgumentException missing) {
        skipped.put(name, missing.getMessage());
      }
    }
    return all;
  }

  private static Candidate create(String name, Settings s, Path work) throws IOException {
    return switch (name) {
      case "skyhop-runtime", "skyhop-runtime-shared" ->
          new RuntimeCandidate(
              name,
              name.endsWith("-shared"),
              s.path("runtime.jar"),
              s.path("local.bundle"),
              work);
      case "skyhop-lambda" ->
          lambda(
              name,
              DESCRIPTION.get(name),
              s.path("aws.skyhop.task"),
              s.get("aws.skyhop.handler"),
              Map.of("SKYHOP_FUNCTION", s.get("function")),
              s);
      case "hw-lambda" ->
          lambda(
              name,
              DESCRIPTION.get(name),
              s.path("aws.handwritten.task"),
              "bench.HelloHandler::handleRequest",
              Map.of(),
              s);
      case "skyhop-gcf" ->
          invoker(
              name,
              DESCRIPTION.get(name),
              s.path("gcp.skyhop.jar"),
              s.get("gcp.skyhop.target"),
              Map.of("SKYHOP_FUNCTION", s.get("function")),
              s);
      case "hw-gcf" ->
          invoker(
              name,
              DESCRIPTION.get(name),
              s.path("gcp.handwritten.jar"),
              "bench.HelloFunction",
              Map.of(),
              s);
      case "jdk-server" ->
          new HttpServerCandidate(
              name,
              DESCRIPTION.get(name),
              port ->
                  List.of(
                      Processes.java(),
                      "-Dsun.net.httpserver.nodelay=true",
                      "-cp",
                      existing(s.path("jdk.jar")).toString(),
                      "bench.jdk.HelloServer",
                      Integer.toString(port)),
              Map.of(),
              Candidate.HELLO_PATH,
              work);
      case "spring-cf" ->
          new HttpServerCandidate(
              name,
              DESCRIPTION.get(name),
              port ->
                  List.of(
                      Processes.java(),
                      "-jar",
                      existing(s.path("spring.jar")).toString(),
                      "--server.port=" + port),
              Map.of(),
              "/hello/Ada",
              work);
      case "quarkus-funqy" ->
          new HttpServerCandidate(
              name,
              DESCRIPTION.get(name),
              port ->
                  List.of(
                      Processes.java(),
                      "-Dquarkus.http.port=" + port,
                      "-jar",
                      existing(s.path("quarkus.jar")).toString()),
              Map.of(),
              Candidate.HELLO_PATH,
              work);
      default -> throw new IllegalArgumentException("unknown candidate " + name);
    };
  }

  private static Candidate lambda(
      String name, String description, Path task, String handler, Map<String, String> env, Settings s)
      throws IOException {
    List<Path> jars;
    try (Stream<Path> files = Files.list(existing(s.path("ric.dir")))) {
      jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
    Path jni = LambdaProcess.extractJni(jars, s.work());
    return new LambdaCandidate(name, description, existing(task), handler, env, jars, jni, s.work());
  }

  private static Candidate invoker(
      String name, String description, Path jar, String target, Map<String, String> env, Settings s) {
    Path invoker = existing(s.path("invoker.jar"));
    existing(jar);
    Map<String, String> all = new LinkedHashMap<>(env);
    all.put("FUNCTION_SIGNATURE_TYPE", "http");
    return new HttpServerCandidate(
        name,
        description,
        port ->
            List.of(
                Processes.java(),
                "-jar",
                invoker.toString(),
                "--classpath",
                jar.toString(),
                "--target",
                target,
                "--port",
                Integer.toString(port)),
        all,
        Candidate.HELLO_PATH,
        s.work());
  }

  private static Path existing(Path p) {
    if (!Files.exists(p)) {
      throw new IllegalArgumentException("not built: " + p);
    }
    return p;
  }
}
