package io.skyhop.tooling.pack.aws;

/**
 * How Skyhop sets up an app's SQS queues, the same in the SAM template and in {@code mvn deploy}: a
 * dead-letter queue that takes a message after {@value #MAX_RECEIVE_COUNT} receives (as the
 * in-house runtime and Azure do) and keeps it {@value #DEAD_LETTER_RETENTION} s (14 days, the SQS
 * maximum), and a visibility timeout of six times the longest timeout of the queue's functions, as
 * Lambda advises.
 */
public final class SqsQueueSettings {
  /** Receives before SQS moves a message to the dead-letter queue. */
  public static final int MAX_RECEIVE_COUNT = 5;

  /** How long the dead-letter queue keeps a message, in seconds. */
  public static final int DEAD_LETTER_RETENTION = 1_209_600;

  /** The largest visibility timeout SQS accepts, in seconds. */
  static final int MAX_VISIBILITY_TIMEOUT = 43_200;

  private SqsQueueSettings() {}

  /** The visibility timeout of a queue whose functions time out after at most {@code seconds}. */
  public static int visibilityTimeout(int seconds) {
    return Math.min(MAX_VISIBILITY_TIMEOUT, Math.max(30, 6 * seconds));
  }
}
