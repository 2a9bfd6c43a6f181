package io.skyhop.aws;

import io.skyhop.core.FunctionFailedException;

/**
 * A function threw a checked exception during an invocation that answers failures with an error
 * (schedule, S3, direct); its cause is the user's exception.
 */
public final class FunctionInvocationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  FunctionInvocationException(FunctionFailedException failed) {
    super(failed.getMessage(), failed.getCause());
  }
}
