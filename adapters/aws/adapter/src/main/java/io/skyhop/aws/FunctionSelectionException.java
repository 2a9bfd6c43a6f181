package io.skyhop.aws;

import io.skyhop.core.Adapters;
import java.util.List;

/**
 * The execution environment does not name the Skyhop function it serves: {@value
 * Adapters#FUNCTION_ENV} is missing. Thrown at init, so Lambda reports an init error.
 */
public final class FunctionSelectionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  FunctionSelectionException(List<String> known) {
    super(
        "The environment variable "
            + Adapters.FUNCTION_ENV
            + " is not set, so this Lambda function does not know which Skyhop function to serve."
            + " Fix: set "
            + Adapters.FUNCTION_ENV
            + " to one of "
            + known
            + " in the function's environment (skyhop:package writes it into"
            + " target/skyhop/aws/template.yaml and manifest.json for every function).");
  }
}
