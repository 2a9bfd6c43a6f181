package io.skyhop.test;

import io.skyhop.core.FunctionRuntime;
import java.util.List;
import java.util.Map;

/** The target ids of the contract and the view of each. */
final class Targets {
  static final List<String> IDS = List.of("aws", "azure", "gcp", "local", "knative");

  private Targets() {}

  static TargetView view(String target, ClassLoader loader, Map<String, String> env) {
    FunctionRuntime runtime = FunctionRuntime.load(loader);
    return switch (target == null ? "" : target) {
      case "aws" -> new AwsView(AwsHttpEvent.API_GATEWAY_V2, runtime, loader, env);
      case "azure" -> new AzureView(runtime, loader, env);
      case "gcp" -> new GcpView(runtime, loader, env);
      case "local", "knative" -> new RuntimeView(target, runtime, env);
      default ->
          throw new IllegalArgumentException(
              "Unknown target '"
                  + target
                  + "'. Fix: call skyhop.target(...) with one of "
                  + String.join(", ", IDS)
                  + ".");
    };
  }

  static TargetView aws(AwsHttpEvent httpEvent, ClassLoader loader, Map<String, String> env) {
    if (httpEvent == null) {
      throw new IllegalArgumentException(
          "No AWS HTTP event shape given. Fix: call skyhop.aws(AwsHttpEvent.API_GATEWAY_V2) or"
              + " another AwsHttpEvent constant.");
    }
    return new AwsView(httpEvent, FunctionRuntime.load(loader), loader, env);
  }
}
