package io.skyhop.tooling.naming.gcp;

import io.skyhop.tooling.naming.Naming;

/**
 * Google Cloud names of one app and stage. Limits: Cloud Functions (Cloud Run) and Eventarc trigger
 * ids 63 lower-case letters, digits and hyphens starting with a letter; Pub/Sub topic and
 * subscription ids 3 to 255 characters starting with a letter; Cloud Storage bucket names 3 to 63
 * lower-case letters, digits, hyphens, underscores and dots, global; service account ids 6 to 30
 * lower-case letters, digits and hyphens; Cloud Scheduler job ids 500.
 */
public final class GcpNames {
  /** Cloud Functions ids (Cloud Run service names). */
  public static final int MAX_FUNCTION = 63;

  /** Pub/Sub topic and subscription ids. */
  public static final int MAX_TOPIC = 255;

  /** Cloud Storage bucket names. */
  public static final int MAX_BUCKET = 63;

  /** Service account ids. */
  public static final int MAX_SERVICE_ACCOUNT = 30;

  /** Eventarc trigger ids. */
  public static final int MAX_TRIGGER = 63;

  /** The label key prefix: {@code skyhop-app}, {@code skyhop-stage}. */
  public static final String LABEL_PREFIX = "skyhop-";

  /** Ends the id of a topic's dead-letter topic. */
  public static final String DEAD_LETTER_SUFFIX = "-dlq";

  private final Naming naming;

  private GcpNames(Naming naming) {
    this.naming = naming;
  }

  /** The names of {@code naming}'s app and stage. */
  public static GcpNames of(Naming naming) {
    return new GcpNames(naming);
  }

  /** The Cloud Functions id: {@code <prefix>-<function>}. */
  public String function(String function) {
    return Naming.fit(Naming.dnsSafe(naming.prefix() + "-" + function), MAX_FUNCTION);
  }

  /** The Pub/Sub topic of a logical queue: {@code <prefix>-<queue>}. */
  public String topic(String logical) {
    return Naming.fit(naming.prefix() + "-" + logical, MAX_TOPIC - DEAD_LETTER_SUFFIX.length());
  }

  /** The dead-letter topic of a logical queue: {@code <prefix>-<queue>-dlq}. */
  public String deadLetterTopic(String logical) {
    return topic(logical) + DEAD_LETTER_SUFFIX;
  }

  /** The Eventarc trigger of a function: {@code <prefix>-<function>}. */
  public String trigger(String function) {
    return Naming.fit(Naming.dnsSafe(naming.prefix() + "-" + function), MAX_TRIGGER);
  }

  /**
   * The Cloud Storage bucket of a logical bucket, unique across Google Cloud: {@code
   * <prefix>-<bucket>-<hash of project, app, stage and bucket>}.
   */
  public String bucket(String project, String logical) {
    return Naming.unique(
        Naming.dnsSafe(naming.prefix() + "-" + logical),
        MAX_BUCKET,
        "gcp",
        project,
        naming.app(),
        naming.stageLabel(),
        logical);
  }

  /** The id of the app's service account: {@code <prefix>-skyhop}. */
  public String serviceAccount() {
    return Naming.fit(Naming.dnsSafe(naming.prefix() + "-skyhop"), MAX_SERVICE_ACCOUNT);
  }

  /** The labels of every resource Skyhop owns: {@code skyhop-app}, {@code skyhop-stage}. */
  public java.util.Map<String, String> labels() {
    return naming.tags(LABEL_PREFIX);
  }
}
