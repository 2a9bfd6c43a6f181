package io.skyhop.tooling.deploy.knative;

/** The registry or the Kubernetes API refused or failed a call of the knative deployer. */
public class KnativeDeployException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with its cause. */
  public KnativeDeployException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An error. */
  public KnativeDeployException(String message) {
    super(message);
  }
}
