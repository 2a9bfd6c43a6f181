package io.skyhop.tooling.deploy.gcp;

import java.util.Optional;

/**
 * A Google Cloud call failed: the message names the call, the provider's error and the fix. A
 * re-run converges, so the fix for a passing fault is to run the deploy again.
 */
public class GcpApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String call;
  private final transient ProviderError error;

  /**
   * A failed call.
   *
   * @param call the call, e.g. {@code CreateFunction orders-get}
   * @param error the provider's error, if it answered
   * @param detail what happened, following the call's name in the message
   * @param cause the client's exception
   */
  public GcpApiException(String call, ProviderError error, String detail, Throwable cause) {
    super("Google Cloud call " + call + " failed: " + detail + ". " + fix(error), cause);
    this.call = call;
    this.error = error;
  }

  /** The call that failed. */
  public String call() {
    return call;
  }

  /** The provider's error, if it answered. */
  public Optional<ProviderError> error() {
    return Optional.ofNullable(error);
  }

  private static String fix(ProviderError error) {
    if (error == null) {
      return "Fix: check the network and skyhop.gcp.endpoint, then run the deploy again";
    }
    return switch (error.httpStatus()) {
      case 401 ->
          "Fix: renew the credentials ('gcloud auth application-default login' or a valid key in"
              + " GOOGLE_APPLICATION_CREDENTIALS)";
      case 403 ->
          "Fix: enable the Cloud Functions, Cloud Build, Artifact Registry, Cloud Run and Cloud"
              + " Scheduler APIs in the project, and grant the deploying identity"
              + " roles/cloudfunctions.developer, roles/run.admin, roles/cloudscheduler.admin and"
              + " roles/iam.serviceAccountUser";
      case 400 -> "Fix: correct the setting the provider names, then run the deploy again";
      default ->
          error.isTransient() || error.isBusy()
              ? "Fix: the provider is throttling or failing; run the deploy again later, it"
                  + " continues where this one stopped"
              : "Fix: see the provider's message, then run the deploy again";
    };
  }
}
