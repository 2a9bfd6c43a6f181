package io.skyhop.tooling.deploy.aws;

import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/**
 * Waits for Lambda states with the AWS SDK's own {@link LambdaWaiter} ({@code FunctionActive},
 * {@code FunctionUpdated}, {@code PublishedVersionActive}: the acceptors AWS defines for them), its
 * backoff and time limit from the deploy's {@link Pacer} ({@link Pacer#waiterTiming()}), so tests
 * wait milliseconds. The waiters poll {@code GetFunctionConfiguration}, the call the stubs and
 * {@code skyhop:policy} already know. When a waiter ends in its failure state the configuration is
 * read once more, for the message to name AWS's reason.
 */
final class LambdaWaits {
  private final LambdaClient lambda;
  private final LambdaWaiter waiter;
  private final Pacer pacer;

  LambdaWaits(LambdaClient lambda, Pacer pacer) {
    this.lambda = lambda;
    this.pacer = pacer;
    this.waiter =
        LambdaWaiter.builder().client(lambda).overrideConfiguration(pacer.waiterTiming()).build();
  }

  /**
   * Waits until {@code name} is {@code State=Active}.
   *
   * @param failed the error for a function whose configuration says it failed
   */
  GetFunctionConfigurationResponse active(
      String name, Function<GetFunctionConfigurationResponse, AwsDeployException> failed) {
    return await(
        name + " to become Active",
        name,
        null,
        () -> waiter.waitUntilFunctionActive(b -> b.functionName(name)),
        failed);
  }

  /** Waits until no update of {@code name} runs ({@code LastUpdateStatus=Successful}). */
  GetFunctionConfigurationResponse updated(
      String name, Function<GetFunctionConfigurationResponse, AwsDeployException> failed) {
    return await(
        name + " to finish updating (LastUpdateStatus=Successful)",
        name,
        null,
        () -> waiter.waitUntilFunctionUpdated(b -> b.functionName(name)),
        failed);
  }

  /** Waits until version {@code version} of {@code name} is {@code State=Active}. */
  GetFunctionConfigurationResponse publishedVersionActive(
      String name,
      String version,
      Function<GetFunctionConfigurationResponse, AwsDeployException> failed) {
    return await(
        name + ":" + version + " to become Active",
        name,
        version,
        () -> waiter.waitUntilPublishedVersionActive(b -> b.functionName(name).qualifier(version)),
        failed);
  }

  private GetFunctionConfigurationResponse await(
      String what,
      String name,
      String qualifier,
      Supplier<WaiterResponse<GetFunctionConfigurationResponse>> wait,
      Function<GetFunctionConfigurationResponse, AwsDeployException> failed) {
    try {
      WaiterResponse<GetFunctionConfigurationResponse> response = wait.get();
      return response.matched().response().orElseThrow(() -> pacer.gaveUp(what, null));
    } catch (SdkException e) {
      // a failure state, the time limit, or an error no acceptor takes: the configuration, read
      // once more, names AWS's reason (or AwsCalls names the error)
      GetFunctionConfigurationResponse now = configuration(name, qualifier);
      AwsDeployException failure = failed.apply(now);
      if (failure != null) {
        throw failure;
      }
      throw pacer.gaveUp(what, e);
    }
  }

  private GetFunctionConfigurationResponse configuration(String name, String qualifier) {
    return AwsCalls.call(
        "Lambda GetFunctionConfiguration " + name + (qualifier == null ? "" : ":" + qualifier),
        () ->
            lambda.getFunctionConfiguration(
                b -> {
                  b.functionName(name);
                  if (qualifier != null) {
                    b.qualifier(qualifier);
                  }
                }));
  }
}
