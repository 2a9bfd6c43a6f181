package io.skyhop.it.aws;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * A fresh JVM started the way Lambda's managed Java runtime starts one: Amazon's runtime interface
 * client ({@value #MAIN}) alone on the class path, the unzipped deployment package as the working
 * directory (the client loads the task root and {@code lib/*.jar} through its own class loader, as
 * on {@code /var/task}), the handler string as the argument, and a clean environment with Lambda's
 * reserved variables plus the function's own. Plain JDK code: the AWS benchmark compiles it too.
 */
public final class LambdaProcess implements AutoCloseable {
  /** The runtime interface client's main class. */
  public static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  private static final String JNI_PROPERTY =
      "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

  private final Process process;
  private final Path log;
  private final long startNanos;

  private LambdaProcess(Process process, Path log, long startNanos) {
    this.process = process;
    this.log = log;
    this.startNanos = startNanos;
  }

  /**
   * Starts the runtime.
   *
   * @param taskRoot the unzipped deployment package
   * @param runtimeJars the runtime interface client and its dependencies
   * @param jni the client's native library, extracted by {@link #extractJni}
   * @param handler the handler string
   * @param runtime the Lambda runtime name, e.g. {@code java17}
   * @param functionEnv the function's environment (from the manifest)
   * @param runtimeApi {@code AWS_LAMBDA_RUNTIME_API}
   * @param memoryMb the function's memory, which sizes the heap as Lambda does
   * @param log where stdout and stderr go
   */
  public static LambdaProcess start(
      Path taskRoot,
      List<Path> runtimeJars,
      Path jni,
      String handler,
      String runtime,
      Map<String, String> functionEnv,
      String runtimeApi,
      int memoryMb,
      Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:MaxHeapSize=" + (memoryMb * 85 / 100) + "m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    command.add("-Djava.net.preferIPv4Stack=true");
    command.add("-D" + JNI_PROPERTY + "=" + jni);
    command.add("-classpath");
    command.add(String.join(":", runtimeJars.stream().map(Path::toString).toList()));
    command.add(MAIN);
    command.add(handler);
    ProcessBuilder pb = new ProcessBuilder(command).directory(taskRoot.toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.putAll(lambdaEnvironment(taskRoot, handler, runtime, functionEnv, runtimeApi, memoryMb));
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    long start = System.nanoTime();
    return new LambdaProcess(pb.start(), log, start);
  }

  private static Map<String, String> lambdaEnvironment(
      Path taskRoot,
      String handler,
      String runtime,
      Map<String, String> functionEnv,
      String api,
      int memoryMb) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("LANG", "en_US.UTF-8");
    env.put("TZ", "UTC");
    env.put("_HANDLER", handler);
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + runtime);
    env.put("AWS_LAMBDA_FUNCTION_NAME", functionEnv.getOrDefault("SKYHOP_FUNCTION", "function"));
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/test");
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2024/05/01/[$LATEST]0123456789abcdef");
    env.put("AWS_LAMBDA_RUNTIME_API", api);
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    env.putAll(functionEnv);
    return env;
  }

  /** Extracts the client's x86-64 Linux library from its jar once, so JVMs need not race. */
  public static Path extractJni(List<Path> runtimeJars, Path dir) throws IOException {
    for (Path jar : runtimeJars) {
      try (JarFile j = new JarFile(jar.toFile())) {
        ZipEntry e = j.getEntry("jni/libaws-lambda-jni.linux-x86_64.so");
        if (e != null) {
          Path so = dir.resolve("libaws-lambda-jni.so");
          try (InputStream in = j.getInputStream(e)) {
            Files.copy(in, so, StandardCopyOption.REPLACE_EXISTING);
          }
          return so;
        }
      }
    }
    throw new IllegalStateException("No runtime interface client jar among " + runtimeJars);
  }

  /** {@link System#nanoTime()} just before the process was started. */
  public long startNanos() {
    return startNanos;
  }

  /**
   * CPU time the process has used so far (all its threads: interpreter, class loading, JIT), in
   * milliseconds; -1 when the platform does not report it.
   */
  public long cpuMillis() {
    return process.toHandle().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits up to {@code seconds} for the process to exit; its exit code, or -1 if still running. */
  public int waitFor(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  /** Everything the process wrote so far. */
  public String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** Kills the process and waits for it. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
