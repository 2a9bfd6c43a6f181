package io.skyhop.aws;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Lambda's context as the runtime would pass it, collecting log events. */
final class FakeLambdaContext implements Context {
  final List<String> logs = new ArrayList<>();
  private final String requestId;
  private final int remainingMillis;

  FakeLambdaContext(String requestId, int remainingMillis) {
    this.requestId = requestId;
    this.remainingMillis = remainingMillis;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/test";
  }

  @Override
  public String getLogStreamName() {
    return "stream";
  }

  @Override
  public String getFunctionName() {
    return "app-test";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:app-test";
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return remainingMillis;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 512;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        logs.add(message);
      }

      @Override
      public void log(byte[] message) {
        logs.add(new String(message, StandardCharsets.UTF_8));
      }

      @Override
      public void log(String message, LogLevel level) {
        logs.add("[" + level + "] " + message);
      }
    };
  }
}
