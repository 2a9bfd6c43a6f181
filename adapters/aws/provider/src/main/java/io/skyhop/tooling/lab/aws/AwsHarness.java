package io.skyhop.tooling.lab.aws;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.lab.ColdStart;
import io.skyhop.tooling.lab.Harness;
import io.skyhop.tooling.lab.Instance;
import io.skyhop.tooling.lab.Invocation;
import io.skyhop.tooling.lab.JvmProcess;
import io.skyhop.tooling.lab.LabContext;
import io.skyhop.tooling.lab.LabException;
import io.skyhop.tooling.lab.LabFunction;
import io.skyhop.tooling.lab.LabTools;
import io.skyhop.tooling.lab.Samples;
import io.skyhop.tooling.lab.Unzip;
import io.skyhop.tooling.pack.aws.AwsEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs functions as AWS Lambda's Java runtime does: the unpacked deployment zip ({@code
 * target/skyhop/aws/<app>.zip}) as the task root, Amazon's runtime interface client as the main
 * class with the handler from {@code manifest.json}, {@code AWS_LAMBDA_RUNTIME_API} pointing at a
 * {@link LambdaRuntimeApi} emulator, the JVM flags of Lambda's managed Java runtimes, and the
 * function's configured memory as the JVM's memory limit. Events have Lambda's shapes (Function URL
 * for HTTP, EventBridge, SQS, S3).
 */
