package io.skyhop.tooling.verify;

import io.skyhop.tooling.ConfigurationException;
import java.util.List;

/** A deploy whose functions do not all work; the message names each and what became of them. */
public final class DeployVerificationException extends ConfigurationException {
  private static final long serialVersionUID = 1L;
  private final transient List<DeployVerifier.Failure> failures;

  DeployVerificationException(String message, List<DeployVerifier.Failure> failures) {
    super(Verification.VERIFY, message);
    this.failures = List.copyOf(failures);
  }

  /** The functions that do not work. */
  public List<DeployVerifier.Failure> failures() {
    return failures;
  }
}
