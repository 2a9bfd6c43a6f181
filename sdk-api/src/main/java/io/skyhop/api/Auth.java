package io.skyhop.api;

/** Who may call an HTTP function. */
public enum Auth {
  /** Anyone who can reach the URL. */
  ANONYMOUS,
  /**
   * A per-function key is required, as Azure's function keys: {@code x-functions-key} header or
   * {@code code} query parameter on Azure and the in-house runtime, IAM-signed requests on AWS,
   * authenticated invokers on Google Cloud.
   */
  FUNCTION
}