public final class AwsHarness implements Harness {
  /** The runtime interface client's main class. */
  static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  /**
   * The flags Lambda's managed Java 17+ runtimes start the JVM with (tiered C1 only, serial GC).
   */
  static final List<String> LAMBDA_JVM_FLAGS =
      List.of(
          "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

  private final LabContext lab;
  private final Path taskRoot;

  private AwsHarness(LabContext lab, Path taskRoot) {
    this.lab = lab;
    this.taskRoot = taskRoot;
  }

  /**
   * Unpacks the app's Lambda zip.
   *
   * @throws LabException when the zip or the runtime interface client is missing
   */
  public static AwsHarness open(LabContext lab) throws IOException {
    Path zip = lab.skyhopDir().resolve("aws").resolve(lab.app() + ".zip");
    if (!Files.isRegularFile(zip)) {
      throw new LabException(
          "aws is not packaged: "
              + zip
              + " is missing. Fix: run 'mvn package' with aws in skyhop.targets, or leave aws out"
              + " of skyhop.targets for the report");
    }
    if (lab.tools().runtime(Target.named("aws")).isEmpty()) {
      throw new LabException(
          "Amazon's runtime interface client is not available. Fix: run skyhop:report through the"
              + " Skyhop Maven plugin, which brings aws-lambda-java-runtime-interface-client");
    }
    return new AwsHarness(lab, Unzip.into(zip, lab.workDir().resolve("aws").resolve("task")));
  }

  @Override
  public Target target() {
    return Target.named("aws");
  }

  @Override
  public String label() {
    return "aws (runtime interface client)";
  }

  @Override
  public Instance coldStart(LabFunction function) throws IOException {
    String lambdaName = function.app() + "-" + function.name();
    LambdaRuntimeApi api = LambdaRuntimeApi.start(lambdaName);
    JvmProcess process = null;
    try {
      Future<LambdaRuntimeApi.Outcome> first = api.submit(event(function));
      process =
          JvmProcess.start(
              command(function),
              env(function, lambdaName, api),
              taskRoot,
              lab.instanceLog("aws", function.name()));
      LambdaRuntimeApi.Outcome outcome = await(first, process, api, lab.startTimeout().toMillis());
      long t0 = process.startNanos();
      ColdStart cold =
          new ColdStart(
              (outcome.receivedNanos() - t0) / 1e6,
              api.firstNextNanos().stream().mapToDouble(n -> (n - t0) / 1e6).findFirst(),
              OptionalDouble.of(outcome.durationMs()));
      return new AwsInstance(function, api, process, cold);
    } catch (IOException | RuntimeException e) {
      if (process != null) {
        process.close();
      }
      api.close();
      throw e;
    }
  }

  private static String handler(LabFunction function) {
    return function.required("aws", "handler", function.target("aws", AwsEntry.class).handler());
  }

  private List<String> command(LabFunction function) {
    List<Path> classpath = new ArrayList<>();
    classpath.add(taskRoot);
    classpath.add(taskRoot.resolve("lib").resolve("*"));
    classpath.addAll(lab.tools().runtime(Target.named("aws")));
    List<String> command = new ArrayList<>();
    command.add(lab.tools().java().toString());
    command.addAll(LAMBDA_JVM_FLAGS);
    command.add("-XX:MaxRAM=" + function.memoryMb() + "m");
    command.add("-cp");
    command.add(LabTools.classpath(classpath));
    command.add(RIC_MAIN);
    command.add(handler(function));
    return command;
  }

  private Map<String, String> env(LabFunction function, String lambdaName, LambdaRuntimeApi api) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_LAMBDA_RUNTIME_API", api.address());
    env.put("_HANDLER", handler(function));
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
    env.put("AWS_LAMBDA_FUNCTION_NAME", lambdaName);
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + lambdaName);
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "lab");
    env.put("AWS_LAMBDA_LOG_FORMAT", "Text");
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    env.put("TZ", "UTC");
    env.putAll(function.env("aws"));
    return env;
  }

  private byte[] event(LabFunction function) {
    return Samples.render(eventTemplate(function), lab.samples().values(function))
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The template of the event Lambda hands a function: a Function URL request (payload 2.0), an
   * EventBridge scheduled event, an SQS batch of one message, an S3 notification.
   */
  public static String eventTemplate(LabFunction function) {
    return switch (function.triggerType()) {
      case "http" -> "aws-function-url.json";
      case "schedule" -> "aws-schedule.json";
      case "queue" -> "aws-sqs.json";
      case "storage" -> "aws-s3.json";
      default ->
          throw new LabException(
              "Function " + function.name() + " has an unknown trigger " + function.triggerType());
    };
  }

  private static LambdaRuntimeApi.Outcome await(
      Future<LambdaRuntimeApi.Outcome> result,
      JvmProcess process,
      LambdaRuntimeApi api,
      long millis)
      throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (true) {
      try {
        return result.get(20, TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new LabException(
              "aws: the runtime interface client "
                  + (process.isAlive() ? "gave no result within " + millis + " ms" : "exited")
                  + api.initError().map(e -> " after an init error " + e).orElse("")
                  + ". Its log, "
                  + process.log()
                  + ", ends with:"
                  + System.lineSeparator()
                  + process.logTail());
        }
      } catch (ExecutionException e) {
        throw new LabException(
            "aws: " + e.getCause().getMessage() + "; log: " + process.log(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  /** What an outcome says: the HTTP status of a Function URL answer, else ok or error. */
  static String outcome(LabFunction function, LambdaRuntimeApi.Outcome outcome) {
    if (outcome.error()) {
      return "error";
    }
    try {
      JsonElement json = JsonParser.parseString(outcome.body());
      if (json.isJsonObject()) {
        JsonObject o = json.getAsJsonObject();
        if ("http".equals(function.triggerType()) && o.has("statusCode")) {
          return o.get("statusCode").getAsString();
        }
        if (o.has("batchItemFailures") && !o.getAsJsonArray("batchItemFailures").isEmpty()) {
          return "error";
        }
      }
    } catch (RuntimeException notJson) {
      // a plain result
    }
    return "ok";
  }

  private final class AwsInstance implements Instance {
    private final LabFunction function;
    private final LambdaRuntimeApi api;
    private final JvmProcess process;
    private final ColdStart cold;

    AwsInstance(LabFunction function, LambdaRuntimeApi api, JvmProcess process, ColdStart cold) {
      this.function = function;
      this.api = api;
      this.process = process;
      this.cold = cold;
    }

    @Override
    public ColdStart coldStart() {
      return cold;
    }

    @Override
    public Invocation invoke() throws IOException {
      long sent = System.nanoTime();
      LambdaRuntimeApi.Outcome outcome =
          await(
              api.submit(event(function)),
              process,
              api,
              function.manifest().timeoutSeconds() * 1000L + 5000);
      return new Invocation(
          (outcome.receivedNanos() - sent) / 1e6,
          OptionalDouble.of(outcome.durationMs()),
          outcome(function, outcome));
    }

    @Override
    public OptionalLong peakMemoryKb() {
      return process.peakMemoryKb();
    }

    @Override
    public void close() {
      process.close();
      api.close();
    }
  }
}
