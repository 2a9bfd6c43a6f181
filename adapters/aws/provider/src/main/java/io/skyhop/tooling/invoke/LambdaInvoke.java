package io.skyhop.tooling.invoke;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Lambda's {@code Invoke} with the event EventBridge sends a schedule function ({@code detail-type:
 * Scheduled Event}, the rule's ARN in {@code resources}), with {@code LogType=Tail}: the {@code
 * REPORT} line of the log tail gives the billed duration and, on a cold start, the init duration.
 */
final class LambdaInvoke {
  private static final Pattern BILLED = Pattern.compile("Billed Duration: (\\d+) ms");
  private static final Pattern INIT = Pattern.compile("Init Duration: ([\\d.]+) ms");

  private final LambdaClient lambda;
  private final Clock clock;

  LambdaInvoke(LambdaClient lambda, Clock clock) {
    this.lambda = lambda;
    this.clock = clock;
  }

  /** Fires a schedule function now, as its EventBridge rule would. */
  Invocation schedule(String functionName, String ruleName, String region) {
    String arn = lambda.getFunctionConfiguration(b -> b.functionName(functionName)).functionArn();
    String account = arn.split(":")[4];
    JsonObject event = new JsonObject();
    event.addProperty("version", "0");
    event.addProperty("id", UUID.randomUUID().toString());
    event.addProperty("detail-type", "Scheduled Event");
    event.addProperty("source", "aws.events");
    event.addProperty("account", account);
    event.addProperty("time", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    event.addProperty("region", region);
    JsonArray resources = new JsonArray();
    resources.add(
        "arn:" + arn.split(":")[1] + ":events:" + region + ":" + account + ":rule/" + ruleName);
    event.add("resources", resources);
    event.add("detail", new JsonObject());
    long start = System.nanoTime();
    InvokeResponse response =
        lambda.invoke(
            b ->
                b.functionName(functionName)
                    .logType(LogType.TAIL)
                    .payload(SdkBytes.fromUtf8String(event.toString())));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String tail =
        response.logResult() == null
            ? ""
            : new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
    String body = response.payload() == null ? "" : response.payload().asUtf8String();
    boolean failed = response.functionError() != null;
    return new Invocation(
        failed ? 500 : response.statusCode(),
        failed ? response.functionError() + ": " + body : body,
        took,
        find(BILLED, tail).map(ms -> Duration.ofMillis(Long.parseLong(ms))),
        find(INIT, tail).map(ms -> Duration.ofNanos(Math.round(Double.parseDouble(ms) * 1e6))),
        "Lambda Invoke with a Scheduled Event of rule " + ruleName);
  }

  private static Optional<String> find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
