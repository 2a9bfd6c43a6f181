package io.skyhop.it.deploy.aws;

import io.skyhop.it.Repo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * The AWS data-plane emulators that run here (reference/emulators-here.md): ElasticMQ for SQS,
 * embedded, and Adobe's S3Mock for S3, as its own JVM (copied to {@code target/aws/s3mock.jar} by
 * the build), each behind an {@link EmulatorFront} that records the calls.
 */
public final class AwsEmulators implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final SQSRestServer elasticMq;
  private final Process s3Mock;
  private final EmulatorFront sqs;
  private final EmulatorFront s3;

  private AwsEmulators(
      SQSRestServer elasticMq, Process s3Mock, EmulatorFront sqs, EmulatorFront s3) {
    this.elasticMq = elasticMq;
    this.s3Mock = s3Mock;
    this.sqs = sqs;
    this.s3 = s3;
  }

  /**
   * Starts both and waits until they answer; ElasticMQ's ARNs name {@code region} and {@code
   * account}, as SQS's would.
   */
  public static AwsEmulators start(String region, String account)
      throws IOException, InterruptedException {
    Path jar = Repo.root().resolve("integration-tests/target/aws/s3mock.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing: run the integration tests through Maven (maven-dependency-plugin"
              + " copies it in the pre-integration-test phase)");
    }
    int s3Port = freePort();
    Path dir = Files.createDirectories(Repo.root().resolve("integration-tests/target/aws/s3mock"));
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString(),
                "--server.port=0",
                "--com.adobe.testing.s3mock.http-port=" + s3Port,
                "--com.adobe.testing.s3mock.store.root=" + Files.createTempDirectory(dir, "store"),
                "--spring.main.banner-mode=off")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("s3mock-" + s3Port + ".log").toFile())
            .start();
    Sqs sqs = startSqs(region, account);
    try {
      awaitPort(s3Port, process);
      return new AwsEmulators(
          sqs.server,
          process,
          sqs.front,
          EmulatorFront.s3(URI.create("http://127.0.0.1:" + s3Port)));
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      sqs.close();
      throw e;
    }
  }

  /** ElasticMQ alone, behind its front: starts in about a second. */
  public record Sqs(SQSRestServer server, EmulatorFront front) implements AutoCloseable {
    @Override
    public void close() {
      front.close();
      server.stopAndWait();
    }
  }

  /** Starts ElasticMQ alone; its ARNs name {@code region} and {@code account}. */
  public static Sqs startSqs(String region, String account) throws IOException {
    SQSRestServer server =
        SQSRestServerBuilder.withInterface("127.0.0.1")
            .withDynamicPort()
            .withAWSRegion(region)
            .withAWSAccountId(account)
            .start();
    int port = server.waitUntilStarted().localAddress().getPort();
    return new Sqs(server, EmulatorFront.sqs(URI.create("http://127.0.0.1:" + port)));
  }

  /** The front of ElasticMQ, for {@code skyhop.aws.endpoint.sqs}. */
  public EmulatorFront sqs() {
    return sqs;
  }

  /** The front of S3Mock, for {@code skyhop.aws.endpoint.s3}. */
  public EmulatorFront s3() {
    return s3;
  }

  private static void awaitPort(int port, Process process)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException(
            "S3Mock exited with " + process.exitValue() + " (see target/aws/s3mock)");
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(250);
      }
    }
    throw new IOException("S3Mock did not listen on " + port + " within " + START_TIMEOUT);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    sqs.close();
    s3.close();
    elasticMq.stopAndWait();
    s3Mock.destroy();
  }
}
