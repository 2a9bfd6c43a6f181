package io.skyhop.tooling.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.TracingMode;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/** The update path of {@link LambdaFunctions} against a scripted Lambda (the SDK's interface). */
class LambdaFunctionsTest {
  private static final AwsSettings ORDERS =
      AwsSettings.of("orders", new Settings(Map.of("skyhop.region", "us-east-1")));

  private static final String ROLE = "arn:aws:iam::123456789012:role/orders-skyhop-role";
  private static final LambdaFunctions.Code CODE =
      LambdaFunctions.Code.of("zip".getBytes(StandardCharsets.US_ASCII));
  private static final FunctionSpec SPEC =
      new FunctionSpec(
          "get",
          "orders-get",
          "java17",
          "io.skyhop.aws.SkyhopHandler::handleRequest",
          512,
          10,
          Map.of("SKYHOP_FUNCTION", "get"),
          ROLE);

  private final List<String> calls = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();
  private final Deque<GetFunctionConfigurationResponse> polls = new ArrayDeque<>();
  private int conflicts;
  private FunctionConfiguration current;
  private Map<String, String> tags = Map.of("skyhop:app", "orders");

  private final LambdaClient lambda =
      new LambdaClient() {
        @Override
        public String serviceName() {
          return "lambda";
        }

        @Override
        public void close() {}

        @Override
        public GetFunctionResponse getFunction(GetFunctionRequest r) {
          calls.add("GetFunction");
          return GetFunctionResponse.builder().configuration(current).tags(tags).build();
        }

        @Override
        public GetFunctionConfigurationResponse getFunctionConfiguration(
            GetFunctionConfigurationRequest r) {
          calls.add("GetFunctionConfiguration");
          return polls.isEmpty()
              ? GetFunctionConfigurationResponse.builder()
                  .state(State.ACTIVE)
                  .lastUpdateStatus(LastUpdateStatus.SUCCESSFUL)
                  .build()
              : polls.pop();
        }

        @Override
        public UpdateFunctionCodeResponse updateFunctionCode(UpdateFunctionCodeRequest r) {
          calls.add("UpdateFunctionCode");
          return UpdateFunctionCodeResponse.builder().build();
        }

        @Override
        public UpdateFunctionConfigurationResponse updateFunctionConfiguration(
            UpdateFunctionConfigurationRequest r) {
          if (conflicts-- > 0) {
            calls.add("UpdateFunctionConfiguration 409");
            throw (ResourceConflictException)
                ResourceConflictException.builder()
                    .statusCode(409)
                    .awsErrorDetails(
                        AwsErrorDetails.builder()
                            .errorCode("ResourceConflictException")
                            .errorMessage("An update is in progress for resource: orders-get")
                            .build())
                    .build();
          }
          calls.add(
              "UpdateFunctionConfiguration MemorySize="
                  + r.memorySize()
                  + " Timeout="
                  + r.timeout());
          return UpdateFunctionConfigurationResponse.builder().build();
        }
      };

