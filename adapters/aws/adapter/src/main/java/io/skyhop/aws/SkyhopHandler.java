package io.skyhop.aws;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.skyhop.api.Context;
import io.skyhop.core.Adapters;
import io.skyhop.core.BoundFunction;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionFailedException;
import io.skyhop.core.FunctionRuntime;
import io.skyhop.core.InvocationContext;
import io.skyhop.core.Secrets;
import io.skyhop.core.UnknownFunctionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Lambda entry point of every Skyhop function: handler {@code
 * io.skyhop.aws.SkyhopHandler::handleRequest}. The function an execution environment serves is
 * named by the environment variable {@value Adapters#FUNCTION_ENV} (written by {@code
 * skyhop:package}), never by the request; it is read and bound once, when Lambda creates the
 * handler, so a missing or unknown name is an init error.
 *
 * <p>Events are told apart by shape: API Gateway REST (payload 1.0), HTTP API and Function URL
 * (payload 2.0), ALB, SQS (answered with {@code batchItemFailures}), S3 notifications, EventBridge
 * scheduled events, and otherwise a direct invocation with a plain JSON payload. Failure contract:
 * HTTP events always get an HTTP answer (a thrown exception is a 500 without the stack trace, which
 * goes to the log); SQS failures are listed per message; for schedule, S3 and direct invocations
 * the function's exception is thrown to the runtime, which reports it to Lambda as the invocation's
 * error.
 */
public final class SkyhopHandler implements RequestStreamHandler {
  private static final String TARGET = "aws";

  private final BoundFunction function;
  private final EventDispatcher dispatcher;
  private final Map<String, String> env;
  private final Secrets secrets;
  private final Object hooks; // SnapStart's CRaC resource, kept reachable; null on demand

  /**
   * Created by the Lambda runtime once per execution environment.
   *
   * @throws FunctionSelectionException if {@value Adapters#FUNCTION_ENV} is not set
   * @throws UnknownFunctionException if it names no function of the package
   */
  public SkyhopHandler() {
    this(System.getenv(), SkyhopHandler.class.getClassLoader());
  }

  /**
   * A handler for the functions indexed in {@code loader}, serving the one {@code env} names: for
   * in-process invocation (the test kit). Lambda uses the no-argument constructor.
   *
   * @throws FunctionSelectionException if {@value Adapters#FUNCTION_ENV} is not set in {@code env}
   * @throws UnknownFunctionException if it names no function of the package
   */
  public SkyhopHandler(Map<String, String> env, ClassLoader loader) {
    FunctionRuntime runtime = FunctionRuntime.load(loader, env);
    String name = env.get(Adapters.FUNCTION_ENV);
    if (name == null || name.isBlank()) {
      List<String> known = new ArrayList<>();
      for (FunctionDef f : runtime.index().functions()) {
        known.add(f.name());
      }
      throw new FunctionSelectionException(known);
    }
    this.function = runtime.function(name.trim());
    this.dispatcher = new EventDispatcher(function, runtime.json());
    this.env = env;
    this.secrets =
        new Secrets(
            function.name(),
            function.def().secrets(),
            new SecretsManager(function.def().secrets(), env));
    try {
      this.hooks = LambdaPriming.start(runtime, function.name(), env);
    } catch (FunctionFailedException e) {
      throw userFault(e);
    }
  }

  @Override
  public void handleRequest(
      InputStream input, OutputStream output, com.amazonaws.services.lambda.runtime.Context aws)
      throws IOException {
    byte[] payload = input.readAllBytes();
    byte[] result;
    try {
      result = dispatcher.dispatch(payload, context(aws));
    } catch (FunctionFailedException e) {
      throw userFault(e);
    }
    output.write(result);
  }

  private Context context(com.amazonaws.services.lambda.runtime.Context aws) {
    LambdaLogger logger = aws.getLogger() != null ? aws.getLogger() : LambdaRuntime.getLogger();
    return InvocationContext.of(
        aws.getAwsRequestId(),
        function.name(),
        TARGET,
        System.currentTimeMillis() + aws.getRemainingTimeInMillis(),
        new LambdaLogging(logger),
        env,
        secrets);
  }

  /** The user's own exception, so Lambda reports its type, message and frames. */
  private static RuntimeException userFault(FunctionFailedException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException unchecked) {
      return unchecked;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new FunctionInvocationException(e);
  }
}
