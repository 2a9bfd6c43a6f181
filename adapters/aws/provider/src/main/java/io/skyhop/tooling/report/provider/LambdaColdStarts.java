package io.skyhop.tooling.report.provider;

import io.skyhop.tooling.cost.aws.LambdaReport;
import io.skyhop.tooling.cost.aws.LambdaReportLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Forces cold starts of a deployed Lambda function and reads what Lambda reports, as AWS Lambda
 * Power Tuning does: change an environment variable ({@value #NONCE}) so that Lambda retires the
 * function's execution environments, wait for {@code LastUpdateStatus = Successful}, invoke with
 * {@code LogType=Tail} and parse the {@code REPORT} record of the log tail ({@code Init Duration},
 * {@code Duration}, {@code Billed Duration}, {@code Max Memory Used}); then invoke once more for a
 * warm figure. Afterwards the function's environment is put back as it was.
 */
final class LambdaColdStarts {
  /** The environment variable changed to force a new execution environment. */
  static final String NONCE = CloudMeasurement.NONCE;

  private static final int MAX_POLLS = 300;

  private final LambdaClient lambda;
  private final Pause pause;

  LambdaColdStarts(LambdaClient lambda, Pause pause) {
    this.lambda = lambda;
    this.pause = pause;
  }

  /**
   * One forced cold start and the warm invocation after it.
   *
   * @param cold the cold invocation's report
   * @param warm the next invocation's report
   * @param coldClientMs the cold invocation as the client waited (network included)
   */
  record Sample(LambdaReport cold, LambdaReport warm, double coldClientMs) {}

  /** Takes {@code count} samples of {@code function} with {@code event}. */
  List<Sample> measure(String function, byte[] event, int count) throws InterruptedException {
    Map<String, String> original =
        variables(lambda.getFunctionConfiguration(b -> b.functionName(function)));
    List<Sample> samples = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        Map<String, String> changed = new HashMap<>(original);
        changed.put(NONCE, UUID.randomUUID().toString());
        update(function, changed);
        long start = System.nanoTime();
        LambdaReport cold = invoke(function, event);
        double clientMs = (System.nanoTime() - start) / 1e6;
        if (!cold.coldStart()) {
          throw new IllegalStateException(
              "Lambda reused an execution environment of "
                  + function
                  + " after its"
                  + " configuration changed: the REPORT has no Init Duration");
        }
        samples.add(new Sample(cold, invoke(function, event), clientMs));
      }
    } finally {
      update(function, original);
    }
    return samples;
  }

  private void update(String function, Map<String, String> variables) throws InterruptedException {
    lambda.updateFunctionConfiguration(
        b ->
            b.functionName(function)
                .environment(Environment.builder().variables(variables).build()));
    for (int poll = 0; poll < MAX_POLLS; poll++) {
      GetFunctionConfigurationResponse c =
          lambda.getFunctionConfiguration(b -> b.functionName(function));
      if (c.lastUpdateStatus() == LastUpdateStatus.FAILED) {
        throw new IllegalStateException(
            "Updating " + function + " failed: " + c.lastUpdateStatusReason());
      }
      if (c.lastUpdateStatus() == null || c.lastUpdateStatus() == LastUpdateStatus.SUCCESSFUL) {
        return;
      }
      pause.pause(1000);
    }
    throw new IllegalStateException(
        function + " did not reach LastUpdateStatus=Successful within " + MAX_POLLS + " polls");
  }

  private LambdaReport invoke(String function, byte[] event) {
    InvokeResponse response =
        lambda.invoke(
            b ->
                b.functionName(function)
                    .invocationType(InvocationType.REQUEST_RESPONSE)
                    .logType(LogType.TAIL)
                    .payload(SdkBytes.fromByteArray(event)));
    if (response.logResult() == null) {
      throw new IllegalStateException(
          "Lambda returned no log tail (X-Amz-Log-Result) for " + function);
    }
    return LambdaReportLine.fromLogResult(response.logResult())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "The log tail of "
                        + function
                        + " holds no REPORT line: "
                        + new String(
                            java.util.Base64.getDecoder().decode(response.logResult()),
                            StandardCharsets.UTF_8)));
  }

  private static Map<String, String> variables(GetFunctionConfigurationResponse c) {
    Map<String, String> v = new HashMap<>();
    if (c.environment() != null && c.environment().variables() != null) {
      v.putAll(c.environment().variables());
    }
    v.remove(NONCE);
    return v;
  }
}