  private LambdaFunctions functions() {
    Pacer fast =
        new Pacer(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1), d -> {});
    BuildListener listener =
        new BuildListener() {
          @Override
          public void info(String message) {
            lines.add(message);
          }

          @Override
          public void warn(String message) {
            lines.add("WARN " + message);
          }
        };
    return new LambdaFunctions(
        lambda, fast, fast, new PlanLog(listener, false), TracingMode.ACTIVE);
  }

  private static FunctionConfiguration.Builder deployed() {
    return FunctionConfiguration.builder()
        .functionName("orders-get")
        .functionArn("arn:aws:lambda:us-east-1:123456789012:function:orders-get")
        .runtime("java17")
        .handler("io.skyhop.aws.SkyhopHandler::handleRequest")
        .memorySize(512)
        .timeout(10)
        .role(ROLE)
        .tracingConfig(t -> t.mode(TracingMode.ACTIVE))
        .environment(
            e ->
                e.variables(Map.of("SKYHOP_FUNCTION", "get", "SKYHOP_ENV_KEYS", "SKYHOP_FUNCTION")))
        .codeSha256(CODE.sha256())
        .state(State.ACTIVE)
        .lastUpdateStatus(LastUpdateStatus.SUCCESSFUL);
  }

  @Test
  void anUnchangedFunctionIsOnlyRead() {
    current = deployed().build();
    LambdaFunctions.Outcome outcome = functions().ensure(ORDERS, SPEC, CODE);
    assertThat(outcome.change()).isEqualTo(PlanLog.Change.UNCHANGED);
    assertThat(calls).containsExactly("GetFunction");
    assertThat(lines).containsExactly("unchanged function     orders-get");
  }

  @Test
  void environmentChangesNameTheKeysAndKeepKeysSkyhopDidNotSet() {
    current =
        deployed()
            .environment(
                e ->
                    e.variables(
                        Map.of(
                            "SKYHOP_FUNCTION", "get",
                            "OLD", "1",
                            "CONSOLE_FLAG", "on",
                            "SKYHOP_ENV_KEYS", "OLD,SKYHOP_FUNCTION")))
            .build();
    LambdaFunctions.Outcome outcome = functions().ensure(ORDERS, SPEC, CODE);
    assertThat(outcome.changes()).containsExactly("env -OLD");
    assertThat(lines)
        .contains(
            "WARN orders-get: keeps environment keys Skyhop did not set: [CONSOLE_FLAG]. Fix: to"
                + " manage"
                + " them, put them in src/main/skyhop/<stage>.properties; to drop them, remove them"
                + " in the provider's console",
            "updated   function     orders-get (env -OLD)");
  }

  @Test
  void aConfigurationChangeUpdatesOnlyTheConfigurationAndWaitsOutAConflict() {
    current = deployed().memorySize(256).timeout(3).build();
    conflicts = 1;
    LambdaFunctions.Outcome outcome = functions().ensure(ORDERS, SPEC, CODE);
    assertThat(outcome.changes()).containsExactly("MemorySize", "Timeout");
    assertThat(calls)
        .containsExactly(
            "GetFunction",
            "UpdateFunctionConfiguration 409",
            "UpdateFunctionConfiguration MemorySize=512 Timeout=10",
            "GetFunctionConfiguration");
    assertThat(lines)
        .containsExactly(
            "updated   function     orders-get (MemorySize, Timeout)",
            "Lambda UpdateFunctionConfiguration orders-get answered 409 ResourceConflictException"
                + " (the function is busy: an update is in progress); waiting, then retrying");
  }

  @Test
  void codeThenConfigurationWithAWaitBeforeEachWhileAnUpdateRuns() {
    current =
        deployed()
            .codeSha256("old")
            .timeout(3)
            .lastUpdateStatus(LastUpdateStatus.IN_PROGRESS)
            .build();
    polls.add(
        GetFunctionConfigurationResponse.builder()
            .state(State.ACTIVE)
            .lastUpdateStatus(LastUpdateStatus.IN_PROGRESS)
            .build());
    functions().ensure(ORDERS, SPEC, CODE);
    assertThat(calls)
        .containsExactly(
            "GetFunction",
            "GetFunctionConfiguration",
            "GetFunctionConfiguration",
            "UpdateFunctionCode",
            "GetFunctionConfiguration",
            "UpdateFunctionConfiguration MemorySize=512 Timeout=10",
            "GetFunctionConfiguration");
  }

  @Test
  void aFailedUpdateNamesAwsReason() {
    current = deployed().codeSha256("old").build();
    GetFunctionConfigurationResponse failed =
        GetFunctionConfigurationResponse.builder()
            .state(State.ACTIVE)
            .lastUpdateStatus(LastUpdateStatus.FAILED)
            .lastUpdateStatusReasonCode("InvalidRuntime")
            .lastUpdateStatusReason("The runtime is not supported")
            .build();
    // Lambda answers Failed until the function changes: to the SDK's waiter, which then stops,
    // and to the read that names the reason
    polls.add(failed);
    polls.add(failed);
    assertThatThrownBy(() -> functions().ensure(ORDERS, SPEC, CODE))
        .isInstanceOf(AwsDeployException.class)
        .hasMessage(
            "Lambda reports LastUpdateStatus=Failed for orders-get: InvalidRuntime The runtime is"
                + " not supported. Fix: correct what AWS names (role, package, runtime), then"
                + " re-run");
  }

  @Test
  void aFunctionOfAnotherAppIsLeftAlone() {
    current = deployed().codeSha256("old").build();
    tags = Map.of("team", "payments");
    assertThatThrownBy(() -> functions().ensure(ORDERS, SPEC, CODE))
        .hasMessage(
            "The Lambda function orders-get exists but does not belong to the Skyhop app 'orders'"
                + " (its tag skyhop:app is absent), so Skyhop leaves it alone. Fix: choose another"
                + " -Dskyhop.app, or delete or rename that function");
    assertThat(calls).containsExactly("GetFunction");
  }

  @Test
  void aFunctionOfAnotherStageIsLeftAlone() {
    current = deployed().codeSha256("old").build();
    tags = Map.of("skyhop:app", "orders", "skyhop:stage", "prod");
    AwsSettings dev =
        AwsSettings.of(
            "orders", new Settings(Map.of("skyhop.region", "us-east-1", "skyhop.stage", "dev")));
    assertThatThrownBy(() -> functions().ensure(dev, SPEC, CODE))
        .hasMessage(
            "The Lambda function orders-get exists but does not belong to the Skyhop app 'orders'"
                + " stage 'dev' (its tag skyhop:app is 'orders', skyhop:stage 'prod'), so Skyhop"
                + " leaves it alone. Fix: choose another -Dskyhop.app, or delete or rename that"
                + " function");
    assertThat(calls).containsExactly("GetFunction");
  }
}
